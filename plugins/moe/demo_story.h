#pragma once
// The guided demo "Mixture-of-Experts routing": after the demo model has trained, the findings of
// OpenMoE and RMoE walked through one step at a time, each quoting what was measured on this run
// and saying plainly when a finding did not appear. A pure function of the analysis document, so
// the text is tested without training anything.

#include <QList>
#include <QString>
#include <nlohmann/json.hpp>

namespace routescope::plugins::moe {

struct DemoStep {
  QString title;
  QString text;    // two or three sentences with the measured values
  QString figure;  // the figure this step is about (the view highlights it)
  // false when the finding did not appear on this run (or the trace lacks the data to test it).
  bool appeared = true;
};

QList<DemoStep> demoStory(const nlohmann::json& analysis);

}  // namespace routescope::plugins::moe
