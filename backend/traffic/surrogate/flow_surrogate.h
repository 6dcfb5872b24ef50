#pragma once
// The GNN surrogate of user-equilibrium assignment (Madadi & Correia 2024): message passing over
// the directed road network predicts every link's UE flow from link capacities, free-flow times,
// the design (which candidates are built) and the OD demand; TSTT follows from the flows through
// the BPR costs. A genetic algorithm uses it as its fitness (`PredictedFitness`), batching a whole
// population per call. Torch-free header: the model lives in internal/.
//
// Inputs per node: its row and column of the OD matrix over the demand's zones (flows scaled by
// the mean OD flow). Inputs per link: capacity and free-flow time (scaled by their means), open,
// candidate, built, and a cheap flow prior — the flows and v/c of a few iterations of the method
// of successive averages from free-flow all-or-nothing (`prior_iterations`; 0 leaves them out),
// so the network learns how congestion spreads flows rather than routing from scratch.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <vector>

#include "backend/traffic/ndp_problem.h"
#include "backend/traffic/surrogate/ue_samples.h"

namespace routescope::traffic {

struct SurrogateEpoch {
  int epoch = 0;  // 1-based
  double train_loss = 0.0;
  double valid_flow_error = 0.0;  // Σ|predicted − true flow| / Σ|true flow| over the validation set
  double valid_tstt_r2 = 0.0;     // R² of TSTT over the validation set
  double seconds = 0.0;           // since training started
};

struct SurrogateOptions {
  int hidden = 32;
  int layers = 4;  // message-passing rounds
  int epochs = 50;
  int batch = 32;
  double learning_rate = 3e-3;
  // loss = flow-weighted error + tstt_weight · mean relative TSTT error. TSTT sums flow × BPR
  // time, so small flow errors on congested links weigh heavily; the second term keeps them small.
  double tstt_weight = 4.0;
  int prior_iterations = 12;
  uint64_t seed = 1;
  int threads = 2;        // workers computing the inputs (the flow prior)
  int torch_threads = 1;  // LibTorch intra-op threads: these tensors are small, and two threads
                          // that share the cores with other work run many times slower than one
  std::string device = "cpu";
  std::function<void(const SurrogateEpoch&)> on_epoch;
  std::function<bool()> cancelled;  // checked every batch; throws core::Error("cancelled")
};

struct SurrogateQuality {
  double flow_error = 0.0;  // flow-weighted absolute error
  double tstt_r2 = 0.0;
  std::vector<double> true_tstt, predicted_tstt;
};

class FlowSurrogate {
 public:
  // Trains on `train`, reporting validation quality on `valid` after every epoch.
  static FlowSurrogate train(const NdpProblem& problem, std::span<const UeSample> train,
                             std::span<const UeSample> valid, const SurrogateOptions& options);
  // The model stored by save() with its description(); throws core::Error naming `name` when it
  // does not fit `problem` or is malformed.
  static FlowSurrogate load(const NdpProblem& problem, std::span<const std::byte> weights,
                            const nlohmann::json& description, const std::string& name);
  FlowSurrogate(FlowSurrogate&&) noexcept;
  FlowSurrogate& operator=(FlowSurrogate&&) noexcept;
  ~FlowSurrogate();

  std::vector<std::byte> save() const;
  // Architecture, scaling constants and the problem's sizes (JSON, stored next to the weights).
  nlohmann::json description() const;

  // Predicted link flows of each sample (its design, capacity and OD scales).
  std::vector<std::vector<float>> predictFlows(std::span<const UeSample> samples) const;
  std::vector<double> predictTstt(std::span<const UeSample> samples) const;
  // TSTT of designs at the problem's own demand and capacities: the GA's fitness.
  std::vector<double> predictDesigns(const std::vector<Design>& designs) const;
  SurrogateQuality evaluate(std::span<const UeSample> samples) const;

 private:
  struct Impl;
  explicit FlowSurrogate(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Σ_i |predicted_i − truth_i| / Σ_i |truth_i|.
double flowWeightedError(std::span<const float> truth, std::span<const float> predicted);
// 1 − Σ(truth − predicted)² / Σ(truth − mean)².
double rSquared(std::span<const double> truth, std::span<const double> predicted);

}  // namespace routescope::traffic
