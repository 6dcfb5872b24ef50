#include "backend/moe/analysis/compare_job.h"

#include <set>

#include "backend/core/error.h"
#include "backend/moe/analysis/run_analysis.h"

namespace routescope::moe::analysis {
namespace {

class CompareJob final : public core::Job {
 public:
  void run(core::JobContext& context) override {
    const auto& config = context.config();
    const std::vector<std::string> given = splitRunList(config.value("runs", std::string()));
    if (given.size() < 2)
      throw core::Error(
          "config key 'runs': give at least two runs, comma-separated (ids or unique prefixes)");
    // Resolved first, so that an unknown run fails in one line before minutes of analysis.
    std::vector<std::string> ids;
    std::set<std::string> seen;
    for (const auto& id : given) {
      const core::RunRecord record = context.store().run(id);
      if (record.study != "moe")
        throw core::Error("run " + record.id + " is a " + record.study + " run, not a moe run with traces");
      if (!seen.insert(record.id).second) throw core::Error("run " + record.id + " is listed twice");
      ids.push_back(record.id);
    }
    AnalysisOptions options;
    options.permutations = static_cast<int>(config.value("permutations", int64_t(5)));
    options.seed = context.seed();
    const auto comparison = compareRuns(context.store(), ids, options, [&](size_t i, size_t n) {
      context.throwIfCancelled();
      context.progress(static_cast<double>(i) / static_cast<double>(n), "analysing run " + ids[i]);
    });
    context.artifactText("comparison.json", comparison.dump(1));
    // The headline numbers' mean and spread; the views read everything else from comparison.json.
    nlohmann::json headline = nlohmann::json::object();
    for (const auto& [key, entry] : comparison["metrics"].items())
      headline[key] = {{"mean", entry["mean"]}, {"std", entry["std"]}, {"n", entry["n"]}};
    context.result(
        {{"runs", ids}, {"comparison", headline}, {"seed_groups", comparison["seed_groups"].size()}});
    context.progress(1.0, "compared " + std::to_string(ids.size()) + " runs");
  }
};

}  // namespace

std::vector<std::string> splitRunList(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    std::string part = text.substr(start, end - start);
    const auto first = part.find_first_not_of(" \t");
    const auto last = part.find_last_not_of(" \t");
    if (first != std::string::npos) out.push_back(part.substr(first, last - first + 1));
    start = end + 1;
  }
  return out;
}

core::JobKind compareJobKind() {
  core::JobKind kind;
  kind.study = "moe";
  kind.kind = "compare";
  kind.summary = "The routing analyses of several runs side by side, with validation bits/byte over seeds";
  kind.schema.text("runs", "", "comma-separated run ids or unique prefixes (at least two)")
      .flag("runs")
      .integer("permutations", 5, 0, 1000, "permutations of the shuffled-label MI baseline");
  kind.create = [](const nlohmann::json&) { return std::make_unique<CompareJob>(); };
  return kind;
}

}  // namespace routescope::moe::analysis
