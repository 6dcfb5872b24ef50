#include "backend/traffic/whatif.h"

#include <sstream>

#include "backend/core/error.h"
#include "backend/traffic/parse_number.h"

namespace routescope::traffic {
namespace {

// A finite number (nan and inf are errors).
double number(const std::string& token, const std::string& where) {
  const ParsedNumber n = parseFiniteNumber(token);
  if (!n.ok()) throw core::Error(where + ": '" + token + "' " + describeProblem(n.problem));
  return n.value;
}

// An integer such as a node number (3.7 is an error, not node 3); `what` names it.
int32_t integer(const std::string& token, const std::string& where, const std::string& what) {
  const ParsedNumber n = parseIntegerNumber(token);
  if (!n.ok()) throw core::Error(where + ": " + what + " '" + token + "' " + describeProblem(n.problem));
  return static_cast<int32_t>(n.value);
}

void nodes(const std::string& token, Edit& e, const std::string& where) {
  const size_t dash = token.find('-');
  if (dash == std::string::npos)
    throw core::Error(where + ": expected a link as FROM-TO, found '" + token + "'");
  e.from = integer(token.substr(0, dash), where, "node");
  e.to = integer(token.substr(dash + 1), where, "node");
}

}  // namespace

std::vector<Edit> parseEdits(const std::string& text) {
  std::vector<Edit> edits;
  std::istringstream parts(text);
  std::string part;
  int index = 0;
  while (std::getline(parts, part, ';')) {
    std::istringstream words(part);
    std::vector<std::string> w;
    for (std::string s; words >> s;) w.push_back(s);
    if (w.empty()) continue;
    ++index;
    const std::string where = "edit " + std::to_string(index) + " '" + part + "'";
    Edit e;
    const auto need = [&](size_t n) {
      if (w.size() < n) throw core::Error(where + ": too few words");
    };
    if (w[0] == "close" || w[0] == "open") {
      need(2);
      e.kind = w[0] == "close" ? Edit::Kind::Close : Edit::Kind::Open;
      nodes(w[1], e, where);
    } else if (w[0] == "capacity") {
      need(3);
      e.kind = Edit::Kind::Capacity;
      nodes(w[1], e, where);
      e.factor = w[2][0] == 'x' || w[2][0] == '*';
      e.value = number(e.factor ? w[2].substr(1) : w[2], where);
      if (!(e.value > 0.0)) throw core::Error(where + ": capacity must be positive");
    } else if (w[0] == "demand") {
      need(2);
      e.kind = Edit::Kind::ScaleDemand;
      const std::string f = (w[1][0] == 'x' || w[1][0] == '*') ? w[1].substr(1) : w[1];
      e.value = number(f, where);
      e.factor = true;
      if (!(e.value > 0.0)) throw core::Error(where + ": the demand factor must be positive");
    } else if (w[0] == "add") {
      need(2);
      e.kind = Edit::Kind::Add;
      nodes(w[1], e, where);
      e.link.length = 0.0;
      bool capacity = false, time = false;
      for (size_t k = 2; k < w.size(); ++k) {
        const size_t eq = w[k].find('=');
        if (eq == std::string::npos) throw core::Error(where + ": expected key=value, found '" + w[k] + "'");
        const std::string key = w[k].substr(0, eq);
        const double v = number(w[k].substr(eq + 1), where);
        if (key == "capacity")
          e.link.capacity = v, capacity = true;
        else if (key == "fftt" || key == "free_flow_time")
          e.link.free_flow_time = v, time = true;
        else if (key == "length")
          e.link.length = v;
        else if (key == "b")
          e.link.b = v;
        else if (key == "power")
          e.link.power = v;
        else if (key == "toll")
          e.link.toll = v;
        else if (key == "speed")
          e.link.speed = v;
        else if (key == "type")
          e.link.type = integer(w[k].substr(eq + 1), where, "type");
        else
          throw core::Error(where + ": unknown key '" + key + "'");
        // Constant costs are never negative: a negative toll or length would make negative-cost
        // cycles (speed and type are labels, not costs).
        if (key != "speed" && key != "type" && !(v >= 0.0))
          throw core::Error(where + ": " + key + " must not be negative");
      }
      if (!capacity || !time) throw core::Error(where + ": give capacity= and fftt=");
      if (!(e.link.capacity > 0.0) || !(e.link.free_flow_time >= 0.0))
        throw core::Error(where + ": capacity must be positive, fftt not negative");
    } else {
      throw core::Error(where + ": unknown edit '" + w[0] + "' (close, open, capacity, add, demand)");
    }
    edits.push_back(e);
  }
  return edits;
}

std::string describe(const Edit& e) {
  const std::string link = std::to_string(e.from) + "-" + std::to_string(e.to);
  std::ostringstream text;
  switch (e.kind) {
    case Edit::Kind::Close:
      return "close " + link;
    case Edit::Kind::Open:
      return "open " + link;
    case Edit::Kind::Capacity:
      text << "capacity " << link << (e.factor ? " x" : " ") << e.value;
      return text.str();
    case Edit::Kind::Add:
      text << "add " << link << " capacity=" << e.link.capacity << " fftt=" << e.link.free_flow_time;
      return text.str();
    case Edit::Kind::ScaleDemand:
      text << "demand x" << e.value;
      return text.str();
  }
  return "?";
}

WhatIf applyEdits(const Network& network, const Demand& demand, const AssignmentResult& before,
                  const std::vector<Edit>& edits) {
  WhatIf w{network, demand, {}, {}};
  std::vector<double> flows = before.flows;
  std::shared_ptr<BushSolution> bushes;
  if (before.bushes) bushes = std::make_shared<BushSolution>(*before.bushes);
  bool link_start_feasible = !flows.empty();
  const auto find = [&](const Edit& e, bool closed) {
    for (int32_t a = 0; a < w.network.linkCount(); ++a) {
      const Link& l = w.network.links[static_cast<size_t>(a)];
      if (l.closed == closed && l.from == e.from - 1 && l.to == e.to - 1) return a;
    }
    throw core::Error(describe(e) + ": no " + (closed ? "closed" : "open") + " link from node " +
                      std::to_string(e.from) + " to node " + std::to_string(e.to));
  };
  for (const Edit& e : edits) {
    switch (e.kind) {
      case Edit::Kind::Close: {
        const int32_t a = find(e, false);
        w.network.links[static_cast<size_t>(a)].closed = true;
        if (static_cast<size_t>(a) < flows.size() && flows[static_cast<size_t>(a)] > 0.0)
          link_start_feasible = false;
        break;
      }
      case Edit::Kind::Open:
        w.network.links[static_cast<size_t>(find(e, true))].closed = false;
        break;
      case Edit::Kind::Capacity: {
        Link& l = w.network.links[static_cast<size_t>(find(e, false))];
        l.capacity = e.factor ? l.capacity * e.value : e.value;
        break;
      }
      case Edit::Kind::Add: {
        if (e.from < 1 || e.from > network.nodes || e.to < 1 || e.to > network.nodes || e.from == e.to) {
          throw core::Error(describe(e) + ": nodes must be two different nodes within 1.." +
                            std::to_string(network.nodes));
        }
        Link l = e.link;
        l.from = e.from - 1;
        l.to = e.to - 1;
        w.added_links.push_back(w.network.linkCount());
        w.network.links.push_back(l);
        break;
      }
      case Edit::Kind::ScaleDemand:
        w.demand.scale(e.value);
        for (double& f : flows) f *= e.value;
        if (bushes) {
          for (auto& b : bushes->origins) {
            for (double& f : b.flows) f *= e.value;
          }
        }
        break;
    }
  }
  flows.resize(w.network.links.size(), 0.0);
  if (link_start_feasible) w.warm.link_flows = std::move(flows);
  w.warm.bushes = std::move(bushes);
  return w;
}

}  // namespace routescope::traffic
