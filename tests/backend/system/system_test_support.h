#pragma once
// Runs a registered system job against a temporary store.

#include <filesystem>
#include <memory>

#include "backend/core/job_runner.h"
#include "backend/core/run_store.h"
#include "backend/core/study_registry.h"
#include "backend/system/torch_runtime.h"
#include "tests/support/cli_runner.h"

namespace routescope::testing {

class SystemJobFixture {
 public:
  SystemJobFixture() : dir_(makeTempDir()), store_(std::make_unique<core::RunStore>(dir_ + "/runs.sqlite")) {}
  ~SystemJobFixture() {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  core::RunStore& store() { return *store_; }

  core::RunOutcome run(const core::JobKind& kind, const std::vector<std::string>& overrides, uint64_t seed,
                       int threads, const core::CancelToken& cancel = core::CancelToken{}) {
    const auto config = kind.schema.resolve(nullptr, overrides);
    core::RunRequest request;
    request.study = kind.study;
    request.kind = kind.kind;
    request.settings = {config, seed, "cpu", threads};
    request.runtime = system::describeRuntime();
    auto job = kind.create(config);
    return core::runJob(*store_, *job, request, cancel);
  }

 private:
  std::string dir_;
  std::unique_ptr<core::RunStore> store_;
};

}  // namespace routescope::testing
