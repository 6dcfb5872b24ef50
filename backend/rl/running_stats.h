#pragma once
// Running mean and variance (Chan et al.'s parallel update, as in OpenAI baselines' RunningMeanStd)
// for observation and return normalisation; saved in checkpoints so that a resumed or evaluated
// policy sees the same inputs.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <span>
#include <vector>

namespace routescope::rl {

class RunningMeanStd {
 public:
  explicit RunningMeanStd(size_t size = 1);
  // Adds a batch of `rows` vectors of size() values (row-major).
  void update(std::span<const float> batch, size_t rows);
  void update(std::span<const double> batch, size_t rows);
  size_t size() const { return mean_.size(); }
  const std::vector<double>& mean() const { return mean_; }
  const std::vector<double>& variance() const { return var_; }
  double count() const { return count_; }
  // (x − mean) / sqrt(var + eps), clipped to ±clip, in place.
  void normalize(std::span<float> values, size_t rows, double clip, double eps = 1e-8) const;

  nlohmann::json toJson() const;
  // Throws core::Error when the sizes differ from size() or values are not finite.
  void fromJson(const nlohmann::json& json);

 private:
  template <typename T>
  void updateImpl(std::span<const T> batch, size_t rows);
  std::vector<double> mean_, var_;
  double count_ = 1e-4;
};

// Reward scaling by the running standard deviation of the discounted return (the "normalise
// rewards" detail of PPO; RND's intrinsic reward normalisation): per environment copy a
// discounted return is accumulated, its variance tracked, and rewards divided by its std.
class ReturnNormalizer {
 public:
  ReturnNormalizer(size_t copies, double gamma, bool episodic);
  // Scales `rewards` (one per copy) in place; `done` resets episodic accumulators after use.
  void scale(std::span<double> rewards, std::span<const uint8_t> done, double clip);
  const RunningMeanStd& stats() const { return stats_; }
  nlohmann::json toJson() const;
  void fromJson(const nlohmann::json& json);

 private:
  double gamma_;
  bool episodic_;
  std::vector<double> returns_;
  RunningMeanStd stats_{1};
};

}  // namespace routescope::rl
