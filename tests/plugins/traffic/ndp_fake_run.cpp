#include "tests/plugins/traffic/ndp_fake_run.h"

#include <QString>
#include <QStringList>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>
#include <numeric>
#include <random>
#include <sstream>
#include <tuple>

#include "backend/search/anytime_trace.h"
#include "backend/traffic/assignment.h"
#include "backend/traffic/generator.h"
#include "plugins/traffic/map_data.h"

namespace routescope::plugins::traffic::fake {
namespace {

namespace rt = routescope::traffic;

std::string num(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.12g", v);
  return buf;
}

std::string solutionJson(const MapData& data, double tstt) {
  nlohmann::json coordinates = nlohmann::json::array(), links = nlohmann::json::array(),
                 flows = nlohmann::json::array();
  for (const QPointF& p : data.positions) coordinates.push_back({p.x(), p.y()});
  for (const MapLink& l : data.links) {
    links.push_back({l.from + 1, l.to + 1, l.capacity, l.closed});
    flows.push_back(l.flow);
  }
  return nlohmann::json{{"algorithm", "bush"},
                        {"tstt", tstt},
                        {"network",
                         {{"name", data.name.toStdString()},
                          {"nodes", data.nodes},
                          {"zones", data.zones},
                          {"first_thru_node", data.zones + 1},
                          {"coordinates", coordinates},
                          {"coordinates_from", "file"},
                          {"links", links}}},
                        {"flows", flows}}
      .dump();
}

std::string linksCsv(const MapData& data) {
  std::string csv = "link,init_node,term_node,capacity,free_flow_time,flow,travel_time\n";
  for (size_t a = 0; a < data.links.size(); ++a) {
    const MapLink& l = data.links[a];
    csv += std::to_string(a + 1) + "," + std::to_string(l.from + 1) + "," + std::to_string(l.to + 1) + "," +
           num(l.capacity) + "," + num(l.free_flow_time) + "," + num(l.flow) + "," + num(l.travel_time) +
           "\n";
  }
  return csv;
}

}  // namespace

RunData FakeNdpRun::run() const {
  RunData data;
  data.record.id = "ndp-run-1";
  data.record.study = "traffic";
  data.record.kind = kind;
  data.record.config = config;
  auto shared = std::make_shared<std::map<std::string, std::string>>(files);
  for (const auto& [name, text] : *shared) data.artifacts.push_back({name, "", int64_t(text.size()), false});
  data.read_artifact = [shared](const std::string& name) {
    const std::string& text = shared->at(name);
    std::vector<std::byte> bytes(text.size());
    std::memcpy(bytes.data(), text.data(), text.size());
    return bytes;
  };
  return data;
}

FakeNdpRun fakeNdpRun() {
  FakeNdpRun fake;
  fake.config = {{"instance", "builtin:grid"}, {"problem", "lanes"}, {"budget", 0.4}};
  rt::CityOptions city_options;
  city_options.size = 5;
  city_options.zones = 6;
  city_options.total_demand = 12000.0;
  city_options.seed = 7;
  rt::City city = rt::generateCity(city_options);
  city.network.name = "Grid city 5×5";
  rt::SolverOptions options;
  options.target_gap = 1e-8;
  const rt::AssignmentResult before = rt::solve(city.network, city.demand, options);

  // Candidates: the eight street links with the highest v/c; the design widens the first three.
  std::vector<int> order;
  for (int a = 0; a < city.network.linkCount(); ++a)
    if (city.network.links[size_t(a)].from >= city.network.zones &&
        city.network.links[size_t(a)].to >= city.network.zones)
      order.push_back(a);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return before.flows[size_t(a)] / city.network.links[size_t(a)].capacity >
           before.flows[size_t(b)] / city.network.links[size_t(b)].capacity;
  });
  order.resize(8);
  fake.candidates = 8;
  rt::Network widened = city.network;
  std::string candidates = "candidate,link,init_node,term_node,cost,built\n";
  double total_cost = 0.0;
  for (int i = 0; i < 8; ++i) {
    const rt::Link& l = city.network.links[size_t(order[size_t(i)])];
    const double cost = l.free_flow_time * l.capacity;
    total_cost += cost;
    const bool built = i < 3;
    if (built) {
      fake.built_links.push_back(order[size_t(i)]);
      fake.design_cost += cost;
      widened.links[size_t(order[size_t(i)])].capacity *= 1.5;
    }
    candidates += std::to_string(i + 1) + "," + std::to_string(order[size_t(i)] + 1) + "," +
                  std::to_string(l.from + 1) + "," + std::to_string(l.to + 1) + "," + num(cost) + "," +
                  (built ? "1" : "0") + "\n";
  }
  fake.budget = 0.4 * total_cost;
  const rt::AssignmentResult after = rt::solve(widened, city.demand, options);
  const MapData before_map = mapDataFromSolution(city.network, before);
  const MapData after_map = mapDataFromSolution(widened, after);
  fake.files["candidates.csv"] = candidates;
  fake.files["before_solution.json"] = solutionJson(before_map, before.final.tstt);
  fake.files["before_links.csv"] = linksCsv(before_map);
  fake.files["after_solution.json"] = solutionJson(after_map, after.final.tstt);
  fake.files["after_links.csv"] = linksCsv(after_map);

  std::mt19937 rng(11);
  std::normal_distribution<double> noise(0.0, 1.0);
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  const double base = before.final.tstt;

  // GA histories: the exact-UE GA and the surrogate GA, 20 generations each.
  fake.generations = 20;
  for (const std::string prefix : {"ga_exact_", "ga_gnn_"}) {
    std::string csv = "generation,best,mean\n";
    double best = base;
    for (int g = 0; g < fake.generations; ++g) {
      best = std::min(best, base * (1.0 - 0.06 * (1.0 - std::exp(-0.3 * g))) + 40.0 * noise(rng));
      csv += std::to_string(g) + "," + num(best) + "," + num(best * (1.0 + 0.05 * std::exp(-0.1 * g))) + "\n";
    }
    fake.files[prefix + "ga_history.csv"] = csv;
  }

  // Surrogate validation: predictions within a few per cent of the truth.
  std::string validation = "sample,true_tstt,predicted_tstt\n";
  for (int s = 0; s < 60; ++s) {
    const double truth = base * (0.8 + 0.4 * uniform(rng));
    validation += std::to_string(s) + "," + num(truth) + "," + num(truth * (1.0 + 0.015 * noise(rng))) + "\n";
  }
  fake.files["surrogate_validation.csv"] = validation;
  std::string flows = "sample,link,true_flow,predicted_flow\n";
  for (int s = 0; s < 10; ++s)
    for (size_t a = 0; a < before_map.links.size(); ++a) {
      const double truth = before_map.links[a].flow * (0.8 + 0.4 * uniform(rng));
      flows += std::to_string(s) + "," + std::to_string(a + 1) + "," + num(truth) + "," +
               num(std::max(0.0, truth + 0.05 * truth * noise(rng) + 5.0 * noise(rng))) + "\n";
    }
  fake.files["surrogate_flows.csv"] = flows;

  // A budget sweep of four budgets: the optimum falls as the budget grows, with shrinking gains.
  std::string pareto = "budget_fraction,budget,best_tstt,design,design_cost,ue_solves,seconds\n";
  const std::vector<double> fractions{0.1, 0.25, 0.4, 0.7};
  for (const double f : fractions)
    pareto += num(f) + "," + num(f * total_cost) + "," +
              num(base * (1.0 - 0.08 * (1.0 - std::exp(-4.0 * f)))) + ",11100000," +
              num(0.9 * f * total_cost) + ",120,3.5\n";
  fake.pareto_rows = int(fractions.size());
  fake.files["pareto.csv"] = pareto;

  // gap_vs_time.csv is an anytime trace, written by the backend's writer as the job writes it.
  const double reference = after.final.tstt;
  search::AnytimeTrace chart;
  chart.reference = reference;
  chart.add(9.6, 1025, reference, "exact");
  for (const auto& [s, e, t] : std::vector<std::tuple<double, int, double>>{
           {0.4, 20, 1.031}, {1.1, 60, 1.012}, {2.3, 100, 1.004}, {4.8, 150, 1.0}})
    chart.add(s, e, reference * t, "ga-exact");
  for (const auto& [s, e, t] :
       std::vector<std::tuple<double, int, double>>{{3.0, 20, 1.02}, {3.05, 40, 1.006}, {3.1, 60, 0.998}})
    chart.add(s, e, reference * t, "ga-gnn (predicted)");
  chart.add(3.4, 10, reference * 1.002, "ga-gnn");
  fake.files["gap_vs_time.csv"] = search::writeAnytimeCsv(chart);
  fake.files["experiment.csv"] =
      "method,best_tstt,gap_percent,seconds,seconds_with_training,ue_solves,design\n"
      "exact," +
      num(reference) +
      ",0,9.6,9.6,1025,11100000\n"
      "ga-exact," +
      num(reference) +
      ",0,4.8,4.8,150,11100000\n"
      "ga-gnn," +
      num(reference * 1.002) + ",0.2,0.4,3.4,10,11100000\n";
  fake.files["result.json"] =
      nlohmann::json{{"reference", "exact"},
                     {"reference_tstt", reference},
                     {"candidates", 8},
                     {"budget", fake.budget},
                     {"surrogate", {{"flow_weighted_error", 0.041}, {"tstt_r2", 0.97}}}}
          .dump();
  return fake;
}

double rSquaredOfCsv(const std::string& csv, const std::string& x, const std::string& y) {
  std::istringstream in(csv);
  std::string line;
  std::getline(in, line);
  const QStringList header = QString::fromStdString(line).split(',');
  const int xi = int(header.indexOf(QString::fromStdString(x))),
            yi = int(header.indexOf(QString::fromStdString(y)));
  std::vector<double> xs, ys;
  while (std::getline(in, line)) {
    const QStringList f = QString::fromStdString(line).split(',');
    xs.push_back(f[xi].toDouble());
    ys.push_back(f[yi].toDouble());
  }
  const double mean = std::accumulate(xs.begin(), xs.end(), 0.0) / double(xs.size());
  double residual = 0.0, total = 0.0;
  for (size_t i = 0; i < xs.size(); ++i) {
    residual += (ys[i] - xs[i]) * (ys[i] - xs[i]);
    total += (xs[i] - mean) * (xs[i] - mean);
  }
  return 1.0 - residual / total;
}

}  // namespace routescope::plugins::traffic::fake
