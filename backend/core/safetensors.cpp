#include "backend/core/safetensors.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <system_error>
#include <tuple>
#include <utility>

#include "backend/core/error.h"

namespace routescope::core {
namespace {

using nlohmann::json;

// Real headers nest three levels deep ({name: {shape: [...]}}); anything much deeper is hostile
// and would only cost memory, so it is refused before parsing.
constexpr size_t kMaxJsonDepth = 64;
// Names and parser messages can be as long as the header; error messages stay readable.
constexpr size_t kMaxQuotedBytes = 120;
constexpr size_t kMaxMessageBytes = 800;
constexpr size_t kMaxShownDims = 16;
constexpr std::string_view kMetadataKey = "__metadata__";

struct DTypeInfo {
  DType dtype;
  std::string_view name;
  size_t size;
};

constexpr std::array<DTypeInfo, 10> kDTypes = {{
    {DType::F64, "F64", 8},
    {DType::F32, "F32", 4},
    {DType::F16, "F16", 2},
    {DType::BF16, "BF16", 2},
    {DType::I64, "I64", 8},
    {DType::I32, "I32", 4},
    {DType::I16, "I16", 2},
    {DType::I8, "I8", 1},
    {DType::U8, "U8", 1},
    {DType::BOOL, "BOOL", 1},
}};

const DTypeInfo& infoOf(DType dtype) {
  for (const auto& info : kDTypes) {
    if (info.dtype == dtype) return info;
  }
  throw Error("invalid DType value " + std::to_string(static_cast<int>(dtype)));
}

std::optional<DType> lookupDType(std::string_view name) {
  for (const auto& info : kDTypes) {
    if (info.name == name) return info.dtype;
  }
  return std::nullopt;
}

// Cuts `text` to at most `max_bytes` without splitting a UTF-8 sequence.
std::string_view truncateUtf8(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut);
}

// Messages must stay on one line whatever the file contains: control characters become '?'.
std::string oneLine(std::string_view text) {
  std::string out(truncateUtf8(text, kMaxMessageBytes));
  if (out.size() < text.size()) out += "...";
  for (char& c : out) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) c = '?';
  }
  return out;
}

[[noreturn]] void fail(std::string_view path, std::string_view problem) {
  std::string message(path);
  message += ": ";
  message += problem;
  throw Error(oneLine(message));
}

// 'name' with control characters escaped, shortened if long.
std::string quote(std::string_view name) {
  const std::string_view shown = truncateUtf8(name, kMaxQuotedBytes);
  std::string out = "'";
  for (char c : shown) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", u);
      out += buf;
    } else {
      out += c;
    }
  }
  if (shown.size() < name.size()) out += "...";
  out += "'";
  return out;
}

std::string shapeText(std::span<const int64_t> shape) {
  std::string out = "[";
  for (size_t i = 0; i < shape.size(); ++i) {
    if (i > 0) out += ", ";
    if (i == kMaxShownDims) {
      out += "...";
      break;
    }
    out += std::to_string(shape[i]);
  }
  return out + "]";
}

std::string rangeText(uint64_t begin, uint64_t end) {
  return "[" + std::to_string(begin) + ", " + std::to_string(end) + ")";
}

std::string errnoText(int err) {
  return std::error_code(err, std::generic_category()).message();
}

// Offset of the first byte that is not well-formed UTF-8 (no overlongs, surrogates or code
// points above U+10FFFF), or npos when the whole text is valid.
size_t invalidUtf8Offset(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    size_t length = 0;
    uint32_t code_point = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
      code_point = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
      length = 3;
      code_point = lead & 0x0F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      code_point = lead & 0x07;
    } else {
      return i;
    }
    if (text.size() - i < length) return i;
    for (size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return i;
      code_point = (code_point << 6) | (next & 0x3F);
    }
    const bool overlong = (length == 3 && code_point < 0x800) || (length == 4 && code_point < 0x10000);
    const bool surrogate = code_point >= 0xD800 && code_point <= 0xDFFF;
    if (overlong || surrogate || code_point > 0x10FFFF) return i;
    i += length;
  }
  return std::string_view::npos;
}

// Deepest nesting of arrays and objects outside string literals; stops early once past `cap`.
size_t jsonNestingDepth(std::string_view text, size_t cap) {
  size_t depth = 0;
  size_t deepest = 0;
  bool in_string = false;
  bool escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
      if (deepest > cap) return deepest;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

// Parses JSON text, refusing invalid UTF-8, deep nesting and duplicate object keys (the spec
// forbids duplicates; nlohmann would silently keep the last one). `what` names the text in
// messages ("header", "index").
json parseJsonText(std::string_view path, std::string_view text, std::string_view what) {
  const std::string subject(what);
  if (const size_t bad = invalidUtf8Offset(text); bad != std::string_view::npos) {
    fail(path, subject + " is not valid UTF-8 text (bad byte at offset " + std::to_string(bad) + " of the " +
                   subject + ")");
  }
  if (jsonNestingDepth(text, kMaxJsonDepth) > kMaxJsonDepth) {
    fail(path, subject + " JSON nests deeper than " + std::to_string(kMaxJsonDepth) + " levels");
  }
  std::vector<std::set<std::string>> open_objects;
  std::string duplicate;
  const json::parser_callback_t track_keys = [&](int, json::parse_event_t event, json& parsed) {
    if (event == json::parse_event_t::object_start) {
      open_objects.emplace_back();
    } else if (event == json::parse_event_t::object_end) {
      if (!open_objects.empty()) open_objects.pop_back();
    } else if (event == json::parse_event_t::key && duplicate.empty() && !open_objects.empty()) {
      const auto& key = parsed.get_ref<const std::string&>();
      if (!open_objects.back().insert(key).second) duplicate = key;
    }
    return true;
  };
  json parsed;
  try {
    parsed = json::parse(text.begin(), text.end(), track_keys);
  } catch (const json::exception& e) {
    // Drop nlohmann's "[json.exception.parse_error.101] " prefix; keep the position and reason.
    std::string_view reason = e.what();
    if (const size_t close = reason.find("] "); close != std::string_view::npos) {
      reason.remove_prefix(close + 2);
    }
    fail(path, subject + " is not valid JSON: " + std::string(reason));
  }
  if (!duplicate.empty()) fail(path, subject + " JSON repeats the key " + quote(duplicate));
  return parsed;
}

uint64_t readLe64(const std::byte* p) {
  uint64_t value = 0;
  for (int i = 7; i >= 0; --i) value = (value << 8) | std::to_integer<uint64_t>(p[i]);
  return value;
}

// numel of a shape whose dims are known to be non-negative; nullopt on int64 overflow. A zero dim
// makes the tensor empty however large the other dims are.
std::optional<int64_t> checkedNumel(std::span<const int64_t> shape) {
  if (std::find(shape.begin(), shape.end(), 0) != shape.end()) return 0;
  int64_t numel = 1;
  for (int64_t dim : shape) {
    if (__builtin_mul_overflow(numel, dim, &numel)) return std::nullopt;
  }
  return numel;
}

std::optional<uint64_t> checkedByteSize(int64_t numel, DType dtype) {
  uint64_t bytes = 0;
  if (__builtin_mul_overflow(static_cast<uint64_t>(numel), dtypeSize(dtype), &bytes)) {
    return std::nullopt;
  }
  return bytes;
}

// The byte size a tensor must have; throws (prefixed with `where`) on a bad shape.
uint64_t requiredBytes(std::string_view where, std::string_view name, DType dtype,
                       std::span<const int64_t> shape) {
  for (int64_t dim : shape) {
    if (dim < 0) {
      fail(where, "tensor " + quote(name) + " has a negative dimension " + std::to_string(dim) +
                      " in shape " + shapeText(shape));
    }
  }
  const std::optional<int64_t> numel = checkedNumel(shape);
  if (!numel) {
    fail(where, "tensor " + quote(name) + " shape " + shapeText(shape) +
                    " has an element count that overflows 64 bits");
  }
  const std::optional<uint64_t> bytes = checkedByteSize(*numel, dtype);
  if (!bytes) {
    fail(where, "tensor " + quote(name) + " shape " + shapeText(shape) + " of " +
                    std::string(dtypeName(dtype)) + " has a byte size that overflows 64 bits");
  }
  return *bytes;
}

// ---- Decoding -------------------------------------------------------------------------------

template <size_t N>
uint64_t loadLe(const std::byte* p) {
  uint64_t value = 0;
  for (size_t i = N; i-- > 0;) value = (value << 8) | std::to_integer<uint64_t>(p[i]);
  return value;
}

template <typename Signed, size_t N>
Signed loadSigned(const std::byte* p) {
  using Unsigned = std::make_unsigned_t<Signed>;
  return std::bit_cast<Signed>(static_cast<Unsigned>(loadLe<N>(p)));
}

float halfToFloat(uint16_t half) {
  const uint32_t sign = static_cast<uint32_t>(half & 0x8000u) << 16;
  uint32_t exponent = (half >> 10) & 0x1Fu;
  uint32_t mantissa = half & 0x3FFu;
  uint32_t bits = 0;
  if (exponent == 0x1F) {
    bits = sign | 0x7F800000u | (mantissa << 13);  // inf, or NaN keeping its payload
  } else if (exponent != 0) {
    bits = sign | ((exponent + 112) << 23) | (mantissa << 13);  // rebias 15 -> 127
  } else if (mantissa == 0) {
    bits = sign;  // +-0
  } else {
    // Subnormal half: shift the mantissa up to an implicit leading 1; every half subnormal is a
    // normal float.
    int32_t e = 1;
    while ((mantissa & 0x400u) == 0) {
      mantissa <<= 1;
      --e;
    }
    bits = sign | (static_cast<uint32_t>(e + 112) << 23) | ((mantissa & 0x3FFu) << 13);
  }
  return std::bit_cast<float>(bits);
}

float bfloat16ToFloat(uint16_t value) {
  return std::bit_cast<float>(static_cast<uint32_t>(value) << 16);
}

// double -> float with IEEE round-to-nearest, defined for out-of-range values (a plain cast of a
// finite double beyond float's range is undefined behaviour).
float narrowDouble(double value) {
  // FLT_MAX plus half an ulp: from here on, round-to-nearest-even gives infinity.
  constexpr double kOverflow = 0x1.ffffffp127;
  if (std::isfinite(value) && std::fabs(value) >= kOverflow) {
    constexpr float kInf = std::numeric_limits<float>::infinity();
    return value > 0 ? kInf : -kInf;
  }
  return static_cast<float>(value);
}

float decodeElement(DType dtype, const std::byte* p) {
  switch (dtype) {
    case DType::F64:
      return narrowDouble(std::bit_cast<double>(loadLe<8>(p)));
    case DType::F32:
      return std::bit_cast<float>(static_cast<uint32_t>(loadLe<4>(p)));
    case DType::F16:
      return halfToFloat(static_cast<uint16_t>(loadLe<2>(p)));
    case DType::BF16:
      return bfloat16ToFloat(static_cast<uint16_t>(loadLe<2>(p)));
    case DType::I64:
      return static_cast<float>(loadSigned<int64_t, 8>(p));
    case DType::I32:
      return static_cast<float>(loadSigned<int32_t, 4>(p));
    case DType::I16:
      return static_cast<float>(loadSigned<int16_t, 2>(p));
    case DType::I8:
      return static_cast<float>(loadSigned<int8_t, 1>(p));
    case DType::U8:
      return static_cast<float>(std::to_integer<uint8_t>(*p));
    case DType::BOOL:
      return *p != std::byte{0} ? 1.0f : 0.0f;
  }
  return 0.0f;  // unreachable: every enumerator is handled above
}

// ---- Files ----------------------------------------------------------------------------------

class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  FileDescriptor(FileDescriptor&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  FileDescriptor& operator=(FileDescriptor&&) = delete;
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  // Closes now so the caller can see the error (close can report deferred write errors).
  int close() {
    const int result = ::close(fd_);
    fd_ = -1;
    return result;
  }

 private:
  int fd_;
};

// Opens `path` for reading and returns it with its size; refuses anything but a regular file.
// O_NONBLOCK keeps a FIFO from hanging the open.
FileDescriptor openForReading(const std::string& path, uint64_t& size) {
  FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
  if (fd.get() < 0) fail(path, "cannot open file: " + errnoText(errno));
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) fail(path, "cannot stat file: " + errnoText(errno));
  if (!S_ISREG(info.st_mode)) fail(path, "not a regular file");
  size = static_cast<uint64_t>(info.st_size);
  return fd;
}

std::string readSmallFile(const std::string& path, uint64_t max_bytes, std::string_view what) {
  uint64_t size = 0;
  FileDescriptor fd = openForReading(path, size);
  if (size > max_bytes) {
    fail(path, std::string(what) + " is " + std::to_string(size) + " bytes, over the limit of " +
                   std::to_string(max_bytes) + " bytes");
  }
  std::string text(static_cast<size_t>(size), '\0');
  size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::read(fd.get(), text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail(path, "cannot read file: " + errnoText(errno));
    if (n == 0) fail(path, "file shrank while being read");
    done += static_cast<size_t>(n);
  }
  return text;
}

// Writes the chunks to `path`.tmp, fsyncs, and renames over `path`; removes the temporary file
// on any failure so no partial file is left behind.
void writeAtomically(const std::string& path, std::span<const std::span<const std::byte>> chunks) {
  const std::string tmp = path + ".tmp";
  FileDescriptor fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
  if (fd.get() < 0) fail(tmp, "cannot create file: " + errnoText(errno));
  const auto abandon = [&](std::string_view action, int err) {
    fd.close();
    ::unlink(tmp.c_str());
    fail(tmp, std::string(action) + ": " + errnoText(err));
  };
  for (std::span<const std::byte> chunk : chunks) {
    while (!chunk.empty()) {
      const ssize_t n = ::write(fd.get(), chunk.data(), chunk.size());
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) abandon("cannot write file", errno);
      chunk = chunk.subspan(static_cast<size_t>(n));
    }
  }
  if (::fsync(fd.get()) != 0) abandon("cannot flush file", errno);
  if (fd.close() != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    fail(tmp, "cannot close file: " + errnoText(err));
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    fail(path, "cannot replace file with " + tmp + ": " + errnoText(err));
  }
}

std::span<const std::byte> asBytes(std::string_view text) {
  return std::as_bytes(std::span<const char>(text.data(), text.size()));
}

// ---- Header parsing -------------------------------------------------------------------------

std::string_view jsonTypeName(const json& value) {
  if (value.is_number_integer()) return "an integer";
  if (value.is_number_float()) return "a non-integer number";
  switch (value.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::object:
      return "an object";
    case json::value_t::array:
      return "an array";
    case json::value_t::string:
      return "a string";
    case json::value_t::boolean:
      return "a boolean";
    default:
      return "a non-JSON value";
  }
}

struct HeaderEntry {
  std::string name;
  DType dtype;
  std::vector<int64_t> shape;
  uint64_t begin;
  uint64_t end;
};

std::map<std::string, std::string> parseMetadata(std::string_view path, const json& value) {
  if (!value.is_object()) {
    fail(path, "'__metadata__' must be an object of strings, not " + std::string(jsonTypeName(value)));
  }
  std::map<std::string, std::string> metadata;
  for (const auto& [key, item] : value.items()) {
    if (!item.is_string()) {
      fail(path, "'__metadata__' must map strings to strings, but key " + quote(key) + " holds " +
                     std::string(jsonTypeName(item)));
    }
    metadata.emplace(key, item.get<std::string>());
  }
  return metadata;
}

const json& requireField(std::string_view path, const std::string& name, const json& entry,
                         const char* field) {
  const auto it = entry.find(field);
  if (it == entry.end()) fail(path, "tensor " + quote(name) + " has no '" + field + "'");
  return *it;
}

std::vector<int64_t> parseShape(std::string_view path, const std::string& name, const json& value,
                                const SafetensorsLimits& limits) {
  if (!value.is_array()) {
    fail(path, "tensor " + quote(name) + " 'shape' must be an array of integers, not " +
                   std::string(jsonTypeName(value)));
  }
  if (value.size() > limits.max_rank) {
    fail(path, "tensor " + quote(name) + " has rank " + std::to_string(value.size()) +
                   ", over the limit of " + std::to_string(limits.max_rank));
  }
  std::vector<int64_t> shape;
  shape.reserve(value.size());
  for (const json& dim : value) {
    if (!dim.is_number_integer()) {
      fail(path, "tensor " + quote(name) + " 'shape' must be an array of integers, but holds " +
                     std::string(jsonTypeName(dim)));
    }
    if (dim.is_number_unsigned() &&
        dim.get<uint64_t>() > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
      fail(path, "tensor " + quote(name) + " dimension " + std::to_string(dim.get<uint64_t>()) +
                     " has an element count that overflows 64 bits");
    }
    shape.push_back(dim.get<int64_t>());
  }
  return shape;
}

std::pair<uint64_t, uint64_t> parseOffsets(std::string_view path, const std::string& name,
                                           const json& value) {
  const bool pair_of_unsigned =
      value.is_array() && value.size() == 2 && value[0].is_number_unsigned() && value[1].is_number_unsigned();
  if (!pair_of_unsigned) {
    fail(path, "tensor " + quote(name) +
                   " 'data_offsets' must be an array of two non-negative integers, not " +
                   value.dump(-1, ' ', false, json::error_handler_t::replace));
  }
  return {value[0].get<uint64_t>(), value[1].get<uint64_t>()};
}

HeaderEntry parseEntry(std::string_view path, const std::string& name, const json& entry,
                       const SafetensorsLimits& limits) {
  if (!entry.is_object()) {
    fail(path, "tensor " + quote(name) + " must be an object, not " + std::string(jsonTypeName(entry)));
  }
  const json& dtype_json = requireField(path, name, entry, "dtype");
  const json& shape_json = requireField(path, name, entry, "shape");
  const json& offsets_json = requireField(path, name, entry, "data_offsets");
  if (!dtype_json.is_string()) {
    fail(path,
         "tensor " + quote(name) + " 'dtype' must be a string, not " + std::string(jsonTypeName(dtype_json)));
  }
  const std::string& dtype_name = dtype_json.get_ref<const std::string&>();
  const std::optional<DType> dtype = lookupDType(dtype_name);
  if (!dtype) fail(path, "tensor " + quote(name) + " has unknown dtype " + quote(dtype_name));

  HeaderEntry parsed{name, *dtype, parseShape(path, name, shape_json, limits), 0, 0};
  std::tie(parsed.begin, parsed.end) = parseOffsets(path, name, offsets_json);

  const uint64_t needed = requiredBytes(path, name, parsed.dtype, parsed.shape);
  if (needed > limits.max_tensor_bytes) {
    fail(path, "tensor " + quote(name) + " is " + std::to_string(needed) + " bytes, over the limit of " +
                   std::to_string(limits.max_tensor_bytes));
  }
  if (parsed.begin > parsed.end) {
    fail(path, "tensor " + quote(name) + " data offsets " + rangeText(parsed.begin, parsed.end) +
                   " begin after they end");
  }
  if (parsed.end - parsed.begin != needed) {
    fail(path, "tensor " + quote(name) + " data offsets " + rangeText(parsed.begin, parsed.end) + " hold " +
                   std::to_string(parsed.end - parsed.begin) + " bytes but shape " + shapeText(parsed.shape) +
                   " of " + dtype_name + " needs " + std::to_string(needed));
  }
  return parsed;
}

// Checks, in file order, that the tensors tile [0, data_size) exactly.
void checkLayout(std::string_view path, const std::vector<HeaderEntry>& sorted, uint64_t data_size) {
  uint64_t covered = 0;  // end of the bytes claimed so far
  const HeaderEntry* previous = nullptr;
  for (const HeaderEntry& entry : sorted) {
    if (entry.end > data_size) {
      // A tensor that starts exactly where the previous one ended but runs off the end means the
      // file lost its tail; say so, as that is the usual cause.
      const bool truncated = entry.begin == covered;
      fail(path, "tensor " + quote(entry.name) + " data offsets " + rangeText(entry.begin, entry.end) +
                     " exceed the data section of " + std::to_string(data_size) + " bytes" +
                     (truncated ? " (the file looks truncated)" : ""));
    }
    if (entry.begin < covered) {
      fail(path, "tensor " + quote(entry.name) + " data offsets " + rangeText(entry.begin, entry.end) +
                     " overlap tensor " + quote(previous->name) + " " +
                     rangeText(previous->begin, previous->end));
    }
    if (entry.begin > covered) {
      fail(path, "data section bytes " + rangeText(covered, entry.begin) +
                     " are not covered by any tensor (gap before tensor " + quote(entry.name) + ")");
    }
    covered = entry.end;
    previous = &entry;
  }
  if (covered < data_size) {
    fail(path, "data section bytes " + rangeText(covered, data_size) +
                   " are not covered by any tensor (gap at the end)");
  }
}

bool validShardName(std::string_view name) {
  return !name.empty() && name.find('/') == std::string_view::npos &&
         name.find('\\') == std::string_view::npos && name.find('\0') == std::string_view::npos &&
         name.find("..") == std::string_view::npos && name != ".";
}

// ---- Writing --------------------------------------------------------------------------------

using Entry = SafetensorsWriter::Entry;

// The header text for `entries` laid out contiguously, padded with spaces so the data section
// starts at a multiple of 8 (8 bytes of length + header).
std::string headerText(const std::map<std::string, std::string>& metadata,
                       std::span<const Entry* const> entries) {
  // Built by hand rather than through a json object to keep insertion order cheaply.
  std::string text = "{";
  if (!metadata.empty()) text += "\"__metadata__\":" + json(metadata).dump();
  uint64_t offset = 0;
  for (const Entry* entry : entries) {
    if (text.size() > 1) text += ',';
    text += json(entry->name).dump();
    text += ":{\"dtype\":\"";
    text += dtypeName(entry->dtype);
    text += "\",\"shape\":";
    text += json(entry->shape).dump();
    const uint64_t end = offset + entry->bytes.size();
    text += ",\"data_offsets\":[" + std::to_string(offset) + "," + std::to_string(end) + "]}";
    offset = end;
  }
  text += '}';
  text.append((8 - text.size() % 8) % 8, ' ');
  return text;
}

void writeEntries(const std::string& path, const std::map<std::string, std::string>& metadata,
                  std::span<const Entry* const> entries) {
  const std::string header = headerText(metadata, entries);
  std::array<std::byte, 8> length{};
  for (size_t i = 0; i < 8; ++i) length[i] = static_cast<std::byte>(header.size() >> (8 * i));
  std::vector<std::span<const std::byte>> chunks;
  chunks.reserve(entries.size() + 2);
  chunks.emplace_back(length);
  chunks.push_back(asBytes(header));
  for (const Entry* entry : entries) chunks.emplace_back(entry->bytes);
  writeAtomically(path, chunks);
}

std::vector<const Entry*> pointersTo(const std::vector<Entry>& entries) {
  std::vector<const Entry*> pointers;
  pointers.reserve(entries.size());
  for (const Entry& entry : entries) pointers.push_back(&entry);
  return pointers;
}

void requireUtf8(std::string_view what, std::string_view text) {
  if (invalidUtf8Offset(text) != std::string_view::npos) {
    fail("safetensors writer", std::string(what) + " " + quote(text) + " is not valid UTF-8");
  }
}

}  // namespace

// ---- DType ----------------------------------------------------------------------------------

std::string_view dtypeName(DType dtype) {
  return infoOf(dtype).name;
}

size_t dtypeSize(DType dtype) {
  return infoOf(dtype).size;
}

DType parseDType(std::string_view name) {
  if (const std::optional<DType> dtype = lookupDType(name)) return *dtype;
  throw Error(oneLine("unknown safetensors dtype " + quote(name)));
}

// ---- TensorView -----------------------------------------------------------------------------

int64_t TensorView::numel() const {
  for (int64_t dim : shape) {
    if (dim < 0) {
      throw Error(
          oneLine("tensor " + quote(name) + " has a negative dimension in shape " + shapeText(shape)));
    }
  }
  const std::optional<int64_t> count = checkedNumel(shape);
  if (!count) {
    throw Error(oneLine("tensor " + quote(name) + " shape " + shapeText(shape) +
                        " has an element count that overflows 64 bits"));
  }
  return *count;
}

std::vector<float> toFloat32(const TensorView& tensor) {
  const int64_t numel = tensor.numel();
  const size_t element_size = dtypeSize(tensor.dtype);
  const std::optional<uint64_t> needed = checkedByteSize(numel, tensor.dtype);
  if (!needed || *needed != tensor.bytes.size()) {
    throw Error(oneLine("tensor " + quote(tensor.name) + " has " + std::to_string(tensor.bytes.size()) +
                        " bytes but shape " + shapeText(tensor.shape) + " of " +
                        std::string(dtypeName(tensor.dtype)) + " needs " +
                        (needed ? std::to_string(*needed) : std::string("more than 2^64"))));
  }
  std::vector<float> values(static_cast<size_t>(numel));
  const std::byte* p = tensor.bytes.data();
  for (float& value : values) {
    value = decodeElement(tensor.dtype, p);
    p += element_size;
  }
  return values;
}

// ---- SafetensorsFile ------------------------------------------------------------------------

struct SafetensorsFile::Mapping {
  const std::byte* data = nullptr;
  size_t size = 0;

  Mapping() = default;
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;
  ~Mapping() {
    if (data != nullptr) ::munmap(const_cast<std::byte*>(data), size);
  }
};

SafetensorsFile::SafetensorsFile() = default;
SafetensorsFile::SafetensorsFile(SafetensorsFile&&) noexcept = default;
SafetensorsFile& SafetensorsFile::operator=(SafetensorsFile&&) noexcept = default;
SafetensorsFile::~SafetensorsFile() = default;

SafetensorsFile SafetensorsFile::open(const std::string& path, const SafetensorsLimits& limits) {
  SafetensorsFile file;
  file.path_ = path;
  file.mapping_ = std::make_unique<Mapping>();
  uint64_t size = 0;
  FileDescriptor fd = openForReading(path, size);
  if (size > std::numeric_limits<size_t>::max()) fail(path, "file is too large to map");
  // mmap rejects a zero length; such a file fails the size check in parse() anyway.
  if (size > 0) {
    void* address = ::mmap(nullptr, static_cast<size_t>(size), PROT_READ, MAP_PRIVATE, fd.get(), 0);
    if (address == MAP_FAILED) fail(path, "cannot map file: " + errnoText(errno));
    file.mapping_->data = static_cast<const std::byte*>(address);
    file.mapping_->size = static_cast<size_t>(size);
  }
  file.parse(limits);
  return file;
}

std::span<const std::byte> SafetensorsFile::mappedBytes() const {
  if (!mapping_) return {};
  return {mapping_->data, mapping_->size};
}

const TensorView* SafetensorsFile::find(std::string_view name) const {
  const auto it = index_.find(name);
  return it == index_.end() ? nullptr : &tensors_[it->second];
}

void SafetensorsFile::parse(const SafetensorsLimits& limits) {
  const std::span<const std::byte> file = mappedBytes();
  if (file.size() < 8) {
    fail(path_, "file is " + std::to_string(file.size()) + " bytes, too short for the 8-byte header length");
  }
  const uint64_t header_size = readLe64(file.data());
  if (header_size > limits.max_header_bytes) {
    fail(path_, "header length " + std::to_string(header_size) + " exceeds the limit of " +
                    std::to_string(limits.max_header_bytes) + " bytes");
  }
  if (header_size > file.size() - 8) {
    fail(path_, "header length " + std::to_string(header_size) + " runs past the end of the file (" +
                    std::to_string(file.size()) + " bytes)");
  }
  const std::string_view text(reinterpret_cast<const char*>(file.data() + 8),
                              static_cast<size_t>(header_size));
  const json header = parseJsonText(path_, text, "header");
  if (!header.is_object()) {
    fail(path_, "header JSON is " + std::string(jsonTypeName(header)) + ", not an object");
  }
  const std::span<const std::byte> data = file.subspan(8 + static_cast<size_t>(header_size));

  const bool has_metadata = header.contains(kMetadataKey);
  if (header.size() - (has_metadata ? 1 : 0) > limits.max_tensors) {
    fail(path_, "header lists " + std::to_string(header.size() - (has_metadata ? 1 : 0)) +
                    " tensors, over the limit of " + std::to_string(limits.max_tensors));
  }
  std::vector<HeaderEntry> entries;
  entries.reserve(header.size());
  for (const auto& [name, value] : header.items()) {
    if (name == kMetadataKey) {
      metadata_ = parseMetadata(path_, value);
    } else {
      entries.push_back(parseEntry(path_, name, value, limits));
    }
  }
  // Stable: zero-size tensors sharing an offset keep the header's (sorted-by-name) order.
  std::stable_sort(entries.begin(), entries.end(), [](const HeaderEntry& a, const HeaderEntry& b) {
    return std::tie(a.begin, a.end) < std::tie(b.begin, b.end);
  });
  checkLayout(path_, entries, data.size());

  tensors_.reserve(entries.size());
  for (HeaderEntry& entry : entries) {
    const auto bytes =
        data.subspan(static_cast<size_t>(entry.begin), static_cast<size_t>(entry.end - entry.begin));
    index_.emplace(entry.name, tensors_.size());
    tensors_.push_back(TensorView{std::move(entry.name), entry.dtype, std::move(entry.shape), bytes});
  }
}

// ---- SafetensorsWriter ----------------------------------------------------------------------

void SafetensorsWriter::add(std::string name, DType dtype, std::vector<int64_t> shape,
                            std::span<const std::byte> bytes) {
  constexpr std::string_view kWhere = "safetensors writer";
  if (name.empty()) fail(kWhere, "tensor names must not be empty");
  if (name == kMetadataKey) fail(kWhere, "the tensor name '__metadata__' is reserved");
  requireUtf8("tensor name", name);
  if (names_.contains(name)) fail(kWhere, "tensor " + quote(name) + " was already added");
  const uint64_t needed = requiredBytes(kWhere, name, dtype, shape);
  if (needed != bytes.size()) {
    fail(kWhere, "tensor " + quote(name) + " has " + std::to_string(bytes.size()) + " bytes but shape " +
                     shapeText(shape) + " of " + std::string(dtypeName(dtype)) + " needs " +
                     std::to_string(needed));
  }
  names_.emplace(name, entries_.size());
  entries_.push_back(Entry{std::move(name), dtype, std::move(shape), {bytes.begin(), bytes.end()}});
}

void SafetensorsWriter::setMetadata(std::map<std::string, std::string> metadata) {
  for (const auto& [key, value] : metadata) {
    requireUtf8("metadata key", key);
    requireUtf8("metadata value", value);
  }
  metadata_ = std::move(metadata);
}

void SafetensorsWriter::write(const std::string& path) const {
  writeEntries(path, metadata_, pointersTo(entries_));
}

uint64_t SafetensorsWriter::byteSize() const {
  uint64_t size = 8 + headerText(metadata_, pointersTo(entries_)).size();
  for (const Entry& entry : entries_) size += entry.bytes.size();
  return size;
}

// ---- Sharded checkpoints --------------------------------------------------------------------

ShardedSafetensors ShardedSafetensors::open(const std::string& index_json_path,
                                            const SafetensorsLimits& limits) {
  const std::string& path = index_json_path;
  const std::string text = readSmallFile(path, limits.max_header_bytes, "index");
  const json index = parseJsonText(path, text, "index");
  if (!index.is_object()) {
    fail(path, "index JSON is " + std::string(jsonTypeName(index)) + ", not an object");
  }
  const auto weight_map = index.find("weight_map");
  if (weight_map == index.end() || !weight_map->is_object()) {
    fail(path, "index has no 'weight_map' object");
  }
  if (const auto metadata = index.find("metadata"); metadata != index.end() && !metadata->is_object()) {
    fail(path, "index 'metadata' must be an object, not " + std::string(jsonTypeName(*metadata)));
  }

  // Shard file names, validated, each opened once (std::map: shards_ ordered by name).
  std::map<std::string, size_t> shard_numbers;
  for (const auto& [tensor, shard] : weight_map->items()) {
    if (!shard.is_string()) {
      fail(path, "weight_map entry " + quote(tensor) + " must be a shard file name, not " +
                     std::string(jsonTypeName(shard)));
    }
    const std::string& shard_name = shard.get_ref<const std::string&>();
    if (!validShardName(shard_name)) {
      fail(path, "weight_map entry " + quote(tensor) + " names shard " + quote(shard_name) +
                     ", which is not a plain file name in the index's folder");
    }
    shard_numbers.emplace(shard_name, 0);
  }

  ShardedSafetensors sharded;
  const std::filesystem::path folder = std::filesystem::path(path).parent_path();
  for (auto& [shard_name, number] : shard_numbers) {
    number = sharded.shards_.size();
    try {
      sharded.shards_.push_back(SafetensorsFile::open((folder / shard_name).string(), limits));
    } catch (const Error& e) {
      fail(path, "shard " + quote(shard_name) + " is unusable: " + e.what());
    }
  }

  for (const auto& [tensor, shard] : weight_map->items()) {
    const std::string& shard_name = shard.get_ref<const std::string&>();
    const size_t number = shard_numbers.at(shard_name);
    const SafetensorsFile& file = sharded.shards_[number];
    const TensorView* view = file.find(tensor);
    if (view == nullptr) {
      fail(path, "weight_map puts tensor " + quote(tensor) + " in shard " + quote(shard_name) +
                     ", which has no such tensor");
    }
    sharded.locations_.emplace(tensor, Location{number, static_cast<size_t>(view - file.tensors().data())});
  }
  return sharded;
}

const TensorView* ShardedSafetensors::find(std::string_view name) const {
  const auto it = locations_.find(name);
  if (it == locations_.end()) return nullptr;
  return &shards_[it->second.shard].tensors()[it->second.tensor];
}

std::vector<std::string> ShardedSafetensors::names() const {
  std::vector<std::string> names;
  names.reserve(locations_.size());
  for (const auto& [name, location] : locations_) names.push_back(name);
  return names;  // std::map iteration is already sorted
}

void writeSharded(const SafetensorsWriter& writer, const std::string& folder, const std::string& base_name,
                  uint64_t max_shard_bytes) {
  constexpr std::string_view kWhere = "safetensors writer";
  if (!validShardName(base_name)) {
    fail(kWhere, "shard base name " + quote(base_name) + " must be a plain file name");
  }
  if (max_shard_bytes == 0) fail(kWhere, "max_shard_bytes must be positive");

  // Greedy packing in insertion order, like the Hugging Face tools: tensors stay whole.
  std::vector<std::vector<const Entry*>> shards(1);
  uint64_t shard_bytes = 0;
  uint64_t total_bytes = 0;
  for (const Entry& entry : writer.entries()) {
    const uint64_t size = entry.bytes.size();
    if (!shards.back().empty() && size > max_shard_bytes - std::min(shard_bytes, max_shard_bytes)) {
      shards.emplace_back();
      shard_bytes = 0;
    }
    shards.back().push_back(&entry);
    shard_bytes += size;
    total_bytes += size;
  }
  if (shards.size() > 99999) {
    fail(kWhere, "sharding would need " + std::to_string(shards.size()) +
                     " shards, more than the 5-digit names allow");
  }

  std::error_code error;
  std::filesystem::create_directories(folder, error);
  if (error) fail(folder, "cannot create folder: " + error.message());

  json weight_map = json::object();
  for (size_t i = 0; i < shards.size(); ++i) {
    char suffix[64];
    std::snprintf(suffix, sizeof suffix, "-%05zu-of-%05zu.safetensors", i + 1, shards.size());
    const std::string shard_name = base_name + suffix;
    writeEntries((std::filesystem::path(folder) / shard_name).string(), writer.metadata(), shards[i]);
    for (const Entry* entry : shards[i]) weight_map[entry->name] = shard_name;
  }
  const json index = {{"metadata", {{"total_size", total_bytes}}}, {"weight_map", weight_map}};
  const std::string text = index.dump(2) + "\n";
  const std::span<const std::byte> chunk = asBytes(text);
  const std::filesystem::path index_path =
      std::filesystem::path(folder) / (base_name + ".safetensors.index.json");
  writeAtomically(index_path.string(), {&chunk, 1});
}

}  // namespace routescope::core
