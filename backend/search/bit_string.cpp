#include "backend/search/bit_string.h"

#include <utility>

namespace routescope::search {
namespace {

void checkLengths(const BitString& a, const BitString& b) {
  if (a.size() != b.size())
    throw core::Error("crossover: parents of lengths " + std::to_string(a.size()) + " and " +
                      std::to_string(b.size()));
}

double unit(Rng& rng) {
  return std::uniform_real_distribution<double>(0.0, 1.0)(rng);
}

}  // namespace

BitString randomBits(size_t length, double density, Rng& rng) {
  BitString bits(length, 0);
  for (size_t i = 0; i < length; ++i) bits[i] = unit(rng) < density;
  return bits;
}

BitString uniformCrossover(const BitString& a, const BitString& b, Rng& rng) {
  checkLengths(a, b);
  BitString child(a);
  for (size_t i = 0; i < a.size(); ++i) child[i] = unit(rng) < 0.5 ? a[i] : b[i];
  return child;
}

BitString onePointCrossover(const BitString& a, const BitString& b, Rng& rng) {
  checkLengths(a, b);
  BitString child(a);
  if (a.size() < 2) return child;
  const size_t cut = std::uniform_int_distribution<size_t>(1, a.size() - 1)(rng);
  std::copy(b.begin() + static_cast<std::ptrdiff_t>(cut), b.end(),
            child.begin() + static_cast<std::ptrdiff_t>(cut));
  return child;
}

BitString twoPointCrossover(const BitString& a, const BitString& b, Rng& rng) {
  checkLengths(a, b);
  if (a.size() < 3) return onePointCrossover(a, b, rng);
  const size_t i = std::uniform_int_distribution<size_t>(1, a.size() - 2)(rng);
  const size_t j = std::uniform_int_distribution<size_t>(i + 1, a.size() - 1)(rng);
  BitString child(a);
  std::copy(b.begin() + static_cast<std::ptrdiff_t>(i), b.begin() + static_cast<std::ptrdiff_t>(j),
            child.begin() + static_cast<std::ptrdiff_t>(i));
  return child;
}

void flipBits(BitString& bits, double rate, Rng& rng) {
  for (auto& bit : bits)
    if (unit(rng) < rate) bit ^= 1;
}

GeneticOperators<BitString> bitStringOperators(size_t length, double density, BitCrossover crossover,
                                               double flip_rate) {
  const double rate = flip_rate < 0 ? 1.0 / static_cast<double>(std::max<size_t>(1, length)) : flip_rate;
  GeneticOperators<BitString> ops;
  ops.random = [length, density](Rng& rng) { return randomBits(length, density, rng); };
  switch (crossover) {
    case BitCrossover::Uniform:
      ops.crossover = uniformCrossover;
      break;
    case BitCrossover::OnePoint:
      ops.crossover = onePointCrossover;
      break;
    case BitCrossover::TwoPoint:
      ops.crossover = twoPointCrossover;
      break;
  }
  ops.mutate = [rate](BitString& bits, Rng& rng) { flipBits(bits, rate, rng); };
  return ops;
}

std::string bitsText(const BitString& bits) {
  std::string text;
  text.reserve(bits.size());
  for (const uint8_t bit : bits) text += bit ? '1' : '0';
  return text;
}

}  // namespace routescope::search
