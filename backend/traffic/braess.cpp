#include "backend/traffic/braess.h"

namespace routescope::traffic {

Network braessNetwork(bool with_middle_link, bool close_instead) {
  Network net;
  net.name = with_middle_link ? "Braess" : "Braess-without-middle-link";
  net.nodes = 4;
  net.zones = 2;
  net.first_thru_node = 1;
  const auto link = [](int32_t from, int32_t to, double fftt, double b) {
    Link l;
    l.from = from - 1;
    l.to = to - 1;
    l.capacity = 1.0;
    l.length = 100.0;
    l.free_flow_time = fftt;
    l.b = b;
    l.power = 1.0;
    return l;
  };
  net.links = {link(1, 3, 1e-8, 1e9), link(1, 4, 50.0, 0.02), link(3, 2, 50.0, 0.02), link(3, 4, 10.0, 0.1),
               link(4, 2, 1e-8, 1e9)};
  if (!with_middle_link) {
    if (close_instead) {
      net.links[kBraessMiddleLink].closed = true;
    } else {
      net.links.erase(net.links.begin() + kBraessMiddleLink);
    }
  }
  // Origin left, destination right, the middle link vertical.
  net.coordinates = {{0.0, 0.5}, {1.0, 0.5}, {0.5, 1.0}, {0.5, 0.0}};
  return net;
}

Demand braessDemand(double total) {
  Demand d;
  d.zones = 2;
  OriginDemand o;
  o.origin = 0;
  o.destinations = {1};
  o.flows = {total};
  d.origins.push_back(o);
  return d;
}

}  // namespace routescope::traffic
