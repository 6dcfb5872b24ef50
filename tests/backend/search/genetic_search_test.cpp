// GeneticSearch on toy problems with known optima: OneMax and a small 0/1 knapsack solved by brute
// force (repair and penalty); the cache (no genome evaluated twice), the evaluation budget,
// seeding, remembered values, cancellation, and the bit-string operators.
#include "backend/search/genetic_search.h"

#include <gtest/gtest.h>

#include <set>

#include "backend/core/error.h"
#include "backend/search/bit_string.h"

using namespace routescope;
using namespace routescope::search;

namespace {

int zeros(const BitString& bits) {
  int n = 0;
  for (const uint8_t b : bits) n += b == 0;
  return n;
}

// An objective that counts what it was asked and fails the test when a genome comes twice.
struct CountingObjective {
  std::set<BitString> seen;
  int calls = 0;
  int genomes = 0;
  BatchObjective<BitString> objective() {
    return [this](const std::vector<BitString>& batch) {
      ++calls;
      std::vector<double> out;
      for (const BitString& g : batch) {
        ++genomes;
        EXPECT_TRUE(seen.insert(g).second) << "evaluated twice: " << bitsText(g);
        out.push_back(zeros(g));
      }
      return out;
    };
  }
};

struct Knapsack {
  std::vector<double> weight, value;
  double capacity = 0.0;
  double weightOf(const BitString& x) const {
    double w = 0.0;
    for (size_t i = 0; i < x.size(); ++i) w += x[i] * weight[i];
    return w;
  }
  double valueOf(const BitString& x) const {
    double v = 0.0;
    for (size_t i = 0; i < x.size(); ++i) v += x[i] * value[i];
    return v;
  }
};

Knapsack knapsack() {
  Knapsack k;
  Rng rng(7);
  std::uniform_int_distribution<int> w(3, 30), v(1, 40);
  for (int i = 0; i < 14; ++i) {
    k.weight.push_back(w(rng));
    k.value.push_back(v(rng));
  }
  double total = 0.0;
  for (const double x : k.weight) total += x;
  k.capacity = std::floor(0.4 * total);
  return k;
}

double bruteForceBest(const Knapsack& k) {
  double best = 0.0;
  const size_t n = k.weight.size();
  for (uint64_t mask = 0; mask < (uint64_t(1) << n); ++mask) {
    BitString x(n);
    for (size_t i = 0; i < n; ++i) x[i] = (mask >> i) & 1;
    if (k.weightOf(x) <= k.capacity) best = std::max(best, k.valueOf(x));
  }
  return best;
}

}  // namespace

TEST(GeneticSearch, SolvesOneMaxEvaluatingEachGenomeOnce) {
  CountingObjective counter;
  GeneticOptions o;
  o.population = 20;
  o.generations = 300;
  o.seed = 3;
  int reports = 0;
  double last_best = 1e9;
  int last_evaluations = 0;
  o.on_generation = [&](const GenerationReport& r) {
    EXPECT_EQ(r.generation, reports++);
    EXPECT_LE(r.best, last_best);
    EXPECT_GE(r.evaluations, last_evaluations);
    last_best = r.best;
    last_evaluations = r.evaluations;
  };
  GeneticSearch<BitString> ga(bitStringOperators(24), counter.objective(), o);
  const GeneticResult<BitString> r = ga.run();
  ASSERT_TRUE(r.found);
  EXPECT_EQ(r.best, BitString(24, 1));
  EXPECT_EQ(r.best_objective, 0.0);
  EXPECT_EQ(r.history.back().best, 0.0);
  EXPECT_EQ(r.evaluations, counter.genomes);
  EXPECT_EQ(r.evaluations, static_cast<int>(ga.cache().size()));
  EXPECT_LE(counter.calls, r.generations + 1);  // one batch per generation at most
  EXPECT_EQ(reports, r.generations + 1);
  EXPECT_EQ(r.history.size(), static_cast<size_t>(r.generations + 1));
  EXPECT_EQ(r.stop, StopReason::Generations);
}

TEST(GeneticSearch, StopsAtTheDistinctEvaluationBudget) {
  for (const int budget : {1, 7, 50, 133}) {
    CountingObjective counter;
    GeneticOptions o;
    o.max_evaluations = budget;
    o.generations = 1000;
    GeneticSearch<BitString> ga(bitStringOperators(40), counter.objective(), o);
    const GeneticResult<BitString> r = ga.run();
    EXPECT_EQ(r.evaluations, budget);  // 2^40 genomes: the budget, not the space, stops it
    EXPECT_EQ(counter.genomes, budget);
    EXPECT_EQ(r.stop, StopReason::Budget);
    EXPECT_EQ(r.history.back().evaluations, budget);
  }
}

TEST(GeneticSearch, RememberedValuesAreNotEvaluatedNorCounted) {
  CountingObjective counter;
  GeneticOptions o;
  o.population = 4;
  o.generations = 50;
  o.max_evaluations = 5;
  // Three-bit strings: 8 genomes, 3 of them known beforehand.
  GeneticSearch<BitString> ga(bitStringOperators(3), counter.objective(), o);
  const std::vector<BitString> known{{0, 0, 0}, {1, 1, 0}, {1, 0, 1}};
  for (const BitString& g : known) ga.remember(g, zeros(g));
  const GeneticResult<BitString> r = ga.run();
  for (const BitString& g : known) EXPECT_EQ(counter.seen.count(g), 0u) << bitsText(g);
  EXPECT_EQ(r.evaluations, counter.genomes);
  EXPECT_LE(r.evaluations, 5);
  EXPECT_EQ(ga.cache().size(), known.size() + static_cast<size_t>(r.evaluations));
}

TEST(GeneticSearch, KnapsackOptimumByRepairAndByPenalty) {
  const Knapsack k = knapsack();
  const double optimum = bruteForceBest(k);
  const size_t n = k.weight.size();
  const auto objective = [&](const std::vector<BitString>& batch) {
    std::vector<double> out;
    for (const BitString& x : batch) out.push_back(-k.valueOf(x));
    return out;
  };
  for (const bool use_repair : {true, false}) {
    int hits = 0;
    for (uint64_t seed = 1; seed <= 5; ++seed) {
      GeneticOperators<BitString> ops = bitStringOperators(n, 0.4, BitCrossover::TwoPoint);
      ops.feasible = [&](const BitString& x) { return k.weightOf(x) <= k.capacity; };
      if (use_repair) {
        ops.repair = [&](BitString& x, Rng& rng) {  // drop random items until it fits
          while (k.weightOf(x) > k.capacity) {
            std::vector<size_t> on;
            for (size_t i = 0; i < n; ++i)
              if (x[i]) on.push_back(i);
            x[on[std::uniform_int_distribution<size_t>(0, on.size() - 1)(rng)]] = 0;
          }
        };
      } else {
        ops.penalty = [&](const BitString& x, double value) {
          return value + 10.0 * std::max(0.0, k.weightOf(x) - k.capacity);
        };
      }
      GeneticOptions o;
      o.population = 30;
      o.generations = 150;
      o.seed = seed;
      o.mutation_attempts = 5;
      GeneticSearch<BitString> ga(ops, objective, o);
      const GeneticResult<BitString> r = ga.run();
      ASSERT_TRUE(r.found);
      EXPECT_LE(k.weightOf(r.best), k.capacity) << bitsText(r.best);
      EXPECT_GE(-r.best_objective, 0.0);
      EXPECT_LE(-r.best_objective, optimum) << "cannot beat brute force";
      EXPECT_LT(r.evaluations, 1 << n);
      if (-r.best_objective == optimum) ++hits;
      // The anytime trace reports feasible values only: never better than the feasible optimum
      // (a penalised over-capacity genome can have a lower fitness than any feasible one).
      for (const auto& point : anytimeTrace(r.history).points) EXPECT_GE(point.best_objective, -optimum);
      EXPECT_EQ(r.history.back().best_feasible, r.best_objective);
    }
    EXPECT_GE(hits, 4) << (use_repair ? "repair" : "penalty") << ": optimum " << optimum;
  }
}

TEST(GeneticSearch, SameSeedSameRunOtherSeedOtherRun) {
  const auto run = [](uint64_t seed) {
    GeneticOptions o;
    o.seed = seed;
    o.generations = 20;
    CountingObjective counter;
    return GeneticSearch<BitString>(bitStringOperators(30), counter.objective(), o).run();
  };
  const auto a = run(11), b = run(11), c = run(12);
  ASSERT_EQ(a.history.size(), b.history.size());
  for (size_t g = 0; g < a.history.size(); ++g) {
    EXPECT_EQ(a.history[g].best, b.history[g].best);
    EXPECT_EQ(a.history[g].mean, b.history[g].mean);
    EXPECT_EQ(a.history[g].evaluations, b.history[g].evaluations);
  }
  EXPECT_EQ(a.best, b.best);
  bool differs = a.best != c.best || a.evaluations != c.evaluations;
  for (size_t g = 0; g < std::min(a.history.size(), c.history.size()); ++g)
    differs = differs || a.history[g].mean != c.history[g].mean;
  EXPECT_TRUE(differs);
}

TEST(GeneticSearch, CancellationIsPolledEveryGeneration) {
  int polls = 0;
  GeneticOptions o;
  o.generations = 1000;
  o.cancelled = [&] { return ++polls > 6; };  // before the first evaluation, then each generation
  CountingObjective counter;
  const auto r = GeneticSearch<BitString>(bitStringOperators(30), counter.objective(), o).run();
  EXPECT_EQ(r.stop, StopReason::Cancelled);
  EXPECT_EQ(r.generations, 5);
  EXPECT_EQ(polls, 7);
  EXPECT_STREQ(stopReasonName(r.stop), "cancelled");

  GeneticOptions at_once;
  at_once.cancelled = [] { return true; };
  CountingObjective none;
  const auto r0 = GeneticSearch<BitString>(bitStringOperators(8), none.objective(), at_once).run();
  EXPECT_EQ(r0.stop, StopReason::Cancelled);
  EXPECT_FALSE(r0.found);
  EXPECT_EQ(none.calls, 0);
}

TEST(GeneticSearch, RejectsAnObjectiveOfTheWrongLengthAndMissingOperators) {
  GeneticSearch<BitString> bad(bitStringOperators(5),
                               [](const std::vector<BitString>&) { return std::vector<double>{1.0}; });
  EXPECT_THROW(bad.run(), core::Error);
  GeneticOperators<BitString> ops;
  EXPECT_THROW(GeneticSearch<BitString>(
                   ops, [](const std::vector<BitString>& b) { return std::vector<double>(b.size()); })
                   .run(),
               core::Error);
}

TEST(GeneticSearch, AnytimeTraceFromTheHistory) {
  GeneticOptions o;
  o.generations = 10;
  CountingObjective counter;
  const auto r = GeneticSearch<BitString>(bitStringOperators(16), counter.objective(), o).run();
  const AnytimeTrace t = anytimeTrace(r.history, "onemax", 2.0, 1);
  ASSERT_EQ(t.points.size(), r.history.size());
  for (size_t g = 0; g < t.points.size(); ++g) {
    EXPECT_EQ(t.points[g].label, "onemax");
    EXPECT_EQ(t.points[g].best_objective, r.history[g].best);
    EXPECT_EQ(t.points[g].evaluations, r.history[g].evaluations + 1);
    EXPECT_DOUBLE_EQ(t.points[g].seconds, r.history[g].seconds + 2.0);
  }
}

TEST(BitStringOperators, DrawAndCombineAsDocumented) {
  Rng rng(5);
  EXPECT_EQ(randomBits(9, 0.0, rng), BitString(9, 0));
  EXPECT_EQ(randomBits(9, 1.0, rng), BitString(9, 1));
  const BitString a(12, 0), b(12, 1);
  for (int trial = 0; trial < 50; ++trial) {
    const BitString one = onePointCrossover(a, b, rng);
    // 0…0 1…1 with the cut in [1, 11].
    const size_t cut = static_cast<size_t>(std::find(one.begin(), one.end(), 1) - one.begin());
    EXPECT_GE(cut, 1u);
    EXPECT_LE(cut, 11u);
    EXPECT_TRUE(
        std::all_of(one.begin() + static_cast<std::ptrdiff_t>(cut), one.end(), [](uint8_t x) { return x; }));
    const BitString two = twoPointCrossover(a, b, rng);
    EXPECT_EQ(two.front(), 0);
    EXPECT_EQ(two.back(), 0);
    const auto first = std::find(two.begin(), two.end(), 1);
    ASSERT_NE(first, two.end());
    const auto after = std::find(first, two.end(), 0);
    EXPECT_TRUE(std::all_of(after, two.end(), [](uint8_t x) { return x == 0; }));
  }
  // Uniform crossover: one draw per bit, < 0.5 takes the first parent.
  Rng r1(9), r2(9);
  const BitString u = uniformCrossover(a, b, r1);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (size_t i = 0; i < u.size(); ++i) EXPECT_EQ(u[i], unit(r2) < 0.5 ? 0 : 1);
  EXPECT_EQ(r1(), r2());
  BitString x(10, 0);
  flipBits(x, 0.0, rng);
  EXPECT_EQ(x, BitString(10, 0));
  flipBits(x, 1.0, rng);
  EXPECT_EQ(x, BitString(10, 1));
  EXPECT_THROW(uniformCrossover(BitString(3), BitString(4), rng), core::Error);
  EXPECT_THROW(onePointCrossover(BitString(3), BitString(4), rng), core::Error);
  EXPECT_EQ(bitsText({1, 0, 1, 1}), "1011");
}
