#include "app/cli/traffic_commands.h"

#include <algorithm>
#include <sstream>

#include "backend/core/error.h"
#include "backend/traffic/braess.h"
#include "backend/traffic/coordinates.h"
#include "backend/traffic/tntp_reader.h"

namespace routescope::cli {
namespace {

struct InfoOptions {
  std::string net;
  std::string trips;
  std::string nodes;
};

// `traffic info`: what a network holds, without solving or creating a run.
int trafficInfo(CliContext& cli, const InfoOptions& o) {
  traffic::Network net;
  traffic::Demand demand;
  bool have_demand = false;
  if (o.net == "builtin:braess") {
    net = traffic::braessNetwork(true);
    demand = traffic::braessDemand();
    have_demand = true;
  } else {
    net = traffic::readNetworkFile(o.net);
    if (!o.trips.empty()) {
      demand = traffic::readTripsFile(o.trips, &net);
      traffic::validate(net, demand, o.trips);
      have_demand = true;
    }
    if (!o.nodes.empty()) net.coordinates = traffic::readCoordinates(o.nodes, net.nodes);
  }
  double min_cap = 0, max_cap = 0, min_fftt = 0, max_fftt = 0;
  int zero_fftt = 0, tolled = 0;
  for (size_t a = 0; a < net.links.size(); ++a) {
    const auto& l = net.links[a];
    if (a == 0) min_cap = max_cap = l.capacity, min_fftt = max_fftt = l.free_flow_time;
    min_cap = std::min(min_cap, l.capacity);
    max_cap = std::max(max_cap, l.capacity);
    min_fftt = std::min(min_fftt, l.free_flow_time);
    max_fftt = std::max(max_fftt, l.free_flow_time);
    zero_fftt += l.free_flow_time == 0.0 ? 1 : 0;
    tolled += l.toll != 0.0 ? 1 : 0;
  }
  nlohmann::json j = {
      {"network", net.name},
      {"file", o.net},
      {"nodes", net.nodes},
      {"links", net.linkCount()},
      {"zones", net.zones},
      {"first_thru_node", net.first_thru_node},
      {"capacity", {{"min", min_cap}, {"max", max_cap}}},
      {"free_flow_time", {{"min", min_fftt}, {"max", max_fftt}, {"zero", zero_fftt}}},
      {"tolled_links", tolled},
      {"coordinates", net.coordinates.empty() ? "none (a layout is computed when drawn)" : "given"},
      {"metadata", net.metadata}};
  if (have_demand) {
    size_t pairs = 0;
    for (const auto& od : demand.origins) pairs += od.destinations.size();
    j["total_demand"] = demand.total();
    j["origins"] = demand.origins.size();
    j["od_pairs"] = pairs;
  }
  std::ostringstream text;
  text << net.name << ": " << net.nodes << " nodes, " << net.linkCount() << " links, " << net.zones
       << " zones, first thru node " << net.first_thru_node << "\n"
       << "  capacity " << min_cap << " .. " << max_cap << ", free-flow time " << min_fftt << " .. "
       << max_fftt << " (" << zero_fftt << " zero), " << tolled << " tolled links\n";
  if (have_demand) {
    text << "  demand " << j["total_demand"].get<double>() << " from " << demand.origins.size()
         << " origins, " << j["od_pairs"].get<size_t>() << " OD pairs\n";
  }
  cli.emit(j, text.str());
  return kExitOk;
}

}  // namespace

void addTrafficCommands(CLI::App& study, CliContext& cli, std::function<int()>& action) {
  static InfoOptions info_options;
  auto* info = study.add_subcommand("info", "Summary of a TNTP network (and demand) without solving");
  info->add_option("--net", info_options.net, "network file (_net.tntp), or builtin:braess")->required();
  info->add_option("--trips", info_options.trips, "demand file (_trips.tntp)");
  info->add_option("--nodes", info_options.nodes, "node coordinates (_node.tntp or GeoJSON)");
  info->callback([&] { action = [&] { return trafficInfo(cli, info_options); }; });
}

}  // namespace routescope::cli
