#include "backend/moe/analysis/run_analysis.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

#include "backend/core/error.h"
#include "backend/moe/analysis/checkpoint_summary.h"
#include "backend/moe/analysis/cross_layer.h"
#include "backend/moe/analysis/domain_share.h"
#include "backend/moe/analysis/drop_position.h"
#include "backend/moe/analysis/early_learning.h"
#include "backend/moe/analysis/gate_statistics.h"
#include "backend/moe/analysis/gru_pca.h"
#include "backend/moe/analysis/load_balance.h"
#include "backend/moe/analysis/specialisation.h"
#include "backend/moe/analysis/trace_columns.h"
#include "backend/moe/trace_store.h"

namespace routescope::moe::analysis {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

double seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// NaN and infinities become null (JSON has neither).
json number(double value) {
  return std::isfinite(value) ? json(value) : json(nullptr);
}

json numbers(const std::vector<double>& values) {
  json out = json::array();
  for (const double v : values) out.push_back(number(v));
  return out;
}

json matrix(const std::vector<std::vector<double>>& rows) {
  json out = json::array();
  for (const auto& row : rows) out.push_back(numbers(row));
  return out;
}

// A flat [n * n] matrix as rows.
json squareMatrix(const std::vector<double>& flat, size_t n) {
  json out = json::array();
  for (size_t i = 0; i < n; ++i)
    out.push_back(numbers({flat.begin() + static_cast<std::ptrdiff_t>(i * n),
                           flat.begin() + static_cast<std::ptrdiff_t>((i + 1) * n)}));
  return out;
}

double mean(const std::vector<double>& values) {
  double sum = 0;
  int n = 0;
  for (const double v : values) {
    if (!std::isfinite(v)) continue;
    sum += v;
    ++n;
  }
  return n > 0 ? sum / n : std::numeric_limits<double>::quiet_NaN();
}

double offDiagonalMean(const std::vector<double>& flat, size_t n) {
  std::vector<double> values;
  for (size_t i = 0; i < n; ++i)
    for (size_t j = 0; j < n; ++j)
      if (i != j) values.push_back(flat[i * n + j]);
  return mean(values);
}

// Per-layer MI estimates under one name: corrected values at `key`, raw and bias beside them.
void putMi(json& out, const std::string& key, const std::vector<MiEstimate>& estimates) {
  std::vector<double> raw, bias, corrected;
  for (const auto& e : estimates) {
    raw.push_back(e.raw);
    bias.push_back(e.bias);
    corrected.push_back(e.corrected);
  }
  out[key] = numbers(corrected);
  out[key + "_raw"] = numbers(raw);
  out[key + "_bias"] = numbers(bias);
}

json sharesJson(const std::vector<ExpertShares>& shares, const char* label_key) {
  json out = json::array();
  for (const auto& s : shares)
    out.push_back({{label_key, s.label}, {"tokens", s.tokens}, {"share", matrix(s.share)}});
  return out;
}

json earlyLearningJson(const EarlyLearning& e) {
  json previous = json::array();
  for (const auto& p : e.agreement_with_previous) previous.push_back(p ? number(*p) : json(nullptr));
  return {{"steps", e.steps},
          {"agreement_with_final", numbers(e.agreement_with_final)},
          {"agreement_with_previous", previous},
          {"agreement_with_final_by_layer", matrix(e.agreement_with_final_by_layer)},
          {"threshold", e.threshold},
          {"first_step_at_threshold",
           e.first_step_at_threshold ? json(*e.first_step_at_threshold) : json(nullptr)}};
}

json loadJson(const LoadBalance& load) {
  json share = json::array(), dead = json::array();
  std::vector<double> p5, p50, p95, top;
  for (const auto& layer : load.layers) {
    share.push_back(numbers(layer.share));
    dead.push_back(layer.dead);
    p5.push_back(layer.p5);
    p50.push_back(layer.p50);
    p95.push_back(layer.p95);
    top.push_back(layer.max_over_uniform);
  }
  return {{"share", share},
          {"dead_experts", dead},
          {"p5", numbers(p5)},
          {"p50", numbers(p50)},
          {"p95", numbers(p95)},
          {"max_over_uniform", numbers(top)},
          {"dead_threshold_share", load.dead_threshold_share}};
}

json loadOverTrainingJson(const LoadOverTraining& l) {
  return {{"steps", l.steps},
          {"p5", matrix(l.p5)},
          {"p50", matrix(l.p50)},
          {"p95", matrix(l.p95)},
          {"max_over_uniform", matrix(l.max_over_uniform)},
          {"dead_experts", l.dead_experts}};
}

// The headline numbers compareRuns puts side by side (null where an analysis was skipped).
json summaryOf(const json& a) {
  const auto layerMean = [&](const char* key) -> json {
    if (!a.contains(key) || a[key].is_null()) return nullptr;
    std::vector<double> values;
    for (const auto& v : a[key])
      values.push_back(v.is_null() ? std::numeric_limits<double>::quiet_NaN() : v.get<double>());
    return number(mean(values));
  };
  json s;
  s["mi_token"] = layerMean("mi_token");
  s["mi_position"] = layerMean("mi_position");
  s["mi_prev_token"] = layerMean("mi_prev_token");
  s["expert_entropy"] = layerMean("expert_entropy");
  s["consistency"] = layerMean("consistency_mean");
  s["top1_top2_ratio_median"] = layerMean("top1_top2_ratio_median");
  s["update_gate_mean"] = layerMean("update_gate_mean");
  s["drop_ratio"] = a["drop_by_position"].is_null() ? json(nullptr) : a["drop_by_position"]["overall"];
  if (!a["drop_by_position"].is_null()) {
    const auto& all = a["drop_by_position"]["all"];
    s["drop_ratio_first_bin"] = all.empty() ? json(nullptr) : all.front();
    s["drop_ratio_last_bin"] = all.empty() ? json(nullptr) : all.back();
  } else {
    s["drop_ratio_first_bin"] = s["drop_ratio_last_bin"] = nullptr;
  }
  s["cross_layer_mi_top1"] = a["cross_layer_mi_top1"]["offdiagonal_mean"];
  s["cross_layer_mi_binned_nats"] =
      a["cross_layer_mi_binned"].is_null() ? json(nullptr) : a["cross_layer_mi_binned"]["offdiagonal_mean"];
  s["gate_entropy"] = a["gate_entropy"].is_null() ? json(nullptr) : a["gate_entropy"]["overall_mean"];
  int dead = 0;
  for (const auto& layer : a["load"]["dead_experts"]) dead += static_cast<int>(layer.size());
  s["dead_experts"] = dead;
  std::vector<double> top;
  for (const auto& v : a["load"]["max_over_uniform"]) top.push_back(v.is_null() ? 0.0 : v.get<double>());
  s["load_max_over_uniform"] = number(mean(top));
  return s;
}

}  // namespace

json analyzeTrace(const RoutingTrace& trace, const AnalysisOptions& options) {
  trace.validate(describeTrace(trace));
  const auto started = Clock::now();
  json timing = json::object();
  json notes = json::array();
  json out;
  out["run_id"] = trace.run_id;
  out["router"] = trace.router;
  out["model"] = trace.model;
  out["step"] = trace.checkpoint_step;
  out["tokens"] = trace.tokenCount();
  out["sequences"] = trace.sequences.size();
  out["layers"] = trace.layers;
  out["experts"] = trace.experts;
  out["top_k"] = trace.top_k;
  out["permutations"] = options.permutations;
  const size_t layers = static_cast<size_t>(trace.layers);

  auto t = Clock::now();
  SpecialisationOptions spec;
  spec.position_bucket_width = options.position_bucket_width;
  spec.permutations = options.permutations;
  spec.seed = options.seed;
  spec.min_count = options.min_count;
  spec.table_size = options.table_size;
  const auto specialisation = analyseSpecialisation(trace, spec);
  {
    std::vector<MiEstimate> token, position, previous;
    std::vector<double> entropy, consistency;
    json tables = json::array();
    for (const auto& layer : specialisation) {
      token.push_back(layer.mi_token);
      position.push_back(layer.mi_position);
      previous.push_back(layer.mi_prev_token);
      entropy.push_back(layer.expert_entropy);
      consistency.push_back(layer.mean_consistency);
      json rows = json::array();
      for (const auto& row : layer.top_tokens)
        rows.push_back({{"token_id", row.token_id},
                        {"piece", row.piece},
                        {"count", row.count},
                        {"consistency", row.consistency},
                        {"majority_expert", row.majority_expert}});
      tables.push_back(std::move(rows));
    }
    putMi(out, "mi_token", token);
    putMi(out, "mi_position", position);
    putMi(out, "mi_prev_token", previous);
    out["expert_entropy"] = numbers(entropy);
    out["position_bucket_width"] = options.position_bucket_width;
    out["consistency_mean"] = numbers(consistency);
    out["consistency_min_count"] = options.min_count;
    out["consistency_top_tokens"] = tables;
  }
  timing["specialisation"] = seconds(t);

  t = Clock::now();
  if (trace.dropped.empty()) {
    out["drop_by_position"] = nullptr;
    notes.push_back("drop ratio by position: the trace has no dropped flags");
  } else {
    const DropByPosition drop = analyseDropByPosition(trace, options.drop_bins);
    json by_domain = json::array();
    for (size_t d = 0; d < drop.domains.size(); ++d)
      by_domain.push_back({{"domain", drop.domains[d]},
                           {"all", numbers(drop.by_domain[d])},
                           {"by_layer", matrix(drop.by_domain_layer[d])}});
    out["drop_by_position"] = {{"bin_start", drop.bin_start}, {"bin_end", drop.bin_end},
                               {"all", numbers(drop.all)},    {"by_layer", matrix(drop.by_layer)},
                               {"by_domain", by_domain},      {"choices", drop.choices},
                               {"overall", drop.overall}};
  }
  timing["drop_by_position"] = seconds(t);

  t = Clock::now();
  out["domain_shares"] = sharesJson(domainExpertShares(trace), "domain");
  const std::vector<std::string> pieces =
      options.token_strings.empty() ? mostFrequentPieces(trace, 8) : options.token_strings;
  out["token_shares"] = sharesJson(tokenExpertShares(trace, pieces), "piece");
  timing["domain_shares"] = seconds(t);

  t = Clock::now();
  if (trace.full_probs.empty()) {
    out["cross_layer_mi_binned"] = nullptr;
    notes.push_back("binned cross-layer MI and gate entropy: the trace has no full_probs");
  } else {
    const auto binned = binnedProbabilityMi(trace, options.probability_bins);
    out["cross_layer_mi_binned"] = {{"bins", options.probability_bins},
                                    {"unit", "nats"},
                                    {"matrix", squareMatrix(binned, layers)},
                                    {"offdiagonal_mean", number(offDiagonalMean(binned, layers))}};
  }
  {
    const auto top1 = topOneCrossLayerMi(trace, options.permutations, options.seed);
    std::vector<double> raw, bias, corrected;
    for (const auto& e : top1) {
      raw.push_back(e.raw);
      bias.push_back(e.bias);
      corrected.push_back(e.corrected);
    }
    out["cross_layer_mi_top1"] = {{"unit", "bits"},
                                  {"corrected", squareMatrix(corrected, layers)},
                                  {"raw", squareMatrix(raw, layers)},
                                  {"bias", squareMatrix(bias, layers)},
                                  {"offdiagonal_mean", number(offDiagonalMean(corrected, layers))}};
  }
  timing["cross_layer_mi"] = seconds(t);

  t = Clock::now();
  const GateStatistics gates = analyseGates(trace, options.entropy_bins);
  if (gates.entropy_histogram.empty()) {
    out["gate_entropy"] = nullptr;
  } else {
    json histogram = json::array();
    for (const auto& row : gates.entropy_histogram) histogram.push_back(row);
    out["gate_entropy"] = {{"bins", gates.entropy_bins},
                           {"max_bits", gates.entropy_max_bits},
                           {"histogram", histogram},
                           {"mean", numbers(gates.mean_entropy)},
                           {"overall_mean", number(mean(gates.mean_entropy))}};
  }
  out["top1_top2_ratio_median"] =
      gates.ratio_source.empty() ? json(nullptr) : numbers(gates.median_top1_top2_ratio);
  out["top1_top2_ratio_source"] = gates.ratio_source;
  if (gates.ratio_source.empty())
    notes.push_back("top-1/top-2 ratio: the trace has no probabilities of two choices");
  out["expert_frequency"] = matrix(gates.expert_frequency);
  timing["gates"] = seconds(t);

  t = Clock::now();
  if (trace.gru_state.empty()) {
    out["gru_pca"] = nullptr;
    notes.push_back("GRU hidden-state PCA: the trace has no GRU states (router '" + trace.router + "')");
  } else {
    const GruPca pca = analyseGruStates(trace);
    const size_t shown = std::min<size_t>(static_cast<size_t>(std::max(options.pca_json_tokens, 0)),
                                          static_cast<size_t>(trace.tokenCount()));
    json coords = json::array();  // [token][layer] = [x, y]
    for (size_t tok = 0; tok < shown; ++tok) {
      json row = json::array();
      for (size_t l = 0; l < layers; ++l) {
        const size_t r = tok * layers + l;
        row.push_back({pca.coords[2 * r], pca.coords[2 * r + 1]});
      }
      coords.push_back(std::move(row));
    }
    out["gru_pca"] = {{"hidden", pca.hidden},
                      {"explained_variance", {pca.explained[0], pca.explained[1]}},
                      {"total_variance", pca.total_variance},
                      {"components",
                       {std::vector<double>(pca.components.begin(), pca.components.begin() + pca.hidden),
                        std::vector<double>(pca.components.begin() + pca.hidden, pca.components.end())}},
                      {"tokens_shown", shown},
                      {"coords", coords}};
  }
  if (trace.update_gate_mean.empty()) {
    out["update_gate_mean"] = nullptr;
  } else {
    out["update_gate_mean"] = numbers(meanUpdateGate(trace));
  }
  timing["gru"] = seconds(t);

  t = Clock::now();
  LoadOptions load_options;
  load_options.dead_fraction_of_uniform = options.dead_fraction_of_uniform;
  out["load"] = loadJson(analyseLoad(expertRequests(trace), trace.layers, trace.experts, load_options));
  timing["load"] = seconds(t);

  timing["total"] = seconds(started);
  out["timing_seconds"] = timing;
  out["notes"] = notes;
  out["summary"] = summaryOf(out);
  return out;
}

void addRunAnalyses(json& out, const core::RunRecord& run, std::span<const int64_t> steps,
                    const std::vector<CheckpointSummary>& summaries, std::optional<double> valid_bpb,
                    const AnalysisOptions& options) {
  out["run_id"] = run.id;
  out["name"] = run.name;
  out["checkpoint_steps"] = std::vector<int64_t>(steps.begin(), steps.end());
  auto t = Clock::now();
  try {
    out["early_learning"] = earlyLearningJson(analyseEarlyLearning(summaries, options.agreement_threshold));
  } catch (const core::Error& e) {
    // A run whose checkpoints traced other texts still has every other analysis.
    out["early_learning"] = nullptr;
    out["notes"].push_back(e.what());
  }
  LoadOptions load_options;
  load_options.dead_fraction_of_uniform = options.dead_fraction_of_uniform;
  out["load_over_training"] = loadOverTrainingJson(analyseLoadOverTraining(summaries, load_options));
  out["timing_seconds"]["over_training"] = seconds(t);
  out["valid_bpb"] = valid_bpb ? number(*valid_bpb) : json(nullptr);
  out["summary"] = summaryOf(out);
  out["summary"]["valid_bpb"] = out["valid_bpb"];
  out["summary"]["first_step_at_threshold"] =
      out["early_learning"].is_null() ? json(nullptr) : out["early_learning"]["first_step_at_threshold"];
}

json analyzeRun(const core::RunStore& store, const std::string& run_id_or_prefix,
                const AnalysisOptions& options) {
  const core::RunRecord run = store.run(run_id_or_prefix);
  const std::vector<int64_t> all_steps = traceSteps(store, run.id);
  if (all_steps.empty()) throw core::Error("run " + run.id + ": has no routing traces");
  const int64_t step = options.step.value_or(all_steps.back());
  if (std::find(all_steps.begin(), all_steps.end(), step) == all_steps.end())
    throw core::Error("run " + run.id + ": has no routing trace of step " + std::to_string(step));
  const auto started = Clock::now();

  // The over-training analyses keep a summary per checkpoint, never all traces at once.
  std::vector<CheckpointSummary> summaries;
  json out;
  for (const int64_t s : all_steps) {
    if (s > step) break;
    RoutingTrace trace = loadTrace(store, run.id, s);
    if (trace.run_id.empty()) trace.run_id = run.id;  // imported traces: name the run in messages
    summaries.push_back(summariseCheckpoint(trace));
    if (s == step) out = analyzeTrace(trace, options);
  }
  const auto bpb = store.metrics(run.id, "valid_bpb");
  addRunAnalyses(out, run, std::span<const int64_t>(all_steps).first(summaries.size()), summaries,
                 bpb.empty() ? std::nullopt : std::optional<double>(bpb.back().value), options);
  out["timing_seconds"]["run_total"] = seconds(started);
  return out;
}

namespace {

// Mean, sample std (0 for one value), min and max of the numbers among `values`, and their count.
json spread(const json& values) {
  std::vector<double> present;
  for (const auto& v : values)
    if (v.is_number()) present.push_back(v.get<double>());
  json entry = {{"values", values}};
  if (present.empty()) {
    entry["mean"] = entry["std"] = entry["min"] = entry["max"] = nullptr;
  } else {
    const double m = mean(present);
    double squares = 0;
    for (const double v : present) squares += (v - m) * (v - m);
    entry["mean"] = number(m);
    entry["std"] =
        present.size() > 1 ? number(std::sqrt(squares / static_cast<double>(present.size() - 1))) : json(0.0);
    entry["min"] = *std::min_element(present.begin(), present.end());
    entry["max"] = *std::max_element(present.begin(), present.end());
  }
  entry["n"] = present.size();
  return entry;
}

}  // namespace

json compareRuns(const core::RunStore& store, std::span<const std::string> run_ids,
                 const AnalysisOptions& options, const std::function<void(size_t, size_t)>& before_each) {
  if (run_ids.empty()) throw core::Error("compare: give at least one run");
  json runs = json::array();
  std::vector<std::string> configs;  // seed groups: runs whose configs are equal
  for (size_t i = 0; i < run_ids.size(); ++i) {
    if (before_each) before_each(i, run_ids.size());
    const core::RunRecord record = store.run(run_ids[i]);
    json analysis = analyzeRun(store, record.id, options);
    analysis["seed"] = record.seed;
    analysis["kind"] = record.kind;
    configs.push_back(record.kind + " " + record.config.dump());
    runs.push_back(std::move(analysis));
  }
  json metrics = json::object();
  for (const auto& [key, unused] : runs.front()["summary"].items()) {
    json values = json::array();
    for (const auto& r : runs) values.push_back(r["summary"][key]);
    metrics[key] = spread(values);
  }
  json groups = json::array();
  std::vector<bool> grouped(runs.size(), false);
  for (size_t i = 0; i < runs.size(); ++i) {
    if (grouped[i]) continue;
    json members = json::array(), seeds = json::array(), bpb = json::array();
    for (size_t j = i; j < runs.size(); ++j) {
      if (grouped[j] || configs[j] != configs[i]) continue;
      grouped[j] = true;
      members.push_back(j);
      seeds.push_back(runs[j]["seed"]);
      bpb.push_back(runs[j]["valid_bpb"]);
    }
    json group = {{"runs", members}, {"seeds", seeds}, {"router", runs[i].value("router", json())}};
    group["valid_bpb"] = spread(bpb);
    groups.push_back(std::move(group));
  }
  json ids = json::array();
  for (const auto& r : runs) ids.push_back(r["run_id"]);
  return {{"run_ids", ids}, {"metrics", metrics}, {"seed_groups", groups}, {"runs", runs}};
}

}  // namespace routescope::moe::analysis
