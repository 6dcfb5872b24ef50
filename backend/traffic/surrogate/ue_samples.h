#pragma once
// Training data of the UE surrogate: user-equilibrium solutions of perturbed copies of a network
// design problem, as Madadi & Correia (2024) generate theirs — each sample draws a random design,
// scales every OD flow by a factor in [1 − jitter, 1 + jitter] and every link capacity by a
// factor in [capacity_min, capacity_max], and is solved with our own Algorithm B.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "backend/traffic/ndp_problem.h"

namespace routescope::traffic {

struct UeSampleOptions {
  int count = 1000;
  double od_jitter = 0.2;
  double capacity_min = 0.5;
  double capacity_max = 1.5;
  double gap = 1e-6;  // Algorithm B relative gap of each sample's solve
  int threads = 2;
  uint64_t seed = 1;
  std::function<void(int done)> progress;  // called from the calling thread
  std::function<bool()> cancelled;
};

struct UeSample {
  Design design;                      // one 0/1 per candidate
  std::vector<float> capacity_scale;  // per link of the problem's network
  std::vector<float> od_scale;        // per OD pair, in the order of odPairs(problem.demand)
  std::vector<float> flows;           // UE link flows
  double tstt = 0.0;                  // UE total system travel time
};

struct OdPair {
  int32_t origin = 0;
  int32_t destination = 0;
  double flow = 0.0;
};
// The positive OD flows of a demand, origin by origin as stored.
std::vector<OdPair> odPairs(const Demand& demand);

// The unperturbed sample of a design (all scales 1, no solution): what the GA asks about.
UeSample baseSample(const NdpProblem& problem, const Design& design);
// The network (design built, capacities scaled) and the demand (OD flows scaled) of a sample.
Network sampleNetwork(const NdpProblem& problem, const UeSample& sample);
Demand sampleDemand(const NdpProblem& problem, const UeSample& sample);

// Draws and solves `options.count` samples on `options.threads` workers. The result does not
// depend on the thread count (each sample's draws come from its own seeded generator).
// Throws core::Error("cancelled") when cancelled.
std::vector<UeSample> generateUeSamples(const NdpProblem& problem, const UeSampleOptions& options);

// A compact binary form for the run store (artifact `surrogate-data.bin`): the magic "RSUESMP1",
// u64 sizes (samples, links, candidates, OD pairs), then per sample the design bytes, float32
// capacity scales, OD scales, flows and a float64 TSTT, all little-endian.
std::vector<std::byte> writeUeSamples(std::span<const UeSample> samples);
// Throws core::Error naming `name` when the bytes are malformed or do not fit `problem`.
std::vector<UeSample> readUeSamples(std::span<const std::byte> bytes, const NdpProblem& problem,
                                    const std::string& name);

}  // namespace routescope::traffic
