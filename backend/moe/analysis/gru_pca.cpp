#include "backend/moe/analysis/gru_pca.h"

#include <algorithm>
#include <cmath>

#include "backend/core/error.h"
#include "backend/moe/analysis/trace_columns.h"

namespace routescope::moe::analysis {
namespace {

// The dominant eigenvector of the symmetric matrix c (n x n) orthogonal to `against` (if any),
// by power iteration; returns the eigenvalue. Power iteration is enough: only two components are
// wanted and n is the router's small hidden size.
double powerIteration(const std::vector<double>& c, int n, const std::vector<double>* against, int iterations,
                      std::vector<double>& v) {
  const auto orthogonalise = [&](std::vector<double>& x) {
    if (!against) return;
    double dot = 0;
    for (int i = 0; i < n; ++i) dot += x[static_cast<size_t>(i)] * (*against)[static_cast<size_t>(i)];
    for (int i = 0; i < n; ++i) x[static_cast<size_t>(i)] -= dot * (*against)[static_cast<size_t>(i)];
  };
  const auto normalise = [&](std::vector<double>& x) {
    double norm = 0;
    for (double value : x) norm += value * value;
    norm = std::sqrt(norm);
    if (norm > 0)
      for (double& value : x) value /= norm;
    return norm;
  };
  // A fixed start with every coordinate distinct, so no eigenvector is orthogonal to it by symmetry.
  v.assign(static_cast<size_t>(n), 0.0);
  for (int i = 0; i < n; ++i) v[static_cast<size_t>(i)] = 1.0 + 0.01 * i;
  orthogonalise(v);
  normalise(v);
  std::vector<double> next(static_cast<size_t>(n));
  double lambda = 0;
  for (int it = 0; it < iterations; ++it) {
    for (int i = 0; i < n; ++i) {
      double s = 0;
      const double* row = c.data() + static_cast<size_t>(i) * static_cast<size_t>(n);
      for (int j = 0; j < n; ++j) s += row[j] * v[static_cast<size_t>(j)];
      next[static_cast<size_t>(i)] = s;
    }
    orthogonalise(next);
    lambda = normalise(next);
    double change = 0;
    for (int i = 0; i < n; ++i)
      change = std::max(change, std::abs(next[static_cast<size_t>(i)] - v[static_cast<size_t>(i)]));
    v.swap(next);
    if (lambda == 0 || change < 1e-12) break;
  }
  // A deterministic sign: the largest-magnitude entry positive.
  const auto largest =
      std::max_element(v.begin(), v.end(), [](double a, double b) { return std::abs(a) < std::abs(b); });
  if (largest != v.end() && *largest < 0)
    for (double& value : v) value = -value;
  return lambda;
}

}  // namespace

GruPca analyseGruStates(const RoutingTrace& trace, const GruPcaOptions& options) {
  if (trace.gru_state.empty() || trace.gru_hidden <= 0)
    throw core::Error(describeTrace(trace) + ": no GRU router states recorded (router '" + trace.router +
                      "'), needed for the hidden-state PCA");
  const int n = trace.gru_hidden;
  const size_t hidden = static_cast<size_t>(n);
  const size_t rows = trace.gru_state.size() / hidden;
  // fp16 decoding through a table: 65,536 floats, far cheaper than decoding 100M values one by one.
  std::vector<float> decode(65536);
  for (uint32_t bits = 0; bits < 65536; ++bits) {
    const float value = halfToFloat(static_cast<uint16_t>(bits));
    decode[bits] = std::isfinite(value) ? value : 0.0f;  // an overflowed state must not poison the mean
  }

  GruPca out;
  out.hidden = n;
  out.mean.assign(hidden, 0.0);
  for (size_t r = 0; r < rows; ++r)
    for (size_t i = 0; i < hidden; ++i) out.mean[i] += decode[trace.gru_state[r * hidden + i]];
  if (rows > 0)
    for (double& m : out.mean) m /= static_cast<double>(rows);

  const size_t sample_rows =
      std::min<size_t>(rows, static_cast<size_t>(std::max<int64_t>(options.max_rows, 2)));
  std::vector<double> cov(hidden * hidden, 0.0);
  std::vector<double> x(hidden);
  for (size_t s = 0; s < sample_rows; ++s) {
    const size_t r = sample_rows == rows ? s : s * rows / sample_rows;
    for (size_t i = 0; i < hidden; ++i) x[i] = decode[trace.gru_state[r * hidden + i]] - out.mean[i];
    for (size_t i = 0; i < hidden; ++i) {
      double* row = cov.data() + i * hidden;
      const double xi = x[i];
      for (size_t j = i; j < hidden; ++j) row[j] += xi * x[j];
    }
  }
  const double denominator = sample_rows > 1 ? static_cast<double>(sample_rows - 1) : 1.0;
  for (size_t i = 0; i < hidden; ++i) {
    for (size_t j = i; j < hidden; ++j) {
      cov[i * hidden + j] /= denominator;
      cov[j * hidden + i] = cov[i * hidden + j];
    }
    out.total_variance += cov[i * hidden + i];
  }

  std::vector<double> first, second;
  out.explained[0] = powerIteration(cov, n, nullptr, options.max_iterations, first);
  out.explained[1] = n > 1 ? powerIteration(cov, n, &first, options.max_iterations, second) : 0.0;
  if (n == 1) second.assign(1, 0.0);
  out.components = first;
  out.components.insert(out.components.end(), second.begin(), second.end());

  out.coords.resize(rows * 2);
  for (size_t r = 0; r < rows; ++r) {
    double a = 0, b = 0;
    for (size_t i = 0; i < hidden; ++i) {
      const double centred = decode[trace.gru_state[r * hidden + i]] - out.mean[i];
      a += centred * first[i];
      b += centred * second[i];
    }
    out.coords[2 * r] = static_cast<float>(a);
    out.coords[2 * r + 1] = static_cast<float>(b);
  }
  return out;
}

std::vector<double> meanUpdateGate(const RoutingTrace& trace) {
  if (trace.update_gate_mean.empty())
    throw core::Error(describeTrace(trace) + ": no GRU update gates recorded (router '" + trace.router +
                      "')");
  const size_t layers = static_cast<size_t>(trace.layers);
  std::vector<double> mean(layers, 0.0);
  for (size_t i = 0; i < trace.update_gate_mean.size(); ++i) mean[i % layers] += trace.update_gate_mean[i];
  const size_t tokens = trace.update_gate_mean.size() / std::max<size_t>(layers, 1);
  if (tokens > 0)
    for (double& m : mean) m /= static_cast<double>(tokens);
  return mean;
}

}  // namespace routescope::moe::analysis
