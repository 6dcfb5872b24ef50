#pragma once
// SHA-256 (FIPS 180-4) for provenance and artifact checksums. Written here so the backend needs
// no crypto library; it is not used for security.

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace routescope::core {

class Sha256 {
 public:
  Sha256();
  void update(std::span<const std::byte> data);
  void update(std::string_view text);
  // Finishes the digest; the object must not be updated afterwards.
  std::array<uint8_t, 32> finish();
  std::string finishHex();

 private:
  void compress(const uint8_t* block);
  std::array<uint32_t, 8> state_;
  std::array<uint8_t, 64> buffer_{};
  size_t buffered_ = 0;
  uint64_t total_bytes_ = 0;
};

std::string sha256Hex(std::span<const std::byte> data);
std::string sha256Hex(std::string_view text);
// Streams the file; throws Error naming the path when it cannot be read.
std::string sha256File(const std::string& path);

}  // namespace routescope::core
