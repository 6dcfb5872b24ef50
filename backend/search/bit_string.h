#pragma once
// Ready GeneticSearch operators for bit strings (network design: one bit per candidate). Each
// operator draws from the Rng in a fixed order, documented per function, so that a search built
// from them reproduces a hand-written loop that draws the same way.

#include <cstdint>
#include <string>
#include <vector>

#include "backend/search/genetic_search.h"

namespace routescope::search {

using BitString = std::vector<uint8_t>;  // 0 or 1 per position

// Each bit is 1 with probability `density`: one uniform [0, 1) draw per bit, in order.
BitString randomBits(size_t length, double density, Rng& rng);
// Each bit from the first parent when its uniform draw is < 0.5, else from the second (one draw
// per bit). Throws core::Error when the parents' lengths differ (as do the crossovers below).
BitString uniformCrossover(const BitString& a, const BitString& b, Rng& rng);
// The first parent up to a cut drawn uniformly in [1, length − 1], the second after it (no draw,
// a copy of the first parent, below length 2).
BitString onePointCrossover(const BitString& a, const BitString& b, Rng& rng);
// The second parent between two cuts 1 ≤ i < j ≤ length − 1 (i, then j, drawn uniformly), the
// first elsewhere; one-point below length 3.
BitString twoPointCrossover(const BitString& a, const BitString& b, Rng& rng);
// Flips each bit with probability `rate`: one uniform draw per bit, in order.
void flipBits(BitString& bits, double rate, Rng& rng);

enum class BitCrossover { Uniform, OnePoint, TwoPoint };

// random = randomBits(length, density), the chosen crossover, mutate = flipBits(rate; −1:
// 1/length). Repair, penalty and feasibility are left for the caller.
GeneticOperators<BitString> bitStringOperators(size_t length, double density = 0.5,
                                               BitCrossover crossover = BitCrossover::Uniform,
                                               double flip_rate = -1.0);

std::string bitsText(const BitString& bits);  // "0110…"

}  // namespace routescope::search
