#include "backend/traffic/ndp_problem.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "backend/core/error.h"
#include "backend/traffic/parse_number.h"
#include "backend/traffic/tntp_reader.h"

namespace routescope::traffic {
namespace {

std::vector<std::string_view> splitLines(std::string_view text) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t end = text.find('\n', pos);
    const size_t stop = end == std::string_view::npos ? text.size() : end;
    std::string_view line = text.substr(pos, stop - pos);
    while (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out.push_back(line);
    pos = stop + 1;
  }
  return out;
}

// Same tokenisation as the TNTP reader: whitespace separated, `;` ends a record, `~` a comment.
std::vector<std::string_view> fields(std::string_view line) {
  const size_t tilde = line.find('~');
  if (tilde != std::string_view::npos) line = line.substr(0, tilde);
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

std::string upperTag(std::string_view line, std::string_view& value) {
  const auto f = line.find('<');
  const auto c = line.find('>');
  if (f == std::string_view::npos || c == std::string_view::npos || c < f) return {};
  std::string tag(line.substr(f + 1, c - f - 1));
  std::transform(tag.begin(), tag.end(), tag.begin(), [](unsigned char ch) { return std::toupper(ch); });
  value = line.substr(c + 1);
  return tag;
}

[[noreturn]] void fail(const std::string& source, size_t line, const std::string& field,
                       const std::string& what) {
  throw core::Error(source + ":" + std::to_string(line) + ": field '" + field + "': " + what);
}

// A finite number (nan and inf are errors, as in the TNTP reader).
double number(std::string_view token, const std::string& source, size_t line, const std::string& field) {
  const ParsedNumber n = parseFiniteNumber(token);
  if (!n.ok()) fail(source, line, field, "'" + std::string(token) + "' " + describeProblem(n.problem));
  return n.value;
}

}  // namespace

double NdpProblem::totalCost() const {
  double sum = 0.0;
  for (const auto& c : candidates) sum += c.cost;
  return sum;
}

std::string designString(const Design& design) {
  std::string s;
  for (uint8_t b : design) s += b ? '1' : '0';
  return s;
}

Design parseDesign(const std::string& text, size_t size) {
  if (text.size() != size || text.find_first_not_of("01") != std::string::npos)
    throw core::Error("design '" + text + "': expected " + std::to_string(size) + " characters 0 or 1");
  Design d(size);
  for (size_t i = 0; i < size; ++i) d[i] = text[i] == '1';
  return d;
}

Design designFromIndex(uint64_t index, size_t size) {
  Design d(size);
  for (size_t i = 0; i < size; ++i) d[i] = (index >> i) & 1u;
  return d;
}

double designCost(const NdpProblem& problem, const Design& design) {
  double sum = 0.0;
  for (size_t i = 0; i < design.size(); ++i)
    if (design[i]) sum += problem.candidates[i].cost;
  return sum;
}

bool withinBudget(const NdpProblem& problem, const Design& design, double budget) {
  return designCost(problem, design) <= budget * (1.0 + 1e-12) + 1e-12;
}

Network designNetwork(const NdpProblem& problem, const Design& design) {
  Network net = problem.network;
  for (size_t i = 0; i < design.size(); ++i) {
    if (!design[i]) continue;
    const NdpCandidate& c = problem.candidates[i];
    Link& link = net.links[static_cast<size_t>(c.link)];
    if (c.kind == NdpCandidate::Kind::NewLink)
      link.closed = false;
    else
      link.capacity += c.capacity_added;
  }
  return net;
}

NdpProblem parseNdpInstance(std::string_view text, const std::string& source) {
  // The rows are rewritten into the plain `_net` format, line for line, so the existing TNTP
  // reader checks everything else and its messages keep the right line numbers.
  const auto lines = splitLines(text);
  std::vector<std::string> out(lines.begin(), lines.end());
  size_t links_line = 0, end_line = 0, new_line = 0;
  int64_t announced_new = -1;
  std::vector<double> costs;
  std::vector<size_t> row_lines;
  for (size_t i = 0; i < lines.size(); ++i) {
    const size_t n = i + 1;
    if (end_line == 0) {
      std::string_view value;
      const std::string tag = upperTag(lines[i], value);
      if (tag == "END OF METADATA") end_line = n;
      if (tag == "NUMBER OF LINKS") links_line = n;
      if (tag == "NUMBER OF NEW LINKS") {
        const auto parts = fields(value);
        if (parts.empty()) fail(source, n, "NUMBER OF NEW LINKS", "no value");
        const double v = number(parts[0], source, n, "NUMBER OF NEW LINKS");
        if (!(v >= 1 && v <= 62) || v != static_cast<double>(static_cast<int64_t>(v)))
          fail(source, n, "NUMBER OF NEW LINKS",
               "'" + std::string(parts[0]) + "' must be an integer in 1..62");
        announced_new = static_cast<int64_t>(v);
        new_line = n;
        out[i].clear();  // unknown to the plain reader's link count
      }
      continue;
    }
    const auto parts = fields(lines[i]);
    if (parts.empty()) continue;
    if (parts.size() != 11)
      fail(source, n, "columns",
           "expected 11 columns (init_node term_node capacity length free_flow_time b power speed toll "
           "link_type cost), found " +
               std::to_string(parts.size()));
    costs.push_back(number(parts[10], source, n, "cost"));
    if (!(costs.back() >= 0.0)) fail(source, n, "cost", "'" + std::string(parts[10]) + "' is negative");
    row_lines.push_back(n);
    std::string row;
    for (size_t k = 0; k < 10; ++k) row += std::string(parts[k]) + (k + 1 < 10 ? " " : " ;");
    out[i] = row;
  }
  if (end_line == 0) fail(source, lines.size(), "END OF METADATA", "missing (file truncated?)");
  if (announced_new < 0)
    fail(source, end_line, "NUMBER OF NEW LINKS", "missing metadata tag <NUMBER OF NEW LINKS>");
  if (links_line == 0) fail(source, end_line, "NUMBER OF LINKS", "missing metadata tag <NUMBER OF LINKS>");
  {
    std::string_view value;
    upperTag(lines[links_line - 1], value);
    const auto parts = fields(value);
    if (parts.empty()) fail(source, links_line, "NUMBER OF LINKS", "no value");
    const double existing = number(parts[0], source, links_line, "NUMBER OF LINKS");
    if (!(existing >= 0.0 && existing <= 2e9) ||
        existing != static_cast<double>(static_cast<int64_t>(existing)))
      fail(source, links_line, "NUMBER OF LINKS", "'" + std::string(parts[0]) + "' is not a count");
    if (existing + static_cast<double>(announced_new) != static_cast<double>(costs.size()))
      fail(source, links_line, "NUMBER OF LINKS",
           std::string(parts[0]) + " existing + " + std::to_string(announced_new) +
               " new links announced (line " + std::to_string(new_line) + "), but " +
               std::to_string(costs.size()) + " link rows found");
    out[links_line - 1] = "<NUMBER OF LINKS> " + std::to_string(costs.size());
  }
  std::string rewritten;
  for (const auto& l : out) rewritten += l + "\n";
  NdpProblem p;
  p.network = parseNetwork(rewritten, source);
  p.network.metadata.erase("NUMBER OF NEW LINKS");
  const size_t first = costs.size() - static_cast<size_t>(announced_new);
  for (size_t r = first; r < costs.size(); ++r) {
    if (!(costs[r] > 0.0)) fail(source, row_lines[r], "cost", "candidate link cost must be positive");
    NdpCandidate c;
    c.link = static_cast<int32_t>(r);
    c.cost = costs[r];
    p.network.links[r].closed = true;
    p.candidates.push_back(c);
  }
  return p;
}

NdpProblem readNdpInstanceFile(const std::string& path) {
  return parseNdpInstance(readTextFile(path), path);
}

NdpProblem laneAdditionProblem(const Network& network, double share) {
  if (!(share > 0.0 && std::isfinite(share))) throw core::Error("lane share must be positive and finite");
  NdpProblem p;
  p.network = network;
  for (int32_t a = 0; a < network.linkCount(); ++a) {
    const Link& l = network.links[static_cast<size_t>(a)];
    if (l.closed) continue;
    NdpCandidate c;
    c.kind = NdpCandidate::Kind::AddCapacity;
    c.link = a;
    c.capacity_added = share * l.capacity;
    c.cost = l.free_flow_time * l.capacity;
    p.candidates.push_back(c);
  }
  return p;
}

}  // namespace routescope::traffic
