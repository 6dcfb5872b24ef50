#include "backend/rl/running_stats.h"

#include <algorithm>
#include <cmath>

#include "backend/core/error.h"

namespace routescope::rl {

RunningMeanStd::RunningMeanStd(size_t size) : mean_(size, 0.0), var_(size, 1.0) {}

template <typename T>
void RunningMeanStd::updateImpl(std::span<const T> batch, size_t rows) {
  const size_t d = mean_.size();
  if (rows == 0) return;
  if (batch.size() != rows * d) throw core::Error("running statistics: batch size mismatch");
  std::vector<double> batch_mean(d, 0.0), batch_var(d, 0.0);
  for (size_t r = 0; r < rows; ++r) {
    for (size_t j = 0; j < d; ++j) batch_mean[j] += static_cast<double>(batch[r * d + j]);
  }
  for (auto& m : batch_mean) m /= static_cast<double>(rows);
  for (size_t r = 0; r < rows; ++r) {
    for (size_t j = 0; j < d; ++j) {
      const double e = static_cast<double>(batch[r * d + j]) - batch_mean[j];
      batch_var[j] += e * e;
    }
  }
  for (auto& v : batch_var) v /= static_cast<double>(rows);  // population variance, as numpy's var
  const double n = static_cast<double>(rows);
  const double total = count_ + n;
  for (size_t j = 0; j < d; ++j) {
    const double delta = batch_mean[j] - mean_[j];
    mean_[j] += delta * n / total;
    var_[j] = (var_[j] * count_ + batch_var[j] * n + delta * delta * count_ * n / total) / total;
  }
  count_ = total;
}

void RunningMeanStd::update(std::span<const float> batch, size_t rows) {
  updateImpl(batch, rows);
}
void RunningMeanStd::update(std::span<const double> batch, size_t rows) {
  updateImpl(batch, rows);
}

void RunningMeanStd::normalize(std::span<float> values, size_t rows, double clip, double eps) const {
  const size_t d = mean_.size();
  for (size_t r = 0; r < rows; ++r) {
    for (size_t j = 0; j < d; ++j) {
      auto& v = values[r * d + j];
      const double z = (static_cast<double>(v) - mean_[j]) / std::sqrt(var_[j] + eps);
      v = static_cast<float>(std::clamp(z, -clip, clip));
    }
  }
}

nlohmann::json RunningMeanStd::toJson() const {
  return {{"mean", mean_}, {"var", var_}, {"count", count_}};
}

void RunningMeanStd::fromJson(const nlohmann::json& json) {
  try {
    auto mean = json.at("mean").get<std::vector<double>>();
    auto var = json.at("var").get<std::vector<double>>();
    const double count = json.at("count").get<double>();
    if (mean.size() != mean_.size() || var.size() != var_.size()) {
      throw core::Error("running statistics: size " + std::to_string(mean.size()) + " where " +
                        std::to_string(mean_.size()) + " is expected");
    }
    for (size_t j = 0; j < mean.size(); ++j) {
      if (!std::isfinite(mean[j]) || !(var[j] >= 0.0) || !std::isfinite(var[j])) {
        throw core::Error("running statistics: non-finite mean or variance");
      }
    }
    if (!(count > 0.0) || !std::isfinite(count)) throw core::Error("running statistics: bad count");
    mean_ = std::move(mean);
    var_ = std::move(var);
    count_ = count;
  } catch (const nlohmann::json::exception& e) {
    throw core::Error(std::string("running statistics: ") + e.what());
  }
}

ReturnNormalizer::ReturnNormalizer(size_t copies, double gamma, bool episodic)
    : gamma_(gamma), episodic_(episodic), returns_(copies, 0.0) {}

void ReturnNormalizer::scale(std::span<double> rewards, std::span<const uint8_t> done, double clip) {
  for (size_t i = 0; i < returns_.size(); ++i) returns_[i] = returns_[i] * gamma_ + rewards[i];
  stats_.update(std::span<const double>(returns_), returns_.size());
  const double scale = std::sqrt(stats_.variance()[0] + 1e-8);
  for (size_t i = 0; i < returns_.size(); ++i) {
    rewards[i] = std::clamp(rewards[i] / scale, -clip, clip);
    if (episodic_ && done[i]) returns_[i] = 0.0;
  }
}

nlohmann::json ReturnNormalizer::toJson() const {
  return {{"returns", returns_}, {"stats", stats_.toJson()}};
}

void ReturnNormalizer::fromJson(const nlohmann::json& json) {
  auto returns = json.at("returns").get<std::vector<double>>();
  if (returns.size() != returns_.size()) throw core::Error("return normaliser: number of copies differs");
  stats_.fromJson(json.at("stats"));
  returns_ = std::move(returns);
}

}  // namespace routescope::rl
