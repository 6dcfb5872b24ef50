#include "app/cli/cli_context.h"

#include <iostream>
#include <random>

#include "backend/core/error.h"
#include "backend/core/paths.h"
#include "backend/core/process_info.h"

namespace routescope::cli {

core::RunStore& CliContext::store() {
  if (!store_) {
    store_ = std::make_unique<core::RunStore>(options.db.empty() ? core::defaultRunStorePath() : options.db);
    for (const auto& id : store_->interruptedOnOpen()) {
      std::cerr << "note: run " << id
                << " was left running by a process that has ended; marked interrupted\n";
    }
  }
  return *store_;
}

int CliContext::threads() const {
  return options.threads.value_or(core::hardwareThreads());
}

nlohmann::json CliContext::resolveConfig(const core::JobKind& kind) const {
  const nlohmann::json file =
      options.config_file.empty() ? nlohmann::json::object() : core::loadConfigFile(options.config_file);
  return core::resolveJobConfig(kind, options.preset, file, options.overrides);
}

uint64_t CliContext::seedOrRandom() const {
  if (options.seed) return *options.seed;
  return std::random_device{}() % 1'000'000'000ull;
}

void CliContext::emit(const nlohmann::json& result, const std::string& text) const {
  if (options.json) {
    std::cout << result.dump(2) << "\n";
  } else if (!text.empty()) {
    std::cout << text;
    if (text.back() != '\n') std::cout << "\n";
  }
}

}  // namespace routescope::cli
