#include "backend/rl/ppo_trainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>
#include <optional>
#include <sstream>

#include "backend/core/error.h"
#include "backend/core/safetensors.h"
#include "backend/nn/internal/tensor_io.h"
#include "backend/rl/gae.h"
#include "backend/rl/internal/ppo_parts.h"
#include "backend/rl/running_stats.h"
#include "backend/rl/seeding.h"
#include "backend/rl/state_io.h"

namespace routescope::rl {
namespace {

constexpr const char* kFormat = "routescope-ppo";

// What a checkpoint must agree on with the trainer that loads it.
nlohmann::json shapeOf(const PpoConfig& c, const VectorEnv& envs) {
  const auto& space = envs.actionSpace();
  nlohmann::json streams = nlohmann::json::array();
  for (const auto& s : c.streams) streams.push_back(s.name);
  return {{"environment", envs.env(0).name()},
          {"observation_size", envs.observationSize()},
          {"discrete", space.kind == ActionSpace::Kind::Discrete},
          {"actions", space.kind == ActionSpace::Kind::Discrete ? space.count : space.size()},
          {"hidden", c.hidden},
          {"layers", c.layers},
          {"streams", streams}};
}

// Draws from the categorical distribution `probabilities` (masked entries are exactly 0 and are
// never drawn: a draw lands on the first entry whose cumulative sum exceeds it).
int64_t sampleCategorical(const float* probabilities, const uint8_t* mask, int64_t count,
                          std::mt19937_64& rng) {
  const double u = std::uniform_real_distribution<double>(0.0, 1.0)(rng);
  double cumulative = 0.0;
  int64_t last_valid = -1;
  for (int64_t a = 0; a < count; ++a) {
    if (!mask[a]) continue;
    last_valid = a;
    cumulative += probabilities[a];
    if (u < cumulative) return a;
  }
  if (last_valid < 0) throw core::Error("policy: every action is masked");
  return last_valid;  // rounding left the total just below u
}

int64_t argmaxValid(const float* values, const uint8_t* mask, int64_t count) {
  int64_t best = -1;
  for (int64_t a = 0; a < count; ++a) {
    if (mask[a] && (best < 0 || values[a] > values[best])) best = a;
  }
  if (best < 0) throw core::Error("policy: every action is masked");
  return best;
}

}  // namespace

struct PpoTrainer::Impl {
  PpoConfig config;
  EnvironmentFactory factory;
  uint64_t seed;
  VectorEnv envs;
  std::shared_ptr<PolicyNetwork> net;
  std::vector<std::shared_ptr<IntrinsicReward>> intrinsic;
  std::unique_ptr<torch::optim::Adam> adam;
  RunningMeanStd obs_norm;
  std::vector<std::optional<ReturnNormalizer>> return_norms;  // per stream
  std::mt19937_64 rng;
  int64_t update = 0, global_step = 0;

  bool discrete;
  int64_t n, d, actions, width, streams;  // copies, observation size, logits/dims, action values per copy
  std::vector<float> obs;                 // current observations as the policy sees them [N × D]

  Impl(PpoConfig c, EnvironmentFactory f, uint64_t s, std::shared_ptr<PpoParts> parts)
      : config(std::move(c)),
        factory(std::move(f)),
        seed(s),
        envs(factory, config.envs, s),
        obs_norm(static_cast<size_t>(envs.observationSize())),
        rng(streamSeed(s, kTrainerSampling)) {
    config.check();
    const auto& space = envs.actionSpace();
    discrete = space.kind == ActionSpace::Kind::Discrete;
    n = envs.copies();
    d = envs.observationSize();
    actions = discrete ? space.count : space.size();
    width = space.size();
    streams = static_cast<int64_t>(config.streams.size());
    if (parts && parts->network) {
      net = parts->network;
    } else {
      net = std::make_shared<MlpActorCritic>(d, space, config.hidden, config.layers, streams,
                                             config.initial_log_std);
    }
    if (parts) intrinsic = parts->intrinsic;
    if (static_cast<int64_t>(intrinsic.size()) != streams - 1) {
      throw core::Error("ppo: " + std::to_string(streams - 1) + " intrinsic reward stream(s) configured, " +
                        std::to_string(intrinsic.size()) + " given");
    }
    adam = std::make_unique<torch::optim::Adam>(
        net->parameters(), torch::optim::AdamOptions(config.learning_rate).eps(config.adam_eps));
    for (const auto& stream : config.streams) {
      if (stream.normalize_returns) {
        return_norms.emplace_back(std::in_place, static_cast<size_t>(n), stream.gamma, stream.episodic);
      } else {
        return_norms.emplace_back(std::nullopt);
      }
    }
    obs.assign(envs.observations().begin(), envs.observations().end());
    if (config.normalize_observations) {
      obs_norm.update(envs.observations(), static_cast<size_t>(n));
      obs_norm.normalize(obs, static_cast<size_t>(n), config.observation_clip);
    }
  }

  // The observations as the policy sees them (normalised with the current statistics).
  std::vector<float> view(std::span<const float> raw, size_t rows) const {
    std::vector<float> out(raw.begin(), raw.end());
    if (config.normalize_observations) obs_norm.normalize(out, rows, config.observation_clip);
    return out;
  }

  torch::Tensor tensorOf(std::vector<float>& values, int64_t rows) {
    return torch::from_blob(values.data(), {rows, static_cast<int64_t>(values.size()) / rows},
                            torch::kFloat32);
  }

  void setLearningRate(double lr) {
    for (auto& group : adam->param_groups()) static_cast<torch::optim::AdamOptions&>(group.options()).lr(lr);
  }

  // Chooses actions for `rows` observations [rows × D]; writes actions [rows × width] and,
  // when asked, log π(a) [rows].
  void act(torch::Tensor x, const uint8_t* masks, bool stochastic, std::mt19937_64& generator,
           double* out_actions, float* out_log_prob) {
    torch::NoGradGuard no_grad;
    const int64_t rows = x.size(0);
    const auto params = net->actionParameters(x).contiguous();
    if (discrete) {
      const auto mask =
          torch::from_blob(const_cast<uint8_t*>(masks), {rows, actions}, torch::kUInt8).to(torch::kBool);
      const auto masked = maskLogits(params, mask);
      const auto probs = torch::softmax(masked, -1).contiguous();
      const float* p = probs.data_ptr<float>();
      const float* logits = masked.data_ptr<float>();
      std::vector<int64_t> chosen(static_cast<size_t>(rows));
      for (int64_t i = 0; i < rows; ++i) {
        chosen[static_cast<size_t>(i)] =
            stochastic ? sampleCategorical(p + i * actions, masks + i * actions, actions, generator)
                       : argmaxValid(logits + i * actions, masks + i * actions, actions);
        out_actions[i] = static_cast<double>(chosen[static_cast<size_t>(i)]);
      }
      if (out_log_prob) {
        const auto lp =
            categoricalLogProb(masked, torch::from_blob(chosen.data(), {rows}, torch::kLong)).contiguous();
        std::copy_n(lp.data_ptr<float>(), rows, out_log_prob);
      }
      return;
    }
    const auto log_std = net->logStd();
    const auto std_dev = log_std.exp().contiguous();
    const float* mean = params.data_ptr<float>();
    const float* sd = std_dev.data_ptr<float>();
    std::vector<float> sample(static_cast<size_t>(rows * actions));
    std::normal_distribution<double> normal(0.0, 1.0);
    for (int64_t k = 0; k < rows * actions; ++k) {
      const double noise = stochastic ? normal(generator) : 0.0;
      sample[static_cast<size_t>(k)] = static_cast<float>(mean[k] + sd[k % actions] * noise);
      out_actions[k] = sample[static_cast<size_t>(k)];  // unclipped: the environment clips
    }
    if (out_log_prob) {
      const auto lp =
          gaussianLogProb(params, log_std, torch::from_blob(sample.data(), {rows, actions})).contiguous();
      std::copy_n(lp.data_ptr<float>(), rows, out_log_prob);
    }
  }

  torch::Tensor valuesOf(std::vector<float>& observations, int64_t rows) {
    torch::NoGradGuard no_grad;
    return net->values(tensorOf(observations, rows)).contiguous();
  }

  PpoUpdateStats iterate(const std::function<bool()>& cancelled) {
    if (update >= config.updates()) throw core::Error("ppo: training already finished");
    const auto started = std::chrono::steady_clock::now();
    const int64_t t_count = config.rollout, batch = t_count * n;
    const double lr = config.anneal_lr
                          ? config.learning_rate *
                                (1.0 - static_cast<double>(update) / static_cast<double>(config.updates()))
                          : config.learning_rate;
    setLearningRate(lr);
    PpoUpdateStats stats;
    stats.learning_rate = lr;

    // Rollout buffers: [T × N × …]; per stream [S][T × N].
    std::vector<float> b_obs(static_cast<size_t>(batch * d)), b_act(static_cast<size_t>(batch * width));
    std::vector<float> b_logp(static_cast<size_t>(batch));
    std::vector<uint8_t> b_done(static_cast<size_t>(batch)),
        b_mask(discrete ? static_cast<size_t>(batch * actions) : 0);
    std::vector<std::vector<float>> b_rew(static_cast<size_t>(streams),
                                          std::vector<float>(static_cast<size_t>(batch))),
        b_val = b_rew, b_boot = b_rew;
    std::vector<double> step_actions(static_cast<size_t>(n * width));
    std::vector<float> step_logp(static_cast<size_t>(n));
    std::vector<double> rewards(static_cast<size_t>(n));
    std::vector<uint8_t> done(static_cast<size_t>(n));

    for (int64_t t = 0; t < t_count; ++t) {
      if (cancelled && cancelled()) throw core::JobCancelled();
      const size_t row = static_cast<size_t>(t * n);
      std::copy(obs.begin(), obs.end(), b_obs.begin() + static_cast<std::ptrdiff_t>(row * d));
      if (discrete) {
        std::copy(envs.masks().begin(), envs.masks().end(),
                  b_mask.begin() + static_cast<std::ptrdiff_t>(row * actions));
      }
      const auto x = tensorOf(obs, n);
      act(x, envs.masks().data(), true, rng, step_actions.data(), step_logp.data());
      const auto values = valuesOf(obs, n);
      const float* v = values.data_ptr<float>();
      for (int64_t i = 0; i < n; ++i) {
        b_logp[row + i] = step_logp[static_cast<size_t>(i)];
        for (int64_t s = 0; s < streams; ++s) b_val[static_cast<size_t>(s)][row + i] = v[i * streams + s];
        for (int64_t w = 0; w < width; ++w) {
          b_act[(row + i) * width + w] = static_cast<float>(step_actions[static_cast<size_t>(i * width + w)]);
        }
      }

      envs.step(step_actions);
      global_step += n;
      for (const auto& [key, value] : envs.info()) stats.info[key] += value;
      for (const auto& end : envs.finished()) stats.episodes.emplace_back(global_step, end);
      for (int64_t i = 0; i < n; ++i) {
        done[i] = envs.terminated()[i] || envs.truncated()[i];
        b_done[row + i] = done[i];
      }
      std::copy(envs.rewards().begin(), envs.rewards().end(), rewards.begin());
      if (return_norms[0]) return_norms[0]->scale(rewards, done, config.reward_clip);
      for (int64_t i = 0; i < n; ++i) b_rew[0][row + i] = static_cast<float>(rewards[static_cast<size_t>(i)]);

      // Truncated episodes: the value of where they ended (normalised with the statistics the
      // policy saw it with), for the streams that end with the episode.
      bool any_truncated = false;
      for (int64_t i = 0; i < n; ++i) any_truncated = any_truncated || envs.truncated()[i];
      if (any_truncated) {
        std::vector<float> finals;
        for (int64_t i = 0; i < n; ++i) {
          const auto f = envs.finalObservation(static_cast<int>(i));
          finals.insert(finals.end(), f.begin(), f.end());
        }
        auto final_view = view(finals, static_cast<size_t>(n));
        const auto final_values = valuesOf(final_view, n);
        const float* fv = final_values.data_ptr<float>();
        for (int64_t i = 0; i < n; ++i) {
          if (!envs.truncated()[i]) continue;
          for (int64_t s = 0; s < streams; ++s) {
            if (config.streams[static_cast<size_t>(s)].episodic)
              b_boot[static_cast<size_t>(s)][row + i] = fv[i * streams + s];
          }
        }
      }

      if (config.normalize_observations) obs_norm.update(envs.observations(), static_cast<size_t>(n));
      obs = view(envs.observations(), static_cast<size_t>(n));

      for (int64_t s = 1; s < streams; ++s) {
        const auto r =
            intrinsic[static_cast<size_t>(s - 1)]->rewards(tensorOf(obs, n)).to(torch::kDouble).contiguous();
        std::copy_n(r.data_ptr<double>(), n, rewards.begin());
        if (return_norms[static_cast<size_t>(s)])
          return_norms[static_cast<size_t>(s)]->scale(rewards, done, config.reward_clip);
        for (int64_t i = 0; i < n; ++i)
          b_rew[static_cast<size_t>(s)][row + i] = static_cast<float>(rewards[static_cast<size_t>(i)]);
      }
    }

    // Advantages per stream, combined by the streams' coefficients.
    const auto last_values = valuesOf(obs, n);
    std::vector<float> advantages(static_cast<size_t>(batch), 0.0f);
    std::vector<float> returns(static_cast<size_t>(batch * streams));
    for (int64_t s = 0; s < streams; ++s) {
      const auto& stream = config.streams[static_cast<size_t>(s)];
      std::vector<float> last(static_cast<size_t>(n));
      for (int64_t i = 0; i < n; ++i)
        last[static_cast<size_t>(i)] = last_values.data_ptr<float>()[i * streams + s];
      GaeInput in;
      in.steps = static_cast<size_t>(t_count);
      in.copies = static_cast<size_t>(n);
      in.rewards = b_rew[static_cast<size_t>(s)];
      in.values = b_val[static_cast<size_t>(s)];
      in.done = b_done;
      in.bootstrap = b_boot[static_cast<size_t>(s)];
      in.last_values = last;
      in.gamma = stream.gamma;
      in.lambda = config.gae_lambda;
      in.episodic = stream.episodic;
      const auto gae = computeGae(in);
      for (int64_t k = 0; k < batch; ++k) {
        advantages[static_cast<size_t>(k)] +=
            static_cast<float>(stream.coefficient) * gae.advantages[static_cast<size_t>(k)];
        returns[static_cast<size_t>(k * streams + s)] = gae.returns[static_cast<size_t>(k)];
      }
    }
    std::vector<float> old_values(static_cast<size_t>(batch * streams));
    for (int64_t k = 0; k < batch; ++k) {
      for (int64_t s = 0; s < streams; ++s)
        old_values[static_cast<size_t>(k * streams + s)] =
            b_val[static_cast<size_t>(s)][static_cast<size_t>(k)];
    }
    stats.explained_variance = explainedVariance(b_val[0], returns);

    const auto all_obs = tensorOf(b_obs, batch);
    for (size_t s = 1; s < static_cast<size_t>(streams); ++s) {
      for (const auto& [key, value] : intrinsic[s - 1]->update(all_obs))
        stats.info[config.streams[s].name + "/" + key] = value;
    }
    learn(stats, all_obs, b_act, b_logp, advantages, returns, old_values, b_mask, cancelled);

    ++update;
    stats.update = update;
    stats.global_step = global_step;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    stats.steps_per_s = seconds > 0 ? static_cast<double>(batch) / seconds : 0.0;
    return stats;
  }

  double explainedVariance(const std::vector<float>& values, const std::vector<float>& returns_all) const {
    // 1 − Var[return − value] / Var[return] for stream 0.
    const size_t count = values.size();
    double mean_r = 0, mean_e = 0;
    for (size_t k = 0; k < count; ++k) {
      mean_r += returns_all[k * streams];
      mean_e += returns_all[k * streams] - values[k];
    }
    mean_r /= static_cast<double>(count);
    mean_e /= static_cast<double>(count);
    double var_r = 0, var_e = 0;
    for (size_t k = 0; k < count; ++k) {
      const double r = returns_all[k * streams], e = r - values[k];
      var_r += (r - mean_r) * (r - mean_r);
      var_e += (e - mean_e) * (e - mean_e);
    }
    return var_r == 0.0 ? std::nan("") : 1.0 - var_e / var_r;
  }

  void learn(PpoUpdateStats& stats, const torch::Tensor& all_obs, std::vector<float>& b_act,
             std::vector<float>& b_logp, std::vector<float>& advantages, std::vector<float>& returns,
             std::vector<float>& old_values, std::vector<uint8_t>& b_mask,
             const std::function<bool()>& cancelled) {
    const int64_t batch = all_obs.size(0), minibatch = batch / config.minibatches;
    const auto act_all = discrete ? torch::from_blob(b_act.data(), {batch}).to(torch::kLong)
                                  : torch::from_blob(b_act.data(), {batch, width});
    const auto logp_all = torch::from_blob(b_logp.data(), {batch});
    const auto adv_all = torch::from_blob(advantages.data(), {batch});
    const auto ret_all = torch::from_blob(returns.data(), {batch, streams});
    const auto val_all = torch::from_blob(old_values.data(), {batch, streams});
    const auto mask_all =
        discrete ? torch::from_blob(b_mask.data(), {batch, actions}, torch::kUInt8).to(torch::kBool)
                 : torch::Tensor();
    std::vector<int64_t> order(static_cast<size_t>(batch));
    std::iota(order.begin(), order.end(), int64_t{0});
    double sum_pg = 0, sum_v = 0, sum_ent = 0, sum_kl = 0, sum_clip = 0;
    int64_t minibatches_done = 0;
    const double clip = config.clip;
    for (int epoch = 0; epoch < config.epochs; ++epoch) {
      std::shuffle(order.begin(), order.end(), rng);
      double epoch_kl = 0.0;
      for (int64_t start = 0; start < batch; start += minibatch) {
        if (cancelled && cancelled()) throw core::JobCancelled();
        const auto index = torch::from_blob(order.data() + start, {minibatch}, torch::kLong);
        const auto o = all_obs.index_select(0, index);
        const auto params = net->actionParameters(o);
        torch::Tensor logp, entropy;
        if (discrete) {
          const auto masked = maskLogits(params, mask_all.index_select(0, index));
          logp = categoricalLogProb(masked, act_all.index_select(0, index));
          entropy = categoricalEntropy(masked);
        } else {
          logp = gaussianLogProb(params, net->logStd(), act_all.index_select(0, index));
          entropy = gaussianEntropy(params, net->logStd());
        }
        const auto log_ratio = logp - logp_all.index_select(0, index);
        const auto ratio = log_ratio.exp();
        {
          torch::NoGradGuard no_grad;
          epoch_kl = ((ratio - 1) - log_ratio).mean().item<double>();  // Schulman's k3 estimator
          sum_kl += epoch_kl;
          sum_clip += ((ratio - 1).abs() > clip).to(torch::kFloat32).mean().item<double>();
        }
        auto adv = adv_all.index_select(0, index);
        if (config.normalize_advantages) adv = (adv - adv.mean()) / (adv.std() + 1e-8);
        const auto policy_loss = torch::max(-adv * ratio, -adv * ratio.clamp(1 - clip, 1 + clip)).mean();
        const auto v = net->values(o);
        const auto ret = ret_all.index_select(0, index);
        torch::Tensor value_loss;
        if (config.clip_value) {
          const auto old_v = val_all.index_select(0, index);
          const auto v_clipped = old_v + (v - old_v).clamp(-clip, clip);
          value_loss = 0.5 * torch::max((v - ret).square(), (v_clipped - ret).square()).mean(0).sum();
        } else {
          value_loss = 0.5 * (v - ret).square().mean(0).sum();
        }
        const auto entropy_mean = entropy.mean();
        const auto loss = policy_loss - config.entropy_coef * entropy_mean + config.value_coef * value_loss;
        adam->zero_grad();
        loss.backward();
        if (config.max_grad_norm > 0)
          torch::nn::utils::clip_grad_norm_(net->parameters(), config.max_grad_norm);
        adam->step();
        sum_pg += policy_loss.item<double>();
        sum_v += value_loss.item<double>();
        sum_ent += entropy_mean.item<double>();
        ++minibatches_done;
      }
      stats.epochs = epoch + 1;
      if (config.target_kl > 0 && epoch_kl > config.target_kl) break;  // CleanRL: checked per epoch
    }
    const double m = static_cast<double>(std::max<int64_t>(minibatches_done, 1));
    stats.policy_loss = sum_pg / m;
    stats.value_loss = sum_v / m;
    stats.entropy = sum_ent / m;
    stats.approx_kl = sum_kl / m;
    stats.clip_fraction = sum_clip / m;
  }

  void save(const std::string& path) const {
    core::SafetensorsWriter writer;
    std::map<std::string, std::string> meta{{"format", kFormat},
                                            {"shape", shapeOf(config, envs).dump()},
                                            {"update", std::to_string(update)},
                                            {"global_step", std::to_string(global_step)},
                                            {"seed", std::to_string(seed)},
                                            {"obs_norm", obs_norm.toJson().dump()}};
    nlohmann::json norms = nlohmann::json::array();
    for (const auto& r : return_norms) norms.push_back(r ? r->toJson() : nlohmann::json());
    meta["return_norms"] = norms.dump();
    for (const auto& item : net->named_parameters()) nn::addTensor(writer, "net." + item.key(), item.value());
    nn::addAdamMoments<torch::optim::AdamParamState>(writer, meta, *adam, *net, "adam.");
    // Generators and environment states, bit for bit, as one byte tensor.
    std::ostringstream state(std::ios::binary);
    state::putRng(state, rng);
    bool exact = true;
    try {
      envs.saveState(state);
    } catch (const core::Error&) {
      exact = false;  // evaluation still works; resume is refused
    }
    meta["exact_resume"] = exact ? "true" : "false";
    const std::string bytes = exact ? state.str() : std::string();
    writer.add("state.trainer", core::DType::U8, {static_cast<int64_t>(bytes.size())},
               std::as_bytes(std::span(bytes.data(), bytes.size())));
    for (size_t k = 0; k < intrinsic.size(); ++k)
      intrinsic[k]->save(writer, meta, "intrinsic." + std::to_string(k) + ".");
    writer.setMetadata(meta);
    writer.write(path);
  }

  static const std::string& metaOf(const core::SafetensorsFile& file, const std::string& key) {
    const auto found = file.metadata().find(key);
    if (found == file.metadata().end())
      throw core::Error(file.path() + ": PPO checkpoint without '" + key + "'");
    return found->second;
  }

  // Network weights and observation statistics: what a policy needs.
  void loadPolicyPart(const core::SafetensorsFile& file) {
    if (metaOf(file, "format") != kFormat) throw core::Error(file.path() + ": not a PPO checkpoint");
    const auto expected = shapeOf(config, envs);
    const auto stored = nlohmann::json::parse(metaOf(file, "shape"));
    if (stored != expected) {
      throw core::Error(file.path() + ": checkpoint of " + stored.dump() + " does not fit " +
                        expected.dump());
    }
    for (auto& item : net->named_parameters()) nn::copyInto(file, "net." + item.key(), item.value());
    obs_norm.fromJson(nlohmann::json::parse(metaOf(file, "obs_norm")));
  }

  void load(const std::string& path) {
    const auto file = core::SafetensorsFile::open(path);
    loadPolicyPart(file);
    if (metaOf(file, "exact_resume") != "true") {
      throw core::Error(path + ": environment " + envs.env(0).name() + " cannot be resumed exactly");
    }
    nn::loadAdamMoments<torch::optim::AdamParamState>(file, *adam, *net, "adam.");
    const auto norms = nlohmann::json::parse(metaOf(file, "return_norms"));
    if (!norms.is_array() || norms.size() != return_norms.size())
      throw core::Error(path + ": reward streams differ");
    for (size_t s = 0; s < return_norms.size(); ++s) {
      if (return_norms[s].has_value() != !norms[s].is_null())
        throw core::Error(path + ": return normalisation differs");
      if (return_norms[s]) return_norms[s]->fromJson(norms[s]);
    }
    const auto* state_tensor = file.find("state.trainer");
    if (!state_tensor) throw core::Error(path + ": trainer state missing");
    std::istringstream state(
        std::string(reinterpret_cast<const char*>(state_tensor->bytes.data()), state_tensor->bytes.size()),
        std::ios::binary);
    state::getRng(state, rng);
    envs.loadState(state);
    for (size_t k = 0; k < intrinsic.size(); ++k)
      intrinsic[k]->load(file, "intrinsic." + std::to_string(k) + ".");
    try {
      update = std::stoll(metaOf(file, "update"));
      global_step = std::stoll(metaOf(file, "global_step"));
    } catch (const std::exception&) {
      throw core::Error(path + ": bad update counters");
    }
    obs = view(envs.observations(), static_cast<size_t>(n));
  }

  PolicyFunction policyFunction(std::shared_ptr<void> keep_alive) {
    // The observation statistics are copied (later training does not move them); the network is
    // the live one, so evaluate between iterate() calls, on the trainer's thread.
    const RunningMeanStd stats = obs_norm;
    return [this, stats, keep_alive](std::span<const float> observation, std::span<const uint8_t> mask,
                                     bool stochastic, std::mt19937_64& generator, std::span<double> action) {
      std::vector<float> x(observation.begin(), observation.end());
      if (config.normalize_observations) stats.normalize(x, 1, config.observation_clip);
      std::vector<uint8_t> all_valid;
      const uint8_t* m = mask.data();
      if (discrete && mask.empty()) {
        all_valid.assign(static_cast<size_t>(actions), 1);
        m = all_valid.data();
      }
      act(tensorOf(x, 1), m, stochastic, generator, action.data(), nullptr);
    };
  }
};

PpoTrainer::PpoTrainer(PpoConfig config, EnvironmentFactory factory, uint64_t seed)
    : PpoTrainer(std::move(config), std::move(factory), seed, nullptr) {}

PpoTrainer::PpoTrainer(PpoConfig config, EnvironmentFactory factory, uint64_t seed,
                       std::shared_ptr<PpoParts> parts)
    : impl_(std::make_unique<Impl>(std::move(config), std::move(factory), seed, std::move(parts))) {}

PpoTrainer::~PpoTrainer() = default;

const PpoConfig& PpoTrainer::config() const {
  return impl_->config;
}
int64_t PpoTrainer::updatesDone() const {
  return impl_->update;
}
int64_t PpoTrainer::globalStep() const {
  return impl_->global_step;
}
PpoUpdateStats PpoTrainer::iterate(const std::function<bool()>& cancelled) {
  return impl_->iterate(cancelled);
}
void PpoTrainer::saveCheckpoint(const std::string& path) const {
  impl_->save(path);
}
void PpoTrainer::loadCheckpoint(const std::string& path) {
  impl_->load(path);
}
PolicyFunction PpoTrainer::policy() const {
  return impl_->policyFunction(nullptr);
}

PolicyFunction loadPolicy(const PpoConfig& config, const EnvironmentFactory& factory,
                          const std::string& path) {
  auto impl = std::make_shared<PpoTrainer::Impl>(config, factory, 0, nullptr);
  impl->loadPolicyPart(core::SafetensorsFile::open(path));
  return impl->policyFunction(impl);
}

}  // namespace routescope::rl
