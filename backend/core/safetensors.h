#pragma once
// Reader and writer for the safetensors checkpoint format, plus Hugging Face sharded checkpoints.
//
// Format: an 8-byte little-endian u64 N, then N bytes of UTF-8 JSON (the header), then the data
// section. The header maps tensor names to {"dtype", "shape", "data_offsets": [begin, end)} with
// offsets relative to the start of the data section, plus an optional "__metadata__" object of
// string values. Tensors must tile the data section exactly: no overlaps, no holes.
//
// Readers memory-map the file and hand out spans into the mapping, so opening a large checkpoint
// costs one header parse. The spans stay valid while the SafetensorsFile (or a moved-to instance)
// lives. All validation failures throw routescope::core::Error with a one-line message that
// starts with the file path. As with any mapping, a file truncated by another process while it is
// open makes reads past the new end fault (SIGBUS); checkpoints are expected to be immutable.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace routescope::core {

enum class DType { F64, F32, F16, BF16, I64, I32, I16, I8, U8, BOOL };

// The safetensors spelling: "F64", "F32", ..., "BOOL".
std::string_view dtypeName(DType dtype);
// Inverse of dtypeName; throws Error on any other spelling.
DType parseDType(std::string_view name);
// Bytes per element.
size_t dtypeSize(DType dtype);

struct TensorView {
  std::string name;
  DType dtype = DType::F32;
  std::vector<int64_t> shape;  // Empty for a scalar (numel 1).
  std::span<const std::byte> bytes;

  // Product of the dims; throws Error on a negative dim or 64-bit overflow.
  int64_t numel() const;
};

// Decodes every element to float (row-major order). F16/BF16 are decoded bit-exactly, including
// subnormals, infinities and NaN payloads; F64 rounds to nearest (overflowing to +-inf); integers
// convert with rounding; BOOL gives 0 or 1. Throws Error if bytes.size() != numel * dtypeSize.
std::vector<float> toFloat32(const TensorView& tensor);

struct SafetensorsLimits {
  uint64_t max_header_bytes = 100 * 1024 * 1024;
  uint64_t max_tensor_bytes = 64ull << 30;
  size_t max_tensors = 1'000'000;
  size_t max_rank = 16;
};

class SafetensorsFile {
 public:
  // Maps `path` read-only and validates the header and layout against the spec and `limits`.
  static SafetensorsFile open(const std::string& path, const SafetensorsLimits& limits = {});

  SafetensorsFile(SafetensorsFile&&) noexcept;
  SafetensorsFile& operator=(SafetensorsFile&&) noexcept;
  SafetensorsFile(const SafetensorsFile&) = delete;
  SafetensorsFile& operator=(const SafetensorsFile&) = delete;
  ~SafetensorsFile();

  const std::string& path() const { return path_; }
  // Sorted by data offset, i.e. the order in which the tensors lie in the file.
  const std::vector<TensorView>& tensors() const { return tensors_; }
  // nullptr when there is no tensor of that name.
  const TensorView* find(std::string_view name) const;
  const std::map<std::string, std::string>& metadata() const { return metadata_; }
  // The whole mapped file; every tensor's bytes lie inside it.
  std::span<const std::byte> mappedBytes() const;

 private:
  struct Mapping;
  SafetensorsFile();
  void parse(const SafetensorsLimits& limits);

  std::string path_;
  std::unique_ptr<Mapping> mapping_;
  std::vector<TensorView> tensors_;
  std::map<std::string, size_t, std::less<>> index_;  // name -> position in tensors_
  std::map<std::string, std::string> metadata_;
};

class SafetensorsWriter {
 public:
  struct Entry {
    std::string name;
    DType dtype = DType::F32;
    std::vector<int64_t> shape;
    std::vector<std::byte> bytes;
  };

  // Copies `bytes`. Throws Error on a duplicate, empty, reserved ("__metadata__") or non-UTF-8
  // name, a negative dim, an overflowing size, or bytes.size() != numel * dtypeSize(dtype).
  void add(std::string name, DType dtype, std::vector<int64_t> shape, std::span<const std::byte> bytes);
  // Replaces the "__metadata__" map. Keys and values must be UTF-8.
  void setMetadata(std::map<std::string, std::string> metadata);

  // Writes `path` + ".tmp", flushes it to disk and renames it over `path`, so `path` is either
  // the old file or the complete new one. The header is space-padded to a multiple of 8 bytes
  // and the tensors follow contiguously in insertion order.
  void write(const std::string& path) const;
  // Exact size of the file write() produces.
  uint64_t byteSize() const;

  const std::vector<Entry>& entries() const { return entries_; }
  const std::map<std::string, std::string>& metadata() const { return metadata_; }

 private:
  std::vector<Entry> entries_;
  std::map<std::string, size_t, std::less<>> names_;
  std::map<std::string, std::string> metadata_;
};

// A Hugging Face sharded checkpoint: `<base>.safetensors.index.json` with a "weight_map" from
// tensor name to shard file name, the shards living next to the index.
class ShardedSafetensors {
 public:
  // Opens every shard the weight_map references and checks that each mapped tensor exists in its
  // shard. Shard names containing '/', '\\' or ".." are rejected, so an index can only reach
  // files in its own folder. The index file itself may be at most limits.max_header_bytes long;
  // `limits` also applies to each shard. Tensors a shard holds but the weight_map does not list
  // are not reachable through find().
  static ShardedSafetensors open(const std::string& index_json_path, const SafetensorsLimits& limits = {});

  const TensorView* find(std::string_view name) const;
  // Every tensor name in the weight_map, sorted.
  std::vector<std::string> names() const;
  // The opened shards, in order of file name.
  const std::vector<SafetensorsFile>& shards() const { return shards_; }

 private:
  struct Location {
    size_t shard;
    size_t tensor;
  };
  std::vector<SafetensorsFile> shards_;
  std::map<std::string, Location, std::less<>> locations_;
};

// Splits `writer`'s tensors, kept whole and in insertion order, into shards whose data sections
// stay within `max_shard_bytes` (a larger tensor gets a shard of its own). Writes
// `<folder>/<base_name>-0000i-of-0000n.safetensors` (each carrying the writer's metadata) and
// `<folder>/<base_name>.safetensors.index.json` with metadata.total_size = sum of tensor bytes.
// Creates `folder` if needed. Every file is written atomically; the index is written last.
void writeSharded(const SafetensorsWriter& writer, const std::string& folder, const std::string& base_name,
                  uint64_t max_shard_bytes);

}  // namespace routescope::core
