#include "backend/traffic/surrogate/flow_surrogate.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numbers>
#include <sstream>

#include "backend/core/error.h"
#include "backend/system/torch_runtime.h"
#include "backend/traffic/ndp_solver.h"
#include "backend/traffic/surrogate/internal/gnn_model.h"
#include "backend/traffic/surrogate/surrogate_features.h"

namespace routescope::traffic {

namespace {

constexpr const char* kFormat = "routescope-flow-gnn-1";
// Samples per forward pass at inference: a GA population and more in one go.
constexpr size_t kInferenceBatch = 256;

// The inputs (and, for training, the targets) of a set of samples as tensors.
struct Batch {
  torch::Tensor node, link, open, capacity, flows, tstt;
};

}  // namespace

struct FlowSurrogate::Impl {
  Impl(const NdpProblem& p, const SurrogateOptions& o, const FeatureScales& s)
      : problem(p), options(o), scales(s), features(problem, o.prior_iterations), device(o.device) {
    const auto links = static_cast<int64_t>(problem.network.links.size());
    std::vector<int64_t> from(static_cast<size_t>(links)), to(static_cast<size_t>(links));
    std::vector<float> fftt(static_cast<size_t>(links)), b(static_cast<size_t>(links)),
        power(static_cast<size_t>(links));
    for (size_t a = 0; a < problem.network.links.size(); ++a) {
      const Link& l = problem.network.links[a];
      from[a] = l.from, to[a] = l.to;
      fftt[a] = static_cast<float>(l.free_flow_time), b[a] = static_cast<float>(l.b),
      power[a] = static_cast<float>(l.power);
    }
    const auto tensor = [&](auto& v, torch::Dtype t) {
      return torch::from_blob(v.data(), {links}, torch::TensorOptions().dtype(t)).clone().to(device);
    };
    free_flow_time = tensor(fftt, torch::kFloat32);
    bpr_b = tensor(b, torch::kFloat32);
    bpr_power = tensor(power, torch::kFloat32);
    detail::GnnConfig config;
    config.node_features = features.nodeFeatures();
    config.link_features = FeatureBuilder::kLinkFeatures;
    config.hidden = o.hidden;
    config.layers = o.layers;
    model = detail::FlowGnn(config, tensor(from, torch::kInt64), tensor(to, torch::kInt64),
                            problem.network.nodes);
    model->to(device);
  }

  Batch batch(std::span<const UeSample> samples, bool targets) const {
    const int64_t s = static_cast<int64_t>(samples.size()), n = features.nodes(), l = features.links(),
                  fn = features.nodeFeatures(), fl = FeatureBuilder::kLinkFeatures;
    std::vector<float> node(static_cast<size_t>(s * n * fn)), link(static_cast<size_t>(s * l * fl)),
        open(static_cast<size_t>(s * l)), capacity(static_cast<size_t>(s * l));
    parallelFor(samples.size(), options.threads, [&](size_t i) {
      features.fill(samples[i], scales, node.data() + i * static_cast<size_t>(n * fn),
                    link.data() + i * static_cast<size_t>(l * fl), open.data() + i * static_cast<size_t>(l),
                    capacity.data() + i * static_cast<size_t>(l));
    });
    const auto tensor = [&](std::vector<float>& v, std::vector<int64_t> shape) {
      return torch::from_blob(v.data(), shape, torch::kFloat32).clone().to(device);
    };
    Batch out{tensor(node, {s, n, fn}),
              tensor(link, {s, l, fl}),
              tensor(open, {s, l}),
              tensor(capacity, {s, l}),
              {},
              {}};
    if (targets) {
      std::vector<float> flows(static_cast<size_t>(s * l));
      std::vector<double> tstt(samples.size());
      for (size_t i = 0; i < samples.size(); ++i) {
        if (samples[i].flows.size() != static_cast<size_t>(l))
          throw core::Error("surrogate: sample " + std::to_string(i) + " has no UE solution");
        for (int64_t a = 0; a < l; ++a)
          flows[i * static_cast<size_t>(l) + static_cast<size_t>(a)] =
              static_cast<float>(samples[i].flows[static_cast<size_t>(a)] / scales.flow);
        tstt[i] = samples[i].tstt;
      }
      out.flows = tensor(flows, {s, l});
      out.tstt = torch::from_blob(tstt.data(), {s}, torch::kFloat64).to(torch::kFloat32).to(device);
    }
    return out;
  }

  // Flows in vehicles per hour, [B, links].
  torch::Tensor forward(const Batch& b) { return model->forward(b.node, b.link, b.open) * scales.flow; }
  torch::Tensor tstt(const torch::Tensor& flows, const Batch& b) const {
    return detail::totalTravelTime(flows, b.capacity, free_flow_time, bpr_b, bpr_power);
  }

  // Flows (vehicles per hour, [S, links]) and TSTT ([S]) of prepared inputs, without gradients,
  // in chunks of kInferenceBatch samples.
  std::pair<torch::Tensor, torch::Tensor> predict(const Batch& b) {
    torch::NoGradGuard no_grad;
    model->eval();
    std::vector<torch::Tensor> flows, totals;
    const int64_t count = b.node.size(0), chunk = static_cast<int64_t>(kInferenceBatch);
    for (int64_t first = 0; first < count; first += chunk) {
      const int64_t end = std::min(count, first + chunk);
      const Batch part{b.node.slice(0, first, end),
                       b.link.slice(0, first, end),
                       b.open.slice(0, first, end),
                       b.capacity.slice(0, first, end),
                       {},
                       {}};
      flows.push_back(forward(part));
      totals.push_back(tstt(flows.back(), part));
    }
    return {torch::cat(flows).to(torch::kCPU).contiguous(),
            torch::cat(totals).to(torch::kCPU).to(torch::kFloat64).contiguous()};
  }

  std::vector<std::vector<float>> predictFlows(std::span<const UeSample> samples) {
    std::vector<std::vector<float>> out;
    system::runWithTorchErrors([&] {
      const auto flows = predict(batch(samples, false)).first;
      const float* p = flows.data_ptr<float>();
      const auto links = static_cast<size_t>(flows.size(1));
      for (size_t i = 0; i < samples.size(); ++i) out.emplace_back(p + i * links, p + (i + 1) * links);
    });
    return out;
  }

  std::vector<double> predictTstt(std::span<const UeSample> samples) {
    std::vector<double> out;
    system::runWithTorchErrors([&] {
      const auto totals = predict(batch(samples, false)).second;
      out.assign(totals.data_ptr<double>(), totals.data_ptr<double>() + totals.size(0));
    });
    return out;
  }

  // Quality against the samples' UE solutions, from their prepared inputs (training prepares the
  // validation inputs once and reuses them every epoch).
  SurrogateQuality evaluate(std::span<const UeSample> samples, const Batch& inputs) {
    SurrogateQuality q;
    system::runWithTorchErrors([&] {
      const auto [flows, totals] = predict(inputs);
      const float* p = flows.data_ptr<float>();
      std::vector<float> truth;
      for (const UeSample& s : samples) {
        truth.insert(truth.end(), s.flows.begin(), s.flows.end());
        q.true_tstt.push_back(s.tstt);
      }
      q.flow_error = flowWeightedError(truth, std::span<const float>(p, truth.size()));
      q.predicted_tstt.assign(totals.data_ptr<double>(), totals.data_ptr<double>() + totals.size(0));
      q.tstt_r2 = rSquared(q.true_tstt, q.predicted_tstt);
    });
    return q;
  }
  SurrogateQuality evaluate(std::span<const UeSample> samples) {
    return evaluate(samples, batch(samples, false));
  }

  NdpProblem problem;
  SurrogateOptions options;
  FeatureScales scales;
  FeatureBuilder features;
  torch::Device device;
  torch::Tensor free_flow_time, bpr_b, bpr_power;
  detail::FlowGnn model{nullptr};
};

FlowSurrogate::FlowSurrogate(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
FlowSurrogate::FlowSurrogate(FlowSurrogate&&) noexcept = default;
FlowSurrogate& FlowSurrogate::operator=(FlowSurrogate&&) noexcept = default;
FlowSurrogate::~FlowSurrogate() = default;

FlowSurrogate FlowSurrogate::train(const NdpProblem& problem, std::span<const UeSample> train,
                                   std::span<const UeSample> valid, const SurrogateOptions& options) {
  if (train.empty()) throw core::Error("surrogate: no training samples");
  if (options.epochs < 1 || options.batch < 1 || options.hidden < 1 || options.layers < 1)
    throw core::Error("surrogate: epochs, batch, hidden and layers must be positive");
  std::unique_ptr<Impl> impl;
  system::runWithTorchErrors([&] {
    system::prepareTorch(options.seed, options.torch_threads);
    impl = std::make_unique<Impl>(problem, options, featureScales(problem, train));
    const Batch all = impl->batch(train, true);
    const Batch valid_inputs = valid.empty() ? Batch{} : impl->batch(valid, false);
    const int64_t count = all.node.size(0);
    const int64_t steps_per_epoch = (count + options.batch - 1) / options.batch;
    const double total_steps = static_cast<double>(steps_per_epoch * options.epochs);
    torch::optim::Adam optimizer(impl->model->parameters(), torch::optim::AdamOptions(options.learning_rate));
    const auto start = std::chrono::steady_clock::now();
    int64_t step = 0;
    for (int epoch = 1; epoch <= options.epochs; ++epoch) {
      impl->model->train();
      const auto order = torch::randperm(count, torch::TensorOptions().dtype(torch::kInt64)).to(impl->device);
      double loss_sum = 0.0;
      for (int64_t first = 0; first < count; first += options.batch) {
        if (options.cancelled && options.cancelled()) throw core::Error("cancelled");
        // Cosine decay to a tenth of the learning rate.
        const double progress = static_cast<double>(step++) / total_steps;
        const double lr = options.learning_rate * (0.1 + 0.45 * (1 + std::cos(std::numbers::pi * progress)));
        for (auto& group : optimizer.param_groups())
          static_cast<torch::optim::AdamOptions&>(group.options()).lr(lr);
        const auto idx = order.slice(0, first, std::min(count, first + options.batch));
        const Batch b{all.node.index_select(0, idx),  all.link.index_select(0, idx),
                      all.open.index_select(0, idx),  all.capacity.index_select(0, idx),
                      all.flows.index_select(0, idx), all.tstt.index_select(0, idx)};
        const auto predicted = impl->model->forward(b.node, b.link, b.open);
        // The flow-weighted absolute error itself, plus the relative TSTT error the GA ranks by.
        const auto flow_loss = (predicted - b.flows).abs().sum() / b.flows.abs().sum().clamp_min(1e-9);
        const auto tstt = impl->tstt(predicted * impl->scales.flow, b);
        const auto tstt_loss = ((tstt - b.tstt) / b.tstt).abs().mean();
        const auto loss = flow_loss + options.tstt_weight * tstt_loss;
        optimizer.zero_grad();
        loss.backward();
        torch::nn::utils::clip_grad_norm_(impl->model->parameters(), 1.0);
        optimizer.step();
        loss_sum += loss.item<double>() * static_cast<double>(idx.size(0));
      }
      if (options.on_epoch) {
        SurrogateEpoch report;
        report.epoch = epoch;
        report.train_loss = loss_sum / static_cast<double>(count);
        if (!valid.empty()) {
          const SurrogateQuality q = impl->evaluate(valid, valid_inputs);
          report.valid_flow_error = q.flow_error;
          report.valid_tstt_r2 = q.tstt_r2;
        }
        report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        options.on_epoch(report);
      }
    }
  });
  return FlowSurrogate(std::move(impl));
}

FlowSurrogate FlowSurrogate::load(const NdpProblem& problem, std::span<const std::byte> weights,
                                  const nlohmann::json& description, const std::string& name) {
  std::unique_ptr<Impl> impl;
  try {
    if (description.value("format", "") != kFormat)
      throw core::Error("not a " + std::string(kFormat) + " model description");
    const auto expect = [&](const char* key, size_t value) {
      if (description.at(key).get<size_t>() != value)
        throw core::Error("trained for a problem with " + std::to_string(description.at(key).get<size_t>()) +
                          " " + key + ", this one has " + std::to_string(value));
    };
    expect("links", problem.network.links.size());
    expect("nodes", static_cast<size_t>(problem.network.nodes));
    expect("candidates", problem.candidates.size());
    SurrogateOptions options;
    options.hidden = description.at("hidden").get<int>();
    options.layers = description.at("layers").get<int>();
    options.prior_iterations = description.at("prior_iterations").get<int>();
    impl = std::make_unique<Impl>(problem, options, FeatureScales::fromJson(description.at("scales")));
    system::prepareTorch(options.seed, options.torch_threads);
    if (description.at("node_features").get<int>() != impl->features.nodeFeatures())
      throw core::Error("trained for a demand with another set of zones");
    system::runWithTorchErrors([&] {
      std::istringstream in(std::string(reinterpret_cast<const char*>(weights.data()), weights.size()));
      torch::serialize::InputArchive archive;
      archive.load_from(in);
      impl->model->load(archive);
    });
  } catch (const nlohmann::json::exception& e) {
    throw core::Error(name + ": malformed model description (" + std::string(e.what()) + ")");
  } catch (const core::Error& e) {
    throw core::Error(name + ": " + e.what());
  }
  return FlowSurrogate(std::move(impl));
}

std::vector<std::byte> FlowSurrogate::save() const {
  std::ostringstream out;
  system::runWithTorchErrors([&] {
    torch::serialize::OutputArchive archive;
    impl_->model->save(archive);
    archive.save_to(out);
  });
  const std::string bytes = out.str();
  const auto* p = reinterpret_cast<const std::byte*>(bytes.data());
  return {p, p + bytes.size()};
}

nlohmann::json FlowSurrogate::description() const {
  const Impl& i = *impl_;
  return {{"format", kFormat},
          {"hidden", i.options.hidden},
          {"layers", i.options.layers},
          {"prior_iterations", i.options.prior_iterations},
          {"node_features", i.features.nodeFeatures()},
          {"link_features", FeatureBuilder::kLinkFeatures},
          {"nodes", i.problem.network.nodes},
          {"links", i.problem.network.links.size()},
          {"candidates", i.problem.candidates.size()},
          {"scales", i.scales.toJson()}};
}

std::vector<std::vector<float>> FlowSurrogate::predictFlows(std::span<const UeSample> samples) const {
  return impl_->predictFlows(samples);
}

std::vector<double> FlowSurrogate::predictTstt(std::span<const UeSample> samples) const {
  return impl_->predictTstt(samples);
}

std::vector<double> FlowSurrogate::predictDesigns(const std::vector<Design>& designs) const {
  std::vector<UeSample> samples;
  samples.reserve(designs.size());
  for (const Design& d : designs) samples.push_back(baseSample(impl_->problem, d));
  return impl_->predictTstt(samples);
}

SurrogateQuality FlowSurrogate::evaluate(std::span<const UeSample> samples) const {
  return impl_->evaluate(samples);
}

double flowWeightedError(std::span<const float> truth, std::span<const float> predicted) {
  double error = 0.0, total = 0.0;
  for (size_t i = 0; i < truth.size(); ++i) {
    error += std::abs(static_cast<double>(predicted[i]) - truth[i]);
    total += std::abs(static_cast<double>(truth[i]));
  }
  return total > 0 ? error / total : 0.0;
}

double rSquared(std::span<const double> truth, std::span<const double> predicted) {
  if (truth.empty()) return 0.0;
  double mean = 0.0;
  for (const double t : truth) mean += t;
  mean /= static_cast<double>(truth.size());
  double residual = 0.0, spread = 0.0;
  for (size_t i = 0; i < truth.size(); ++i) {
    residual += (truth[i] - predicted[i]) * (truth[i] - predicted[i]);
    spread += (truth[i] - mean) * (truth[i] - mean);
  }
  return spread > 0 ? 1.0 - residual / spread : 0.0;
}

}  // namespace routescope::traffic
