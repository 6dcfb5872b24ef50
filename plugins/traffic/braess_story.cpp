#include "plugins/traffic/braess_story.h"

#include <QObject>
#include <algorithm>
#include <cmath>

#include "backend/traffic/braess.h"

namespace routescope::plugins::traffic {
namespace {

namespace rt = routescope::traffic;

rt::AssignmentResult solveBraess(const rt::Network& network, const rt::Demand& demand, bool system_optimum) {
  rt::SolverOptions options;
  options.algorithm = rt::Algorithm::AlgorithmB;
  options.target_gap = 1e-12;
  options.max_seconds = 10.0;
  options.cost.system_optimum = system_optimum;
  return rt::solve(network, demand, options);
}

// Whole numbers print without decimals (the Braess totals are integers); others with two.
QString amount(double v) {
  const double rounded = std::round(v);
  return std::abs(v - rounded) < 1e-6 * std::max(1.0, std::abs(v)) ? QString::number(rounded, 'f', 0)
                                                                   : QString::number(v, 'f', 2);
}

}  // namespace

BraessStory computeBraessStory(double demand) {
  BraessStory story;
  story.demand = demand;
  const rt::Demand od = rt::braessDemand(demand);
  // The middle link closed (not removed), so all three maps share link indices.
  const rt::Network without = rt::braessNetwork(false, true);
  const rt::Network with = rt::braessNetwork(true);
  story.without_link = solveBraess(without, od, false);
  story.with_link = solveBraess(with, od, false);
  story.system_optimum = solveBraess(with, od, true);
  story.without_map = mapDataFromSolution(without, story.without_link);
  story.with_map = mapDataFromSolution(with, story.with_link);
  story.optimum_map = mapDataFromSolution(with, story.system_optimum);

  const double before = story.without_link.final.tstt;
  const double after = story.with_link.final.tstt;
  const double optimum = story.system_optimum.final.tstt;
  const double middle = story.with_link.flows.at(size_t(rt::kBraessMiddleLink));
  story.text =
      QObject::tr(
          "%1 vehicles travel from node 1 to node 2. Without the middle link 3→4 they split evenly, and "
          "the user equilibrium's total travel time (TSTT) is %2, %3 per vehicle.")
          .arg(amount(demand), amount(before), amount(before / demand)) +
      QLatin1Char(' ') +
      QObject::tr(
          "Adding the middle link tempts %1 vehicles onto it, and at the new equilibrium the TSTT rises to "
          "%2, %3 per vehicle: everyone is slower, although nobody can gain by changing route alone.")
          .arg(amount(middle), amount(after), amount(after / demand)) +
      QLatin1Char(' ') +
      QObject::tr(
          "The system optimum on the same network keeps the TSTT at %1: the extra road only pays off when "
          "traffic is routed for the total, not by each driver for themselves.")
          .arg(amount(optimum));
  return story;
}

}  // namespace routescope::plugins::traffic
