#pragma once
// Internal to the corpus builder: renders one man page to plain text with `man -l` (man-db, groff)
// in a child process that is killed when the job is cancelled.

#include <string>

#include "backend/core/job.h"

namespace routescope::moe::detail {

struct RenderResult {
  bool ok = false;
  bool man_missing = false;  // the `man` program could not be started
  std::string text;          // plain text: no overstrikes, no escapes
  std::string error;         // why it failed, for the manifest
};

// Throws core::JobCancelled when `cancel` is set while the page renders.
RenderResult renderManPage(const std::string& path, const core::CancelToken& cancel);

}  // namespace routescope::moe::detail
