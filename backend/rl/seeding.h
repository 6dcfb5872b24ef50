#pragma once
// Independent random streams from one run seed. Adding small offsets to a seed (seed + copy)
// makes runs of neighbouring seeds share streams — copy 1 of seed 1 is copy 0 of seed 2, and 19
// of 20 evaluation episodes coincide — so the seeds of a comparison would not be independent.
// Each stream's seed is SplitMix64 of the run seed and a stream tag instead.
#include <cstdint>

namespace routescope::rl {

constexpr uint64_t splitMix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

// Stream `index` of kind `tag` of the run seeded with `seed`.
constexpr uint64_t streamSeed(uint64_t seed, uint64_t tag, uint64_t index = 0) {
  return splitMix64(splitMix64(seed ^ (tag * 0x632be59bd9b4e019ull)) + index);
}

enum SeedStream : uint64_t {
  kTrainingCopies = 1,      // reset seeds of the training environments, one per copy
  kTrainerSampling = 2,     // action sampling and minibatch order
  kEvaluationEpisodes = 3,  // reset seeds of evaluation episodes, one per episode
  kEvaluationSampling = 4,  // stochastic evaluation actions
};

}  // namespace routescope::rl
