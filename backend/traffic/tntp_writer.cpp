#include "backend/traffic/tntp_writer.h"

#include <cstdio>
#include <fstream>

#include "backend/core/error.h"

namespace routescope::traffic {
namespace {

std::string num(double v) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.17g", v);
  return buffer;
}

}  // namespace

std::string formatNetwork(const Network& network) {
  int32_t open = 0;
  for (const Link& l : network.links) open += l.closed ? 0 : 1;
  std::string out;
  out += "<NUMBER OF ZONES> " + std::to_string(network.zones) + "\n";
  out += "<NUMBER OF NODES> " + std::to_string(network.nodes) + "\n";
  out += "<FIRST THRU NODE> " + std::to_string(network.first_thru_node) + "\n";
  out += "<NUMBER OF LINKS> " + std::to_string(open) + "\n";
  out +=
      "<ORIGINAL HEADER>~\tInit node\tTerm node\tCapacity\tLength\tFree Flow Time\tB\tPower\tSpeed "
      "limit\tToll\tType\t;\n";
  out += "<END OF METADATA>\n\n\n";
  out += "~\tinit_node\tterm_node\tcapacity\tlength\tfree_flow_time\tb\tpower\tspeed\ttoll\tlink_type\t;\n";
  for (const Link& l : network.links) {
    if (l.closed) continue;
    out += "\t" + std::to_string(l.from + 1) + "\t" + std::to_string(l.to + 1) + "\t" + num(l.capacity) +
           "\t" + num(l.length) + "\t" + num(l.free_flow_time) + "\t" + num(l.b) + "\t" + num(l.power) +
           "\t" + num(l.speed) + "\t" + num(l.toll) + "\t" + std::to_string(l.type) + "\t;\n";
  }
  return out;
}

std::string formatTrips(const Demand& demand) {
  std::string out;
  out += "<NUMBER OF ZONES> " + std::to_string(demand.zones) + "\n";
  out += "<TOTAL OD FLOW> " + num(demand.total()) + "\n";
  out += "<END OF METADATA>\n\n\n";
  for (const auto& o : demand.origins) {
    out += "Origin \t" + std::to_string(o.origin + 1) + "\n";
    for (size_t k = 0; k < o.destinations.size(); ++k) {
      out += "    " + std::to_string(o.destinations[k] + 1) + " : " + num(o.flows[k]) + ";";
      if (k % 5 == 4 || k + 1 == o.destinations.size()) out += "\n";
    }
    out += "\n";
  }
  return out;
}

std::string formatNodes(const std::vector<Point2>& coordinates) {
  std::string out = "Node\tX\tY\t;\n";
  for (size_t v = 0; v < coordinates.size(); ++v) {
    out += std::to_string(v + 1) + "\t" + num(coordinates[v].x) + "\t" + num(coordinates[v].y) + "\t;\n";
  }
  return out;
}

std::string formatFlows(const Network& network, std::span<const double> flows,
                        std::span<const double> costs) {
  std::string out = "From \tTo \tVolume \tCost \n";
  for (size_t a = 0; a < network.links.size(); ++a) {
    const Link& l = network.links[a];
    if (l.closed) continue;
    out += std::to_string(l.from + 1) + " \t" + std::to_string(l.to + 1) + " \t" + num(flows[a]) + " \t" +
           num(costs[a]) + " \n";
  }
  return out;
}

void writeTextFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw core::Error(path + ": cannot write");
  out << text;
  out.close();
  if (!out) throw core::Error(path + ": write failed");
}

}  // namespace routescope::traffic
