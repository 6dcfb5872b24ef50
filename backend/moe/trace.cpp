#include "backend/moe/trace.h"

#include <algorithm>
#include <bit>
#include <cmath>

#include "backend/core/error.h"

namespace routescope::moe {

int64_t RoutingTrace::tokenCount() const {
  int64_t total = 0;
  for (const auto& s : sequences) total += static_cast<int64_t>(s.token_ids.size());
  return total;
}

const std::vector<int64_t>& RoutingTrace::sequenceOffsets() const {
  if (offsets_.size() != sequences.size() + 1) {
    offsets_.assign(1, 0);
    for (const auto& s : sequences)
      offsets_.push_back(offsets_.back() + static_cast<int64_t>(s.token_ids.size()));
  }
  return offsets_;
}

size_t RoutingTrace::sequenceOf(int64_t token) const {
  const auto& offsets = sequenceOffsets();
  if (token < 0 || token >= offsets.back()) {
    throw core::Error("trace: token " + std::to_string(token) + " is outside 0.." +
                      std::to_string(offsets.back()));
  }
  // The last offset not above `token`; empty sequences share offsets, upper_bound skips them.
  const auto it = std::upper_bound(offsets.begin(), offsets.end(), token);
  return static_cast<size_t>(it - offsets.begin()) - 1;
}

int64_t RoutingTrace::positionOf(int64_t token) const {
  return token - sequenceOffsets()[sequenceOf(token)];
}

const std::string& RoutingTrace::domainOf(int64_t token) const {
  return sequences[sequenceOf(token)].domain;
}

int32_t RoutingTrace::tokenIdOf(int64_t token) const {
  const size_t s = sequenceOf(token);
  return sequences[s].token_ids[static_cast<size_t>(token - offsets_[s])];
}

std::string RoutingTrace::pieceOf(int32_t token_id) const {
  if (token_id >= 0 && static_cast<size_t>(token_id) < pieces.size())
    return pieces[static_cast<size_t>(token_id)];
  return "#" + std::to_string(token_id);
}

void RoutingTrace::validate(const std::string& name) const {
  auto fail = [&](const std::string& what) { throw core::Error(name + ": " + what); };
  if (layers <= 0 || experts <= 0 || top_k <= 0) {
    fail("layers, experts and top_k must be positive (got " + std::to_string(layers) + ", " +
         std::to_string(experts) + ", " + std::to_string(top_k) + ")");
  }
  if (experts > 32767) fail("more than 32767 experts do not fit the int16 expert ids");
  if (gru_hidden < 0) fail("gru_hidden is negative");
  offsets_.clear();
  const auto tokens = static_cast<size_t>(tokenCount());
  sequenceOffsets();
  size_t with_predictions = 0;
  for (size_t i = 0; i < sequences.size(); ++i) {
    const auto& s = sequences[i];
    if (!s.predicted_token_ids.empty()) {
      ++with_predictions;
      if (s.predicted_token_ids.size() != s.token_ids.size()) {
        fail("sequence " + std::to_string(i) + " has " + std::to_string(s.token_ids.size()) + " tokens but " +
             std::to_string(s.predicted_token_ids.size()) + " predicted tokens");
      }
    }
  }
  if (with_predictions != 0 && with_predictions != sequences.size()) {
    fail("predicted_token_ids must be given for every sequence or for none");
  }
  const size_t L = static_cast<size_t>(layers), K = static_cast<size_t>(top_k),
               E = static_cast<size_t>(experts);
  auto checkSize = [&](const char* array, size_t actual, size_t expected, bool optional) {
    if ((optional && actual == 0) || actual == expected) return;
    fail(std::string(array) + " has " + std::to_string(actual) + " values, expected " +
         std::to_string(expected));
  };
  checkSize("expert_ids", expert_ids.size(), tokens * L * K, false);
  checkSize("probs", probs.size(), tokens * L * K, true);
  checkSize("dropped", dropped.size(), tokens * L * K, true);
  checkSize("full_probs", full_probs.size(), tokens * L * E, true);
  checkSize("update_gate_mean", update_gate_mean.size(), tokens * L, true);
  if (!gru_state.empty() && gru_hidden == 0) fail("gru_state is given but gru_hidden is 0");
  checkSize("gru_state", gru_state.size(), tokens * L * static_cast<size_t>(gru_hidden), true);
  for (size_t i = 0; i < expert_ids.size(); ++i) {
    if (expert_ids[i] < -1 || expert_ids[i] >= experts) {
      fail("expert id " + std::to_string(expert_ids[i]) + " at choice " + std::to_string(i) +
           " is outside 0.." + std::to_string(experts - 1));
    }
  }
}

uint16_t floatToHalf(float value) {
  const uint32_t bits = std::bit_cast<uint32_t>(value);
  const uint32_t sign = (bits >> 16) & 0x8000u;
  const uint32_t magnitude = bits & 0x7FFFFFFFu;
  if (magnitude > 0x7F800000u) return static_cast<uint16_t>(sign | 0x7E00u);   // NaN (quiet)
  if (magnitude >= 0x477FF000u) return static_cast<uint16_t>(sign | 0x7C00u);  // rounds to inf
  if (magnitude < 0x38800000u) {
    // Subnormal half (or zero): scale so the half's last bit is 1, round to nearest even.
    const float scaled = std::fabs(value) * 16777216.0f;  // 2^24
    return static_cast<uint16_t>(sign | static_cast<uint32_t>(std::nearbyint(scaled)));
  }
  // Normal: rebias the exponent, round the 13 dropped mantissa bits to nearest even.
  const uint32_t rebiased = magnitude - 0x38000000u;
  const uint32_t round = 0x0FFFu + ((rebiased >> 13) & 1u);
  return static_cast<uint16_t>(sign | ((rebiased + round) >> 13));
}

float halfToFloat(uint16_t half) {
  const uint32_t sign = static_cast<uint32_t>(half & 0x8000u) << 16;
  const uint32_t exponent = (half >> 10) & 0x1Fu;
  const uint32_t mantissa = half & 0x3FFu;
  if (exponent == 0) {
    const float magnitude = std::ldexp(static_cast<float>(mantissa), -24);
    return sign ? -magnitude : magnitude;
  }
  if (exponent == 31) return std::bit_cast<float>(sign | 0x7F800000u | (mantissa << 13));
  return std::bit_cast<float>(sign | ((exponent + 112) << 23) | (mantissa << 13));
}

}  // namespace routescope::moe
