#pragma once
// Plug-in entropy and mutual information of discrete variables from paired samples, in bits, and
// the shuffled-label correction: the plug-in MI is biased upwards by roughly
// (|X|-1)(|Y|-1) / (2 N ln 2), which matters for variables with many values (token ids), so we
// subtract the mean MI obtained after randomly permuting the conditioning variable, which keeps
// both marginals and destroys only the dependence.

#include <cstdint>
#include <span>
#include <vector>

namespace routescope::moe::analysis {

// Values recoded as 0..cardinality-1 (ascending order of the original values).
struct DenseCodes {
  std::vector<int32_t> codes;
  int32_t cardinality = 0;
};
DenseCodes denseCodes(std::span<const int32_t> values);

// Plug-in entropy (bits) of codes in [0, cardinality). 0 for no samples.
double entropyBits(std::span<const int32_t> codes, int32_t cardinality);

// Plug-in I(X; Y) in bits of paired samples; x in [0, nx), y in [0, ny), equal lengths.
double mutualInformationBits(std::span<const int32_t> x, int32_t nx, std::span<const int32_t> y, int32_t ny);

struct MiEstimate {
  double raw = 0;        // plug-in estimate
  double bias = 0;       // mean plug-in MI over the permutations of y
  double corrected = 0;  // raw - bias; may be slightly negative when X and Y are independent
};

// Plug-in MI and the shuffled-label baseline over `permutations` seeded permutations of y (the
// conditioning variable). permutations = 0 gives bias 0.
MiEstimate correctedMutualInformation(std::span<const int32_t> x, int32_t nx, std::span<const int32_t> y,
                                      int32_t ny, int permutations, uint64_t seed);

}  // namespace routescope::moe::analysis
