#include "plugins/moe/demo_story.h"

#include <QObject>
#include <algorithm>
#include <cmath>
#include <limits>

namespace routescope::plugins::moe {
namespace {

using nlohmann::json;

// Thresholds for "the finding appeared". They are deliberately modest: the demo model is small and
// trains for minutes, and the text quotes the numbers so the reader can judge for themselves.
constexpr double kMinMiBits = 0.05;            // corrected MI that counts as "carries information"
constexpr double kEarlyShareOfTraining = 0.5;  // 90 % agreement reached in the first half
constexpr double kDropRise = 1.25;             // last position bin drops 25 % more than the first
constexpr double kDomainOverUniform = 1.5;     // an expert gets 1.5× its uniform share of a domain

double num(const json& v) {
  return v.is_number() ? v.get<double>() : std::numeric_limits<double>::quiet_NaN();
}

const json& at(const json& a, const char* key) {
  static const json kNull;
  return a.is_object() && a.contains(key) ? a[key] : kNull;
}

// The mean over layers of a per-layer array (nulls skipped).
double layerMean(const json& a, const char* key) {
  const json& v = at(a, key);
  double sum = 0;
  int n = 0;
  if (v.is_array())
    for (const auto& x : v)
      if (x.is_number()) {
        sum += x.get<double>();
        ++n;
      }
  return n > 0 ? sum / n : std::numeric_limits<double>::quiet_NaN();
}

QString bits(double v) {
  return QString::number(v, 'f', 2);
}

QString percent(double share) {
  return QString::number(share * 100, 'f', 1);
}

QString notAppeared() {
  return QObject::tr("This finding did not appear on this run.");
}

// What a step says: the finding and what this run measured, or that it did not appear, what was
// measured and why that does not show it.
QString conclusion(bool appeared, const QString& finding, const QString& measured, const QString& absent) {
  return appeared ? finding + QLatin1Char(' ') + measured
                  : notAppeared() + QLatin1Char(' ') + measured + QLatin1Char(' ') + absent;
}

DemoStep introduction(const json& a) {
  DemoStep step;
  step.title = QObject::tr("The demo model");
  step.figure = QStringLiteral("routing-heatmap");
  const json& steps = at(a, "checkpoint_steps");
  const QString router =
      QString::fromStdString(at(a, "router").is_string() ? at(a, "router").get<std::string>() : "?");
  step.text =
      QObject::tr(
          "The model has %1 MoE layers of %2 experts and a %3 router that sends each token to its top %4. "
          "Its routing was traced on %5 tokens at %6 checkpoints.")
          .arg(at(a, "layers").is_number() ? at(a, "layers").get<int>() : 0)
          .arg(at(a, "experts").is_number() ? at(a, "experts").get<int>() : 0)
          .arg(router)
          .arg(at(a, "top_k").is_number() ? at(a, "top_k").get<int>() : 0)
          .arg(at(a, "tokens").is_number() ? at(a, "tokens").get<int64_t>() : 0)
          .arg(steps.is_array() ? steps.size() : 1);
  const double bpb = num(at(a, "valid_bpb"));
  if (std::isfinite(bpb))
    step.text += QLatin1Char(' ') +
                 QObject::tr("It reached %1 bits per byte on the validation text.").arg(bpb, 0, 'f', 3);
  step.text += QLatin1Char(' ') +
               QObject::tr(
                   "In the heatmap each column is a token and each row an expert; drag the checkpoint "
                   "slider to watch the routing settle.");
  return step;
}

DemoStep specialisation(const json& a) {
  DemoStep step;
  step.title = QObject::tr("Context-independent specialisation");
  step.figure = QStringLiteral("specialisation");
  const double token = layerMean(a, "mi_token"), position = layerMean(a, "mi_position");
  const double previous = layerMean(a, "mi_prev_token"), entropy = layerMean(a, "expert_entropy");
  const double consistency = layerMean(a, "consistency_mean");
  if (!std::isfinite(token) || !std::isfinite(position) || !std::isfinite(previous)) {
    step.appeared = false;
    step.text =
        notAppeared() + QLatin1Char(' ') + QObject::tr("The trace has too few tokens to estimate it.");
    return step;
  }
  const QString measured =
      QObject::tr(
          "Averaged over the layers, the top-1 expert carries %1 bits about the token id, %2 bits about the "
          "position and %3 bits about the previous token (corrected for bias; the expert choice itself has "
          "%4 "
          "bits of entropy).")
          .arg(bits(token), bits(position), bits(previous), bits(entropy));
  step.appeared = token >= kMinMiBits && token > position && token > previous;
  if (step.appeared) {
    step.text = QObject::tr("OpenMoE found that routers specialise on token identity, not on context.") +
                QLatin1Char(' ') + measured;
    // 0 means no token occurred often enough to measure it (analysis min_count).
    if (std::isfinite(consistency) && consistency > 0)
      step.text += QLatin1Char(' ') + QObject::tr(
                                          "A frequent token goes to its usual expert in %1 % of its "
                                          "occurrences.")
                                          .arg(percent(consistency));
  } else {
    step.text = notAppeared() + QLatin1Char(' ') + measured + QLatin1Char(' ') +
                QObject::tr("The token id does not tell more about the expert than the context does.");
  }
  return step;
}

DemoStep earlyLearning(const json& a) {
  DemoStep step;
  step.title = QObject::tr("Early routing learning");
  step.figure = QStringLiteral("routing-agreement");
  const json& e = at(a, "early_learning");
  if (!e.is_object() || !e["steps"].is_array() || e["steps"].size() < 2) {
    step.appeared = false;
    step.text =
        notAppeared() + QLatin1Char(' ') +
        QObject::tr("It needs at least two checkpoints traced on the same text, and this run has fewer.");
    return step;
  }
  const json& steps = e["steps"];
  const int64_t first_step = steps.front().get<int64_t>(), last_step = steps.back().get<int64_t>();
  const double first_agreement = num(e["agreement_with_final"].front());
  const double threshold = e.value("threshold", 0.9);
  const json& reached = e["first_step_at_threshold"];
  const QString start = QObject::tr(
                            "At step %1 already %2 % of the (token, layer) pairs chose the same top-1 "
                            "expert as at the final step %3.")
                            .arg(first_step)
                            .arg(percent(first_agreement))
                            .arg(last_step);
  // The analysis searches only the checkpoints before the final one (which agrees with itself), so a
  // number here is a step before the last; null: no earlier checkpoint reached the threshold.
  const bool found = reached.is_number() && reached.get<int64_t>() < last_step;
  step.appeared = found && double(reached.get<int64_t>()) <= kEarlyShareOfTraining * double(last_step);
  if (step.appeared) {
    step.text = QObject::tr("OpenMoE found that routing is learnt early and then barely changes.") +
                QLatin1Char(' ') + start + QLatin1Char(' ') +
                QObject::tr("Agreement passed %1 % at step %2, %3 % of the way through training.")
                    .arg(percent(threshold))
                    .arg(reached.get<int64_t>())
                    .arg(percent(double(reached.get<int64_t>()) / double(last_step)));
  } else {
    step.text =
        notAppeared() + QLatin1Char(' ') + start + QLatin1Char(' ') +
        (found ? QObject::tr("Agreement passed %1 % only at step %2, late in training.")
                     .arg(percent(threshold))
                     .arg(reached.get<int64_t>())
               : QObject::tr("No checkpoint before the final one reached %1 % agreement with the final "
                             "routing.")
                     .arg(percent(threshold)));
  }
  return step;
}

DemoStep dropTowardsTheEnd(const json& a) {
  DemoStep step;
  step.title = QObject::tr("Drops towards the end of the sequence");
  step.figure = QStringLiteral("drop-by-position");
  const json& d = at(a, "drop_by_position");
  if (!d.is_object() || !d["all"].is_array() || d["all"].empty()) {
    step.appeared = false;
    step.text = notAppeared() + QLatin1Char(' ') + QObject::tr("The trace records no dropped choices.");
    return step;
  }
  const double overall = num(d["overall"]);
  const double first = num(d["all"].front()), last = num(d["all"].back());
  if (!(overall > 0)) {
    step.appeared = false;
    step.text = notAppeared() + QLatin1Char(' ') +
                QObject::tr("No choice was dropped: every expert had room for every token routed to it.");
    return step;
  }
  const QString measured = QObject::tr(
                               "%1 % of all top-k choices were dropped: %2 % in the first position bin and "
                               "%3 % in the last.")
                               .arg(percent(overall), percent(first), percent(last));
  step.appeared = std::isfinite(first) && std::isfinite(last) && last > first * kDropRise && last > first;
  step.text =
      conclusion(step.appeared,
                 QObject::tr("OpenMoE found that tokens late in a sequence are dropped more often, "
                             "because the experts fill up with the earlier ones."),
                 measured, QObject::tr("Late tokens were not dropped clearly more often than early ones."));
  return step;
}

DemoStep domainSpecialisation(const json& a) {
  DemoStep step;
  step.title = QObject::tr("Domain specialisation");
  step.figure = QStringLiteral("domain-radar");
  const json& shares = at(a, "domain_shares");
  const int experts = at(a, "experts").is_number() ? at(a, "experts").get<int>() : 0;
  if (!shares.is_array() || shares.size() < 2 || experts <= 0) {
    step.appeared = false;
    step.text =
        notAppeared() + QLatin1Char(' ') + QObject::tr("The traced text comes from fewer than two domains.");
    return step;
  }
  // The strongest preference of any expert for any domain, relative to the uniform share.
  double best = 0;
  QString best_domain;
  int best_layer = 0, best_expert = 0;
  for (const auto& d : shares) {
    const json& share = d["share"];
    for (size_t l = 0; l < share.size(); ++l)
      for (size_t e = 0; e < share[l].size(); ++e) {
        const double v = num(share[l][e]);
        if (std::isfinite(v) && v > best) {
          best = v;
          best_domain = QString::fromStdString(d.value("domain", std::string()));
          best_layer = int(l);
          best_expert = int(e);
        }
      }
  }
  const double uniform = 1.0 / experts;
  const QString measured = QObject::tr(
                               "The strongest preference: expert %1 of layer %2 receives %3 % of the "
                               "\"%4\" tokens, %5 times its uniform share of %6 %.")
                               .arg(best_expert)
                               .arg(best_layer)
                               .arg(percent(best), best_domain)
                               .arg(best / uniform, 0, 'f', 1)
                               .arg(percent(uniform));
  step.appeared = best >= kDomainOverUniform * uniform;
  step.text =
      conclusion(step.appeared, QObject::tr("OpenMoE's radar charts show experts that favour some domains."),
                 measured, QObject::tr("No expert clearly favours a domain."));
  return step;
}

DemoStep crossLayer(const json& a) {
  DemoStep step;
  step.title = QObject::tr("Routing across layers");
  step.figure = QStringLiteral("cross-layer-mi");
  const double top1 = num(at(at(a, "cross_layer_mi_top1"), "offdiagonal_mean"));
  const double binned = num(at(at(a, "cross_layer_mi_binned"), "offdiagonal_mean"));
  if (!std::isfinite(top1)) {
    step.appeared = false;
    step.text = notAppeared() + QLatin1Char(' ') + QObject::tr("The model has a single MoE layer.");
    return step;
  }
  QString measured =
      QObject::tr("Between two different layers, the top-1 choices share %1 bits on average (corrected).")
          .arg(bits(top1));
  if (std::isfinite(binned))
    measured += QLatin1Char(' ') +
                QObject::tr(
                    "The RMoE measure on binned probability vectors gives %1 nats (natural logarithm, as "
                    "scikit-learn computes it).")
                    .arg(bits(binned));
  step.appeared = top1 >= kMinMiBits;
  step.text = conclusion(step.appeared,
                         QObject::tr("RMoE found that a layer's routing tells much about the next one's."),
                         measured, QObject::tr("The layers route almost independently of each other."));
  return step;
}

DemoStep loadBalance(const json& a) {
  DemoStep step;
  step.title = QObject::tr("Expert load");
  step.figure = QStringLiteral("expert-load");
  const json& load = at(a, "load");
  int dead = 0;
  if (load.is_object() && load["dead_experts"].is_array())
    for (const auto& layer : load["dead_experts"]) dead += int(layer.size());
  const double busiest = layerMean(load, "max_over_uniform");
  const QString busiest_text =
      std::isfinite(busiest)
          ? QObject::tr("The busiest expert of a layer gets %1 times the uniform share on average.")
                .arg(busiest, 0, 'f', 2)
          : QString();
  step.appeared = dead == 0;
  step.text = step.appeared ? QObject::tr("The balance loss kept every expert in use: no expert is dead.") +
                                  QLatin1Char(' ') + busiest_text
                            : notAppeared() + QLatin1Char(' ') +
                                  QObject::tr("%1 expert(s) receive almost no tokens (dead).").arg(dead) +
                                  QLatin1Char(' ') + busiest_text;
  return step;
}

DemoStep gruStates(const json& a) {
  DemoStep step;
  step.title = QObject::tr("The GRU router's memory");
  step.figure = QStringLiteral("gru-states");
  const json& pca = at(a, "gru_pca");
  if (!pca.is_object()) {
    step.appeared = false;
    step.text = notAppeared() + QLatin1Char(' ') + QObject::tr("The trace has no GRU states.");
    return step;
  }
  const double total = num(pca["total_variance"]);
  double explained = 0;
  for (const auto& v : pca["explained_variance"]) explained += num(v);
  const double gate = layerMean(a, "update_gate_mean");
  step.text = QObject::tr(
                  "RMoE's router carries a recurrent state from layer to layer. The first two principal "
                  "components hold %1 % of its variance.")
                  .arg(percent(total > 0 ? explained / total : 0.0));
  if (std::isfinite(gate))
    step.text += QLatin1Char(' ') + QObject::tr(
                                        "The mean update gate is %1: the share of the state renewed at each "
                                        "layer.")
                                        .arg(gate, 0, 'f', 2);
  return step;
}

}  // namespace

QList<DemoStep> demoStory(const json& analysis) {
  QList<DemoStep> story{introduction(analysis),      specialisation(analysis),       earlyLearning(analysis),
                        dropTowardsTheEnd(analysis), domainSpecialisation(analysis), crossLayer(analysis),
                        loadBalance(analysis)};
  const json& router = at(analysis, "router");
  if (!at(analysis, "gru_pca").is_null() || (router.is_string() && router.get<std::string>() == "gru"))
    story.append(gruStates(analysis));
  return story;
}

}  // namespace routescope::plugins::moe
