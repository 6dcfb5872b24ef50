#include "backend/moe/trace_store.h"

#include <algorithm>
#include <cstdio>

#include "backend/core/error.h"

namespace routescope::moe {
namespace {
constexpr std::string_view kPrefix = "trace-step-";
constexpr std::string_view kSuffix = ".bin";
}  // namespace

std::string traceArtifactName(int64_t step) {
  if (step < 0) throw core::Error("trace step " + std::to_string(step) + " is negative");
  char digits[32];
  std::snprintf(digits, sizeof digits, "%06lld", static_cast<long long>(step));
  return std::string(kPrefix) + digits + std::string(kSuffix);
}

std::optional<int64_t> traceStepOf(const std::string& name) {
  if (!name.starts_with(kPrefix) || !name.ends_with(kSuffix)) return std::nullopt;
  if (name.size() <= kPrefix.size() + kSuffix.size()) return std::nullopt;
  const std::string digits = name.substr(kPrefix.size(), name.size() - kPrefix.size() - kSuffix.size());
  if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  return std::stoll(digits);
}

std::vector<int64_t> traceSteps(const core::RunStore& store, const std::string& run_id) {
  std::vector<int64_t> steps;
  for (const auto& artifact : store.artifacts(run_id))
    if (const auto step = traceStepOf(artifact.name)) steps.push_back(*step);
  std::sort(steps.begin(), steps.end());
  return steps;
}

RoutingTrace loadTrace(const core::RunStore& store, const std::string& run_id, int64_t step) {
  const auto steps = traceSteps(store, run_id);
  if (std::find(steps.begin(), steps.end(), step) == steps.end()) {
    std::string known;
    for (auto s : steps) known += (known.empty() ? "" : ", ") + std::to_string(s);
    throw core::Error("run " + run_id + ": no routing trace of checkpoint step " + std::to_string(step) +
                      (known.empty() ? " (the run has no traces)" : " (traced steps: " + known + ")"));
  }
  const std::string name = traceArtifactName(step);
  const auto bytes = store.readArtifact(run_id, name);
  return readTrace(bytes, "run " + run_id + " artifact " + name);
}

}  // namespace routescope::moe
