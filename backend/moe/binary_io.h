#pragma once
// Little-endian byte writer/reader for the moe data formats (corpus.bin, traces). Internal: not
// part of the data contract. Readers throw core::Error prefixed with the artifact or file name.

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "backend/core/error.h"

namespace routescope::moe::detail {

// The formats are little-endian on disk; writing host memory as is keeps them fast. A big-endian
// port would need byte swaps here.
static_assert(std::endian::native == std::endian::little, "moe data formats assume a little-endian host");

class ByteWriter {
 public:
  void raw(const void* data, size_t size) {
    const auto* p = static_cast<const std::byte*>(data);
    bytes_.insert(bytes_.end(), p, p + size);
  }
  template <typename T>
  void value(T v) {
    raw(&v, sizeof v);
  }
  void string(std::string_view s) {
    value<uint32_t>(static_cast<uint32_t>(s.size()));
    raw(s.data(), s.size());
  }
  void padTo(size_t alignment) {
    while (bytes_.size() % alignment) bytes_.push_back(std::byte{0});
  }
  size_t size() const { return bytes_.size(); }
  std::vector<std::byte> take() { return std::move(bytes_); }

 private:
  std::vector<std::byte> bytes_;
};

class ByteReader {
 public:
  ByteReader(std::span<const std::byte> bytes, std::string name) : bytes_(bytes), name_(std::move(name)) {}

  [[noreturn]] void fail(const std::string& what) const { throw core::Error(name_ + ": " + what); }

  std::span<const std::byte> take(size_t size, const char* what) {
    if (size > bytes_.size() - pos_) fail(std::string("truncated (") + what + " runs past the end)");
    auto part = bytes_.subspan(pos_, size);
    pos_ += size;
    return part;
  }
  template <typename T>
  T value(const char* what) {
    T v;
    std::memcpy(&v, take(sizeof v, what).data(), sizeof v);
    return v;
  }
  std::string string(const char* what) {
    const auto size = value<uint32_t>(what);
    auto part = take(size, what);
    return {reinterpret_cast<const char*>(part.data()), part.size()};
  }
  size_t position() const { return pos_; }
  size_t remaining() const { return bytes_.size() - pos_; }
  const std::string& name() const { return name_; }

 private:
  std::span<const std::byte> bytes_;
  std::string name_;
  size_t pos_ = 0;
};

// FNV-1a, 64 bit: a stable hash for deterministic splits (std::hash differs between libraries).
inline uint64_t stableHash(std::string_view text) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace routescope::moe::detail
