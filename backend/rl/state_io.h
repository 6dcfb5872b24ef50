#pragma once
// Exact binary state of environments and trainers for checkpoints: plain values bit for bit,
// vectors with their length, random generators through their standard text form.

#include <algorithm>
#include <cstdint>
#include <istream>
#include <ostream>
#include <random>
#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

#include "backend/core/error.h"

namespace routescope::rl::state {

template <typename T>
void put(std::ostream& out, const T& value) {
  static_assert(std::is_trivially_copyable_v<T>);
  out.write(reinterpret_cast<const char*>(&value), sizeof(T));
}

template <typename T>
T get(std::istream& in) {
  static_assert(std::is_trivially_copyable_v<T>);
  T value{};
  if (!in.read(reinterpret_cast<char*>(&value), sizeof(T))) throw core::Error("checkpoint state: truncated");
  return value;
}

template <typename T>
void putVector(std::ostream& out, const std::vector<T>& values) {
  put<uint64_t>(out, values.size());
  out.write(reinterpret_cast<const char*>(values.data()),
            static_cast<std::streamsize>(values.size() * sizeof(T)));
}

template <typename T>
std::vector<T> getVector(std::istream& in, uint64_t max_size = 1ull << 32) {
  const auto size = get<uint64_t>(in);
  // A corrupt length must not allocate before the read fails: at most what the stream still holds.
  const auto left = static_cast<uint64_t>(std::max<std::streamsize>(in.rdbuf()->in_avail(), 0));
  if (size > max_size || size > left / sizeof(T))
    throw core::Error("checkpoint state: implausible vector length");
  std::vector<T> values(size);
  if (!in.read(reinterpret_cast<char*>(values.data()), static_cast<std::streamsize>(size * sizeof(T)))) {
    throw core::Error("checkpoint state: truncated");
  }
  return values;
}

inline void putText(std::ostream& out, const std::string& text) {
  put<uint64_t>(out, text.size());
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

inline std::string getText(std::istream& in) {
  const auto size = get<uint64_t>(in);
  const auto left = static_cast<uint64_t>(std::max<std::streamsize>(in.rdbuf()->in_avail(), 0));
  if (size > (1ull << 30) || size > left) throw core::Error("checkpoint state: implausible text length");
  std::string text(size, '\0');
  if (!in.read(text.data(), static_cast<std::streamsize>(size)))
    throw core::Error("checkpoint state: truncated");
  return text;
}

inline void putRng(std::ostream& out, const std::mt19937_64& rng) {
  std::ostringstream text;
  text << rng;
  putText(out, text.str());
}

inline void getRng(std::istream& in, std::mt19937_64& rng) {
  std::istringstream text(getText(in));
  text >> rng;
  if (!text) throw core::Error("checkpoint state: bad random generator state");
}

}  // namespace routescope::rl::state
