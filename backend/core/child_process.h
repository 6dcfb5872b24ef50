#pragma once
// Long library calls that cannot be interrupted (e.g. SentencePiece training) run in a forked
// child process, so that cancelling the job can kill them instead of waiting for them to end.

#include <functional>

#include "backend/core/job.h"

namespace routescope::core {

// Forks; the child runs `work` and exits with its return value (an exception in the child exits
// with 1 after writing its message to stderr). The parent polls `cancel` every 50 ms and kills
// the child with SIGKILL when it is set, then throws JobCancelled. Throws Error when the child
// dies from a signal. Returns the child's exit code.
// `work` must not rely on threads of the parent: only the calling thread exists in the child.
int runInChildProcess(const CancelToken& cancel, const std::function<int()>& work);

}  // namespace routescope::core
