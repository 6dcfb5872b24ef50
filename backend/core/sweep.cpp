#include "backend/core/sweep.h"

#include <charconv>
#include <random>

#include "backend/core/error.h"
#include "backend/core/run_store.h"

namespace routescope::core {
namespace {

std::vector<std::string> splitCommas(std::string_view text) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (;;) {
    const size_t comma = text.find(',', start);
    parts.emplace_back(text.substr(start, comma == std::string_view::npos ? text.npos : comma - start));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return parts;
}

uint64_t parseSeed(std::string_view text, std::string_view whole) {
  uint64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) {
    throw Error("--seeds '" + std::string(whole) + "': expected numbers or ranges like 1-5,9");
  }
  return value;
}

}  // namespace

std::vector<uint64_t> parseSeedList(std::string_view text) {
  constexpr size_t kMaxSeeds = 10000;
  std::vector<uint64_t> seeds;
  for (const auto& part : splitCommas(text)) {
    const auto dash = part.find('-');
    if (dash == std::string::npos) {
      seeds.push_back(parseSeed(part, text));
      continue;
    }
    const uint64_t first = parseSeed(std::string_view(part).substr(0, dash), text);
    const uint64_t last = parseSeed(std::string_view(part).substr(dash + 1), text);
    if (last < first || last - first >= kMaxSeeds) {
      throw Error("--seeds '" + std::string(text) + "': range " + part + " is empty or too long");
    }
    for (uint64_t s = first; s <= last; ++s) seeds.push_back(s);
  }
  if (seeds.size() > kMaxSeeds) throw Error("--seeds '" + std::string(text) + "': more than 10000 seeds");
  return seeds;
}

SweepAxis parseSweepAxis(std::string_view assignment) {
  const auto [key, text] = splitOverride(assignment);
  SweepAxis axis{key, splitCommas(text)};
  for (const auto& v : axis.values) {
    if (v.empty()) throw Error("--set '" + std::string(assignment) + "': empty value in the list");
  }
  return axis;
}

std::vector<SweepPoint> expandSweep(const std::vector<SweepAxis>& axes, const std::vector<uint64_t>& seeds) {
  std::vector<std::vector<std::string>> combos = {{}};
  for (const auto& axis : axes) {
    std::vector<std::vector<std::string>> next;
    for (const auto& combo : combos) {
      for (const auto& value : axis.values) {
        auto extended = combo;
        extended.push_back(axis.key + "=" + value);
        next.push_back(std::move(extended));
      }
    }
    combos = std::move(next);
  }
  std::vector<SweepPoint> points;
  for (const auto& combo : combos) {
    for (uint64_t seed : seeds) points.push_back({combo, seed});
  }
  return points;
}

std::string newGroupId() {
  std::mt19937_64 generator(std::random_device{}() ^ static_cast<uint64_t>(nowMillis()));
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id = "g";
  uint64_t bits = generator();
  for (int i = 0; i < 10; ++i, bits >>= 4) id.push_back(kHex[bits & 15]);
  return id;
}

}  // namespace routescope::core
