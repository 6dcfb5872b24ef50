#pragma once
// Sweeps: the product of several values for some config keys, times a list of seeds, launched as
// one group of runs.

#include <cstdint>
#include <string>
#include <vector>

#include "backend/core/config.h"

namespace routescope::core {

struct SweepAxis {
  std::string key;
  std::vector<std::string> values;  // as typed, parsed by the schema per run
};

struct SweepPoint {
  std::vector<std::string> overrides;  // "key=value" for every axis
  uint64_t seed = 0;
};

// "1-5" -> 1..5, "1,3,7" -> {1,3,7}, "2-4,9" -> {2,3,4,9}. Throws Error on bad text or > 10,000 seeds.
std::vector<uint64_t> parseSeedList(std::string_view text);
// "key=v1,v2,v3" -> axis; throws Error on empty values.
SweepAxis parseSweepAxis(std::string_view assignment);
// The Cartesian product of the axes (first axis varies slowest) times the seeds.
std::vector<SweepPoint> expandSweep(const std::vector<SweepAxis>& axes, const std::vector<uint64_t>& seeds);
// A fresh group id shared by the sweep's runs.
std::string newGroupId();

}  // namespace routescope::core
