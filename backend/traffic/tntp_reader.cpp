#include "backend/traffic/tntp_reader.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <map>
#include <sstream>

#include "backend/core/error.h"
#include "backend/traffic/parse_number.h"

namespace routescope::traffic {
namespace {

// Splits text into lines without their CR/LF; keeps 1-based numbers for messages.
class Lines {
 public:
  explicit Lines(std::string_view text) : text_(text) {}
  bool next(std::string_view& line) {
    if (pos_ >= text_.size()) return false;
    const size_t end = text_.find('\n', pos_);
    const size_t stop = end == std::string_view::npos ? text_.size() : end;
    line = text_.substr(pos_, stop - pos_);
    while (!line.empty() && (line.back() == '\r')) line.remove_suffix(1);
    pos_ = stop + 1;
    ++number_;
    return true;
  }
  int number() const { return number_; }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  int number_ = 0;
};

std::string_view trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

// The data part of a line: everything before a `~` comment.
std::string_view stripComment(std::string_view line) {
  const size_t tilde = line.find('~');
  return tilde == std::string_view::npos ? line : line.substr(0, tilde);
}

// Whitespace-separated tokens; `;` terminates a record and is dropped.
std::vector<std::string_view> tokens(std::string_view line) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == ';')) ++i;
    size_t j = i;
    while (j < line.size() && line[j] != ' ' && line[j] != '\t' && line[j] != ';') ++j;
    if (j > i) out.push_back(line.substr(i, j - i));
    i = j;
  }
  return out;
}

std::string where(const std::string& source, int line) {
  return source + ":" + std::to_string(line);
}

[[noreturn]] void badNumber(std::string_view token, const std::string& source, int line,
                            std::string_view field, NumberProblem problem) {
  throw core::Error(where(source, line) + ": field '" + std::string(field) + "': '" + std::string(token) +
                    "' " + describeProblem(problem));
}

// Every number in the TNTP files is finite: nan and inf are errors naming file, line and field.
double toNumber(std::string_view token, const std::string& source, int line, std::string_view field) {
  const ParsedNumber n = parseFiniteNumber(token);
  if (!n.ok()) badNumber(token, source, line, field, n.problem);
  return n.value;
}

int32_t toInteger(std::string_view token, const std::string& source, int line, std::string_view field) {
  const ParsedNumber n = parseIntegerNumber(token);
  if (!n.ok()) badNumber(token, source, line, field, n.problem);
  return static_cast<int32_t>(n.value);
}

struct Metadata {
  std::map<std::string, std::string> tags;
  std::map<std::string, int> lines;
  int end_line = 0;  // line of <END OF METADATA>
};

// Reads `<TAG> value` lines up to <END OF METADATA>.
Metadata readMetadata(Lines& lines, const std::string& source) {
  Metadata meta;
  std::string_view line;
  while (lines.next(line)) {
    const std::string_view t = trim(line);
    if (t.empty() || t.front() == '~') continue;
    if (t.front() != '<') {
      throw core::Error(where(source, lines.number()) + ": field 'metadata': expected <TAG> value or " +
                        "<END OF METADATA>, found '" + std::string(t.substr(0, 40)) + "'");
    }
    const size_t close = t.find('>');
    if (close == std::string_view::npos) {
      throw core::Error(where(source, lines.number()) + ": field 'metadata': unterminated tag");
    }
    std::string tag(trim(t.substr(1, close - 1)));
    std::transform(tag.begin(), tag.end(), tag.begin(), [](unsigned char c) { return std::toupper(c); });
    if (tag == "END OF METADATA") {
      meta.end_line = lines.number();
      return meta;
    }
    meta.tags[tag] = std::string(trim(t.substr(close + 1)));
    meta.lines[tag] = lines.number();
  }
  throw core::Error(where(source, lines.number()) + ": field 'END OF METADATA': missing (file truncated?)");
}

int32_t requireCount(const Metadata& meta, const std::string& tag, const std::string& source,
                     bool allow_zero) {
  const auto it = meta.tags.find(tag);
  if (it == meta.tags.end()) {
    throw core::Error(where(source, meta.end_line) + ": field '" + tag + "': missing metadata tag <" + tag +
                      ">");
  }
  const int line = meta.lines.at(tag);
  const auto parts = tokens(stripComment(it->second));
  if (parts.empty()) throw core::Error(where(source, line) + ": field '" + tag + "': no value");
  const int32_t value = toInteger(parts[0], source, line, tag);
  if (value < 0 || (value == 0 && !allow_zero)) {
    throw core::Error(where(source, line) + ": field '" + tag + "': " + std::to_string(value) +
                      " must be positive");
  }
  return value;
}

constexpr std::string_view kNetFields[] = {"init_node", "term_node", "capacity", "length", "free_flow_time",
                                           "b",         "power",     "speed",    "toll",   "link_type"};

}  // namespace

std::string readTextFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw core::Error(path + ": cannot open file");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw core::Error(path + ": read error");
  return buffer.str();
}

Network parseNetwork(std::string_view text, const std::string& source) {
  Lines lines(text);
  const Metadata meta = readMetadata(lines, source);
  Network net;
  net.metadata = meta.tags;
  net.nodes = requireCount(meta, "NUMBER OF NODES", source, false);
  net.zones = requireCount(meta, "NUMBER OF ZONES", source, true);
  const int32_t link_count = requireCount(meta, "NUMBER OF LINKS", source, true);
  net.first_thru_node =
      meta.tags.count("FIRST THRU NODE") ? requireCount(meta, "FIRST THRU NODE", source, false) : 1;
  if (net.zones > net.nodes) {
    throw core::Error(where(source, meta.lines.at("NUMBER OF ZONES")) + ": field 'NUMBER OF ZONES': " +
                      std::to_string(net.zones) + " exceeds NUMBER OF NODES " + std::to_string(net.nodes));
  }
  // nodes + 1 means that no node may be passed through; anything beyond names no node at all.
  if (net.first_thru_node > net.nodes + 1) {
    throw core::Error(where(source, meta.lines.at("FIRST THRU NODE")) +
                      ": field 'FIRST THRU NODE': " + std::to_string(net.first_thru_node) +
                      " exceeds NUMBER OF NODES + 1 = " + std::to_string(net.nodes + 1));
  }
  net.links.reserve(static_cast<size_t>(link_count));
  std::string_view line;
  while (lines.next(line)) {
    const auto parts = tokens(stripComment(line));
    if (parts.empty()) continue;
    const int n = lines.number();
    if (parts.size() != std::size(kNetFields)) {
      throw core::Error(
          where(source, n) + ": field 'columns': expected 10 columns (" +
          "init_node term_node capacity length free_flow_time b power speed toll link_type), found " +
          std::to_string(parts.size()));
    }
    if (static_cast<int32_t>(net.links.size()) == link_count) {
      throw core::Error(where(source, n) + ": field 'NUMBER OF LINKS': more links than the " +
                        std::to_string(link_count) + " announced");
    }
    Link link;
    const int32_t from = toInteger(parts[0], source, n, kNetFields[0]);
    const int32_t to = toInteger(parts[1], source, n, kNetFields[1]);
    for (int k = 0; k < 2; ++k) {
      const int32_t node = k == 0 ? from : to;
      if (node < 1 || node > net.nodes) {
        throw core::Error(where(source, n) + ": field '" + std::string(kNetFields[k]) + "': unknown node " +
                          std::to_string(node) + " (NUMBER OF NODES is " + std::to_string(net.nodes) + ")");
      }
    }
    link.from = from - 1;
    link.to = to - 1;
    double values[7];
    for (int k = 2; k < 9; ++k)
      values[k - 2] = toNumber(parts[static_cast<size_t>(k)], source, n, kNetFields[k]);
    link.capacity = values[0];
    link.length = values[1];
    link.free_flow_time = values[2];
    link.b = values[3];
    link.power = values[4];
    link.speed = values[5];
    link.toll = values[6];
    link.type = toInteger(parts[9], source, n, kNetFields[9]);
    // Every constant part of a link's cost is non-negative: a negative toll or length (with a
    // toll or distance factor) or free-flow time makes negative-cost cycles, on which shortest
    // paths do not exist. `!(v >= 0)` (not `v < 0`) so that no NaN can slip through.
    const auto negative = [&](int k, double v) {
      if (!(v >= 0.0)) {
        throw core::Error(where(source, n) + ": field '" + std::string(kNetFields[k]) +
                          "': " + std::string(parts[static_cast<size_t>(k)]) + " is negative");
      }
    };
    negative(2, link.capacity);
    negative(3, link.length);
    negative(4, link.free_flow_time);
    negative(5, link.b);
    negative(6, link.power);
    negative(8, link.toll);
    if (link.capacity == 0.0 && link.b != 0.0) {
      throw core::Error(where(source, n) +
                        ": field 'capacity': 0 with b > 0 (travel time would be infinite)");
    }
    net.links.push_back(link);
  }
  if (static_cast<int32_t>(net.links.size()) != link_count) {
    throw core::Error(where(source, lines.number()) +
                      ": field 'NUMBER OF LINKS': " + std::to_string(link_count) + " announced, " +
                      std::to_string(net.links.size()) + " found (file truncated?)");
  }
  return net;
}

Demand parseTrips(std::string_view text, const std::string& source) {
  Lines lines(text);
  const Metadata meta = readMetadata(lines, source);
  Demand demand;
  demand.zones = requireCount(meta, "NUMBER OF ZONES", source, false);
  std::map<int32_t, std::map<int32_t, double>> table;
  int32_t origin = -1;
  bool any_origin = false;
  double intrazonal = 0.0;
  std::string_view line;
  while (lines.next(line)) {
    const std::string_view data = trim(stripComment(line));
    if (data.empty()) continue;
    const int n = lines.number();
    if (data.substr(0, 6) == "Origin" || data.substr(0, 6) == "origin") {
      const auto parts = tokens(data.substr(6));
      if (parts.size() != 1)
        throw core::Error(where(source, n) + ": field 'Origin': expected one zone number");
      origin = toInteger(parts[0], source, n, "Origin");
      if (origin < 1 || origin > demand.zones) {
        throw core::Error(where(source, n) + ": field 'Origin': unknown zone " + std::to_string(origin) +
                          " (NUMBER OF ZONES is " + std::to_string(demand.zones) + ")");
      }
      any_origin = true;
      table[origin - 1];
      continue;
    }
    if (!any_origin) throw core::Error(where(source, n) + ": field 'Origin': demand before any Origin line");
    // Entries "dest : flow;" — several per line.
    size_t pos = 0;
    while (pos < data.size()) {
      size_t semi = data.find(';', pos);
      if (semi == std::string_view::npos) semi = data.size();
      const std::string_view entry = trim(data.substr(pos, semi - pos));
      pos = semi + 1;
      if (entry.empty()) continue;
      const size_t colon = entry.find(':');
      if (colon == std::string_view::npos) {
        throw core::Error(where(source, n) + ": field 'destination': expected 'zone : flow', found '" +
                          std::string(entry) + "'");
      }
      const int32_t dest = toInteger(trim(entry.substr(0, colon)), source, n, "destination");
      const double flow = toNumber(trim(entry.substr(colon + 1)), source, n, "flow");
      if (dest < 1 || dest > demand.zones) {
        throw core::Error(where(source, n) + ": field 'destination': unknown zone " + std::to_string(dest) +
                          " (NUMBER OF ZONES is " + std::to_string(demand.zones) + ")");
      }
      if (!(flow >= 0.0)) throw core::Error(where(source, n) + ": field 'flow': negative demand");
      if (dest == origin) {
        intrazonal += flow;
      } else if (flow > 0.0) {
        table[origin - 1][dest - 1] += flow;
      }
    }
  }
  if (table.empty() && demand.zones > 0) {
    throw core::Error(where(source, lines.number()) + ": field 'Origin': no demand (file truncated?)");
  }
  for (const auto& [o, row] : table) {
    if (row.empty()) continue;
    OriginDemand od;
    od.origin = o;
    for (const auto& [d, f] : row) {
      od.destinations.push_back(d);
      od.flows.push_back(f);
    }
    demand.origins.push_back(std::move(od));
  }
  // A truncated table is caught by comparing with the announced total when the file has one.
  if (const auto it = meta.tags.find("TOTAL OD FLOW"); it != meta.tags.end()) {
    const auto parts = tokens(stripComment(it->second));
    if (!parts.empty()) {
      const double announced = toNumber(parts[0], source, meta.lines.at("TOTAL OD FLOW"), "TOTAL OD FLOW");
      // The announced totals include intrazonal demand, which assignment ignores.
      const double total = demand.total() + intrazonal;
      if (announced > 0.0 && total < announced * (1.0 - 1e-6) - 1e-6) {
        throw core::Error(where(source, lines.number()) +
                          ": field 'TOTAL OD FLOW': " + std::string(parts[0]) + " announced, " +
                          std::to_string(total) + " found (file truncated?)");
      }
    }
  }
  return demand;
}

Network readNetworkFile(const std::string& path) {
  Network net = parseNetwork(readTextFile(path), path);
  std::string name =
      path.substr(path.find_last_of('/') == std::string::npos ? 0 : path.find_last_of('/') + 1);
  if (const size_t p = name.rfind("_net"); p != std::string::npos) name = name.substr(0, p);
  net.name = name;
  return net;
}

Demand readTripsFile(const std::string& path, const Network* network) {
  Demand demand = parseTrips(readTextFile(path), path);
  if (network && demand.zones != network->zones) {
    throw core::Error(path + ":1: field 'NUMBER OF ZONES': " + std::to_string(demand.zones) +
                      " differs from the network's " + std::to_string(network->zones));
  }
  return demand;
}

std::vector<FlowRecord> parseFlows(std::string_view text, const std::string& source) {
  Lines lines(text);
  std::vector<FlowRecord> out;
  std::string_view line;
  while (lines.next(line)) {
    const auto parts = tokens(stripComment(line));
    if (parts.empty()) continue;
    const int n = lines.number();
    // The header row ("From To Volume Cost") is text; data rows are numbers.
    if (out.empty() && !parts[0].empty() && !(std::isdigit(static_cast<unsigned char>(parts[0][0]))))
      continue;
    if (parts.size() < 3) {
      throw core::Error(where(source, n) + ": field 'columns': expected From To Volume [Cost], found " +
                        std::to_string(parts.size()) + " columns");
    }
    FlowRecord r;
    r.from = toInteger(parts[0], source, n, "From");
    r.to = toInteger(parts[1], source, n, "To");
    r.volume = toNumber(parts[2], source, n, "Volume");
    r.cost = parts.size() > 3 ? toNumber(parts[3], source, n, "Cost") : 0.0;
    out.push_back(r);
  }
  return out;
}

std::vector<FlowRecord> readFlowFile(const std::string& path) {
  return parseFlows(readTextFile(path), path);
}

}  // namespace routescope::traffic
