// Plain-text summaries of the analysis documents (run_analysis.h) for the CLI without --json.
#include <cstdio>
#include <sstream>

#include "backend/moe/analysis/run_analysis.h"

namespace routescope::moe::analysis {
namespace {

using nlohmann::json;

// A number with `decimals` decimals, "-" for null or a missing key.
std::string fixed(const json& value, int decimals = 3) {
  if (!value.is_number()) return "-";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value.get<double>());
  return buffer;
}

const json& at(const json& array, size_t i) {
  static const json null_value;
  return array.is_array() && i < array.size() ? array[i] : null_value;
}

std::string pad(const std::string& text, size_t width) {
  return text.size() >= width ? text + " " : text + std::string(width - text.size(), ' ');
}

}  // namespace

std::string analysisText(const json& a) {
  std::ostringstream out;
  out << "run " << a.value("run_id", std::string()) << " (" << a.value("router", std::string())
      << " router), checkpoint step " << a["step"] << ": " << a["tokens"] << " tokens, " << a["layers"]
      << " layers x " << a["experts"] << " experts, top-" << a["top_k"] << "\n";
  out << "mutual information in bits, corrected by the shuffled-label baseline (" << a["permutations"]
      << " permutations); consistency = share of a token's occurrences at its majority expert\n";
  out << pad("layer", 7) << pad("I(e;tok)", 10) << pad("I(e;pos)", 10) << pad("I(e;prev)", 10)
      << pad("H(e)", 8) << pad("consist", 9) << pad("drop", 8) << pad("p1/p2", 8) << "dead\n";
  const int layers = a.value("layers", 0);
  for (int l = 0; l < layers; ++l) {
    const auto i = static_cast<size_t>(l);
    const json& drop = a["drop_by_position"].is_null() ? json() : at(a["drop_by_position"]["by_layer"], i);
    double drop_sum = 0;
    int drop_n = 0;
    for (const auto& v : drop.is_array() ? drop : json::array())
      if (v.is_number()) drop_sum += v.get<double>(), ++drop_n;
    out << pad(std::to_string(l), 7) << pad(fixed(at(a["mi_token"], i)), 10)
        << pad(fixed(at(a["mi_position"], i)), 10) << pad(fixed(at(a["mi_prev_token"], i)), 10)
        << pad(fixed(at(a["expert_entropy"], i), 2), 8) << pad(fixed(at(a["consistency_mean"], i)), 9)
        << pad(drop_n > 0 ? fixed(json(drop_sum / drop_n)) : std::string("-"), 8)
        << pad(fixed(at(a["top1_top2_ratio_median"], i), 2), 8) << at(a["load"]["dead_experts"], i).size()
        << "\n";
  }
  if (a.contains("early_learning") && !a["early_learning"].is_null()) {
    const json& e = a["early_learning"];
    out << "early routing learning: agreement with the final checkpoint";
    for (size_t c = 0; c < e["steps"].size(); ++c)
      out << " " << e["steps"][c] << ":" << fixed(e["agreement_with_final"][c], 2);
    // Only the checkpoints before the final one count: the final one agrees with itself.
    out << "; " << fixed(e["threshold"], 2)
        << (e["first_step_at_threshold"].is_null()
                ? std::string(" not reached before the final checkpoint")
                : " first reached at step " + e["first_step_at_threshold"].dump() + " (before the final one)")
        << "\n";
  }
  if (!a["drop_by_position"].is_null()) {
    const json& d = a["drop_by_position"];
    out << "drop ratio by position (all layers): overall " << fixed(d["overall"]) << ", first bin "
        << fixed(d["all"].front()) << ", last bin " << fixed(d["all"].back()) << "\n";
  }
  out << "cross-layer MI of top-1 choices (corrected, mean off-diagonal): "
      << fixed(a["cross_layer_mi_top1"]["offdiagonal_mean"]) << " bits";
  if (!a["cross_layer_mi_binned"].is_null())
    out << "; binned probability vectors (RMoE, scikit-learn's unit): "
        << fixed(a["cross_layer_mi_binned"]["offdiagonal_mean"]) << " nats";
  out << "\n";
  if (!a["gate_entropy"].is_null())
    out << "gate entropy: mean " << fixed(a["gate_entropy"]["overall_mean"]) << " of at most "
        << fixed(a["gate_entropy"]["max_bits"]) << " bits\n";
  if (!a["update_gate_mean"].is_null()) {
    out << "mean GRU update gate per layer:";
    for (const auto& v : a["update_gate_mean"]) out << " " << fixed(v);
    out << "\n";
  }
  if (!a["gru_pca"].is_null()) {
    const json& p = a["gru_pca"];
    const double total = p["total_variance"].get<double>();
    out << "GRU state PCA: the first two components explain "
        << fixed(json(total > 0 ? 100.0 *
                                      (p["explained_variance"][0].get<double>() +
                                       p["explained_variance"][1].get<double>()) /
                                      total
                                : 0.0),
                 1)
        << " % of the variance\n";
  }
  if (a.contains("valid_bpb")) out << "validation bits per byte: " << fixed(a["valid_bpb"]) << "\n";
  for (const auto& note : a["notes"]) out << "note: " << note.get<std::string>() << "\n";
  return out.str();
}

std::string comparisonText(const json& c) {
  std::ostringstream out;
  out << pad("metric", 26);
  for (const auto& r : c["runs"])
    out << pad(r["run_id"].get<std::string>().substr(0, 8) + " " + r.value("router", std::string()), 20);
  out << pad("mean", 10) << "std\n";
  for (const auto& [key, entry] : c["metrics"].items()) {
    out << pad(key, 26);
    for (const auto& v : entry["values"]) out << pad(fixed(v, 4), 20);
    out << pad(fixed(entry["mean"], 4), 10) << fixed(entry["std"], 4) << "\n";
  }
  return out.str();
}

}  // namespace routescope::moe::analysis
