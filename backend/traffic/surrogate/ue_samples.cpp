#include "backend/traffic/surrogate/ue_samples.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <random>

#include "backend/core/error.h"
#include "backend/traffic/assignment.h"
#include "backend/traffic/ndp_solver.h"

namespace routescope::traffic {

static_assert(std::endian::native == std::endian::little, "surrogate-data.bin assumes a little-endian host");

namespace {

constexpr char kMagic[8] = {'R', 'S', 'U', 'E', 'S', 'M', 'P', '1'};

size_t pairCount(const Demand& demand) {
  size_t n = 0;
  for (const OriginDemand& o : demand.origins) n += o.flows.size();
  return n;
}

// One sample's random draws, from a generator seeded by the run seed and the sample index.
UeSample drawSample(const NdpProblem& problem, const UeSampleOptions& options, size_t pairs, int index) {
  std::seed_seq seq{static_cast<uint64_t>(options.seed), static_cast<uint64_t>(index), uint64_t{0x5eed}};
  std::mt19937_64 rng(seq);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  UeSample s;
  // The share of candidates built is itself uniform, so small and large designs are both seen.
  const double density = unit(rng);
  s.design.resize(problem.candidates.size());
  for (auto& bit : s.design) bit = unit(rng) < density;
  s.capacity_scale.resize(problem.network.links.size());
  for (auto& c : s.capacity_scale)
    c = static_cast<float>(options.capacity_min + (options.capacity_max - options.capacity_min) * unit(rng));
  s.od_scale.resize(pairs);
  for (auto& d : s.od_scale) d = static_cast<float>(1.0 + options.od_jitter * (2.0 * unit(rng) - 1.0));
  return s;
}

class Writer {
 public:
  template <typename T>
  void value(T v) {
    raw(&v, sizeof v);
  }
  template <typename T>
  void array(const std::vector<T>& v) {
    raw(v.data(), v.size() * sizeof(T));
  }
  void raw(const void* p, size_t n) {
    const auto* b = static_cast<const std::byte*>(p);
    bytes.insert(bytes.end(), b, b + n);
  }
  std::vector<std::byte> bytes;
};

class Reader {
 public:
  Reader(std::span<const std::byte> bytes, const std::string& name) : bytes_(bytes), name_(name) {}
  template <typename T>
  T value() {
    T v;
    raw(&v, sizeof v);
    return v;
  }
  template <typename T>
  void array(std::vector<T>& v, size_t n) {
    v.resize(n);
    raw(v.data(), n * sizeof(T));
  }
  void raw(void* p, size_t n) {
    if (n > bytes_.size() - at_) throw core::Error(name_ + ": truncated (expected more sample data)");
    std::memcpy(p, bytes_.data() + at_, n);
    at_ += n;
  }
  bool done() const { return at_ == bytes_.size(); }

 private:
  std::span<const std::byte> bytes_;
  const std::string& name_;
  size_t at_ = 0;
};

}  // namespace

std::vector<OdPair> odPairs(const Demand& demand) {
  std::vector<OdPair> out;
  for (const OriginDemand& o : demand.origins)
    for (size_t j = 0; j < o.destinations.size(); ++j)
      out.push_back({o.origin, o.destinations[j], o.flows[j]});
  return out;
}

UeSample baseSample(const NdpProblem& problem, const Design& design) {
  UeSample s;
  s.design = design;
  s.capacity_scale.assign(problem.network.links.size(), 1.0f);
  s.od_scale.assign(pairCount(problem.demand), 1.0f);
  return s;
}

Network sampleNetwork(const NdpProblem& problem, const UeSample& sample) {
  Network net = designNetwork(problem, sample.design);
  for (size_t a = 0; a < net.links.size(); ++a) net.links[a].capacity *= sample.capacity_scale[a];
  return net;
}

Demand sampleDemand(const NdpProblem& problem, const UeSample& sample) {
  Demand d = problem.demand;
  size_t k = 0;
  for (OriginDemand& o : d.origins)
    for (double& f : o.flows) f *= sample.od_scale[k++];
  return d;
}

std::vector<UeSample> generateUeSamples(const NdpProblem& problem, const UeSampleOptions& options) {
  if (options.count < 1) throw core::Error("config key 'samples': at least one sample is needed");
  if (!(options.capacity_min > 0.0 && options.capacity_min <= options.capacity_max))
    throw core::Error("config keys 'capacity_min'/'capacity_max': need 0 < min ≤ max");
  const size_t pairs = pairCount(problem.demand);
  std::vector<UeSample> samples(static_cast<size_t>(options.count));
  for (int i = 0; i < options.count; ++i)
    samples[static_cast<size_t>(i)] = drawSample(problem, options, pairs, i);
  // Solved in chunks so that progress and cancellation reach the caller between them.
  const size_t chunk = static_cast<size_t>(std::max(8, 4 * options.threads));
  for (size_t begin = 0; begin < samples.size(); begin += chunk) {
    if (options.cancelled && options.cancelled()) throw core::Error("cancelled");
    const size_t end = std::min(samples.size(), begin + chunk);
    parallelFor(end - begin, options.threads, [&](size_t i) {
      UeSample& s = samples[begin + i];
      SolverOptions o;
      o.algorithm = Algorithm::AlgorithmB;
      o.target_gap = options.gap;
      o.cancelled = options.cancelled;
      const AssignmentResult r = solve(sampleNetwork(problem, s), sampleDemand(problem, s), o);
      if (r.stop == StopReason::Cancelled) throw core::Error("cancelled");
      s.flows.assign(r.flows.begin(), r.flows.end());
      s.tstt = r.final.tstt;
    });
    if (options.progress) options.progress(static_cast<int>(end));
  }
  return samples;
}

std::vector<std::byte> writeUeSamples(std::span<const UeSample> samples) {
  Writer w;
  w.raw(kMagic, sizeof kMagic);
  const UeSample empty;
  const UeSample& first = samples.empty() ? empty : samples.front();
  w.value<uint64_t>(samples.size());
  w.value<uint64_t>(first.flows.size());
  w.value<uint64_t>(first.design.size());
  w.value<uint64_t>(first.od_scale.size());
  for (const UeSample& s : samples) {
    if (s.flows.size() != first.flows.size() || s.design.size() != first.design.size() ||
        s.od_scale.size() != first.od_scale.size() || s.capacity_scale.size() != first.flows.size())
      throw core::Error("surrogate samples: samples of different sizes cannot be stored together");
    w.array(s.design);
    w.array(s.capacity_scale);
    w.array(s.od_scale);
    w.array(s.flows);
    w.value<double>(s.tstt);
  }
  return std::move(w.bytes);
}

std::vector<UeSample> readUeSamples(std::span<const std::byte> bytes, const NdpProblem& problem,
                                    const std::string& name) {
  Reader r(bytes, name);
  char magic[sizeof kMagic];
  r.raw(magic, sizeof magic);
  if (std::memcmp(magic, kMagic, sizeof kMagic) != 0)
    throw core::Error(name + ": not a surrogate sample file");
  const auto count = r.value<uint64_t>(), links = r.value<uint64_t>(), candidates = r.value<uint64_t>(),
             pairs = r.value<uint64_t>();
  if (links != problem.network.links.size() || candidates != problem.candidates.size() ||
      pairs != pairCount(problem.demand))
    throw core::Error(name + ": samples of a different problem (" + std::to_string(links) + " links, " +
                      std::to_string(candidates) + " candidates, " + std::to_string(pairs) +
                      " OD pairs; this one has " + std::to_string(problem.network.links.size()) + ", " +
                      std::to_string(problem.candidates.size()) + ", " +
                      std::to_string(pairCount(problem.demand)) + ")");
  const size_t per_sample = candidates + 4 * (2 * links + pairs) + 8;
  if (count > bytes.size() / std::max<size_t>(per_sample, 1))
    throw core::Error(name + ": truncated (" + std::to_string(count) + " samples announced)");
  std::vector<UeSample> out(count);
  for (UeSample& s : out) {
    r.array(s.design, candidates);
    r.array(s.capacity_scale, links);
    r.array(s.od_scale, pairs);
    r.array(s.flows, links);
    s.tstt = r.value<double>();
  }
  if (!r.done()) throw core::Error(name + ": trailing bytes after the samples");
  return out;
}

}  // namespace routescope::traffic
