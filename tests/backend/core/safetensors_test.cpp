// Tests for backend/core/safetensors. Fixtures come from tests/fixtures/write_safetensors.py, an
// independent standard-library Python writer, in the folder named by ROUTESCOPE_FIXTURES_DIR.

#include "backend/core/safetensors.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "backend/core/error.h"

namespace routescope::core {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// The fixture sidecars hold values, the tests compare them with raw bytes copied into host types.
static_assert(std::endian::native == std::endian::little, "tests assume a little-endian host");

constexpr DType kAllDTypes[] = {DType::F64, DType::F32, DType::F16, DType::BF16, DType::I64,
                                DType::I32, DType::I16, DType::I8,  DType::U8,   DType::BOOL};

// A fresh folder under gtest's temp dir, removed with everything in it at the end of the test.
class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern = (fs::path(testing::TempDir()) / "safetensors_test.XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  ~ScratchDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  std::string file(const std::string& name) const { return (path_ / name).string(); }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeFile(const std::string& path, std::string_view content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
}

json readJson(const std::string& path) {
  return json::parse(readFile(path));
}

template <typename T>
std::span<const std::byte> bytesOf(const std::vector<T>& values) {
  return std::as_bytes(std::span<const T>(values));
}

// Deterministic filler bytes (a small LCG), so round trips compare non-trivial data.
std::vector<std::byte> patternBytes(size_t count, uint32_t seed) {
  std::vector<std::byte> bytes(count);
  uint32_t state = seed * 2654435761u + 1;
  for (std::byte& b : bytes) {
    state = state * 1664525u + 1013904223u;
    b = static_cast<std::byte>(state >> 24);
  }
  return bytes;
}

std::vector<int64_t> shapeOf(const json& value) {
  return value.get<std::vector<int64_t>>();
}

// The sidecars spell non-finite numbers as strings because JSON has none.
double expectedNumber(const json& value) {
  if (value.is_string()) {
    const auto& text = value.get_ref<const std::string&>();
    if (text == "nan") return std::numeric_limits<double>::quiet_NaN();
    if (text == "inf") return std::numeric_limits<double>::infinity();
    if (text == "-inf") return -std::numeric_limits<double>::infinity();
    throw std::runtime_error("unexpected number spelling " + text);
  }
  return value.get<double>();
}

// Equal bit for bit (so +0 and -0 differ), with any NaN matching any NaN.
testing::AssertionResult sameFloat(double expected, double actual) {
  if (std::isnan(expected) && std::isnan(actual)) return testing::AssertionSuccess();
  if (std::bit_cast<uint64_t>(expected) == std::bit_cast<uint64_t>(actual)) {
    return testing::AssertionSuccess();
  }
  return testing::AssertionFailure() << "expected " << expected << " (signbit " << std::signbit(expected)
                                     << "), got " << actual << " (signbit " << std::signbit(actual) << ")";
}

template <typename T>
T elementAt(const TensorView& view, size_t i) {
  T value;
  std::memcpy(&value, view.bytes.data() + i * sizeof(T), sizeof(T));
  return value;
}

// Checks the exact stored value of element i against the sidecar's "values".
void expectRawValue(const TensorView& view, size_t i, const json& expected) {
  SCOPED_TRACE("element " + std::to_string(i));
  switch (view.dtype) {
    case DType::F64:
      EXPECT_TRUE(sameFloat(expectedNumber(expected), elementAt<double>(view, i)));
      break;
    case DType::F32:
      EXPECT_TRUE(sameFloat(expectedNumber(expected), elementAt<float>(view, i)));
      break;
    case DType::F16:
    case DType::BF16:
      break;  // no host type; checked through "bits" and toFloat32
    case DType::I64:
      EXPECT_EQ(expected.get<int64_t>(), elementAt<int64_t>(view, i));
      break;
    case DType::I32:
      EXPECT_EQ(expected.get<int64_t>(), elementAt<int32_t>(view, i));
      break;
    case DType::I16:
      EXPECT_EQ(expected.get<int64_t>(), elementAt<int16_t>(view, i));
      break;
    case DType::I8:
      EXPECT_EQ(expected.get<int64_t>(), elementAt<int8_t>(view, i));
      break;
    case DType::U8:
    case DType::BOOL:
      EXPECT_EQ(expected.get<int64_t>(), elementAt<uint8_t>(view, i));
      break;
  }
}

// Opening must throw Error with a one-line message naming the file and containing `needle`.
testing::AssertionResult failsWith(const std::function<void()>& open, const std::string& file_name,
                                   const std::string& needle) {
  try {
    open();
  } catch (const Error& e) {
    const std::string message = e.what();
    if (message.find('\n') != std::string::npos || message.find('\r') != std::string::npos) {
      return testing::AssertionFailure() << "message spans lines: " << message;
    }
    if (message.find(file_name) == std::string::npos) {
      return testing::AssertionFailure() << "message does not name " << file_name << ": " << message;
    }
    if (message.find(needle) == std::string::npos) {
      return testing::AssertionFailure() << "message lacks '" << needle << "': " << message;
    }
    return testing::AssertionSuccess() << message;
  } catch (const std::exception& e) {
    return testing::AssertionFailure() << "threw a non-Error exception: " << e.what();
  }
  return testing::AssertionFailure() << "did not throw";
}

class PythonFixtures : public testing::Test {
 protected:
  void SetUp() override {
    const char* dir = std::getenv("ROUTESCOPE_FIXTURES_DIR");
    if (dir == nullptr || *dir == '\0') {
      GTEST_FAIL() << "ROUTESCOPE_FIXTURES_DIR is not set; run "
                      "tests/fixtures/write_safetensors.py OUTDIR and point it there";
    }
    dir_ = dir;
  }
  std::string fixture(const std::string& relative) const { return (dir_ / relative).string(); }

  fs::path dir_;
};

// ---- DType ----------------------------------------------------------------------------------

TEST(SafetensorsDType, NamesSizesAndParsing) {
  const std::map<DType, std::pair<std::string, size_t>> expected = {
      {DType::F64, {"F64", 8}},   {DType::F32, {"F32", 4}}, {DType::F16, {"F16", 2}},
      {DType::BF16, {"BF16", 2}}, {DType::I64, {"I64", 8}}, {DType::I32, {"I32", 4}},
      {DType::I16, {"I16", 2}},   {DType::I8, {"I8", 1}},   {DType::U8, {"U8", 1}},
      {DType::BOOL, {"BOOL", 1}}};
  for (DType dtype : kAllDTypes) {
    EXPECT_EQ(dtypeName(dtype), expected.at(dtype).first);
    EXPECT_EQ(dtypeSize(dtype), expected.at(dtype).second);
    EXPECT_EQ(parseDType(dtypeName(dtype)), dtype);
  }
  EXPECT_THROW(parseDType("f32"), Error);
  EXPECT_THROW(parseDType("F8_E4M3"), Error);
  EXPECT_THROW(parseDType(""), Error);
}

TEST(SafetensorsTensorView, InconsistentViewIsRejectedNotRead) {
  const std::vector<float> values = {1.0f, 2.0f};
  TensorView view{"w", DType::F32, {3}, bytesOf(values)};
  EXPECT_THROW(toFloat32(view), Error);
  view.shape = {-1};
  EXPECT_THROW(view.numel(), Error);
  view.shape = {int64_t{1} << 40, int64_t{1} << 40};
  EXPECT_THROW(view.numel(), Error);
  view.shape = {2};
  EXPECT_EQ(toFloat32(view), values);
}

// ---- Reading the Python fixtures ------------------------------------------------------------

TEST_F(PythonFixtures, EveryDTypeMatchesTheExpectedValues) {
  const json expected = readJson(fixture("all_dtypes.expected.json"));
  const SafetensorsFile file = SafetensorsFile::open(fixture("all_dtypes.safetensors"));

  using StringMap = std::map<std::string, std::string>;
  EXPECT_EQ(file.metadata(), expected["metadata"].get<StringMap>());
  std::vector<std::string> order;
  for (const TensorView& view : file.tensors()) order.push_back(view.name);
  EXPECT_EQ(order, expected["file_order"].get<std::vector<std::string>>());

  std::set<DType> seen;
  for (const auto& [name, want] : expected["tensors"].items()) {
    SCOPED_TRACE(name);
    const TensorView* view = file.find(name);
    ASSERT_NE(view, nullptr);
    seen.insert(view->dtype);
    EXPECT_EQ(dtypeName(view->dtype), want["dtype"].get<std::string>());
    EXPECT_EQ(view->shape, shapeOf(want["shape"]));
    const auto& values = want["values"];
    ASSERT_EQ(static_cast<size_t>(view->numel()), values.size());
    ASSERT_EQ(view->bytes.size(), values.size() * dtypeSize(view->dtype));

    for (size_t i = 0; i < values.size(); ++i) expectRawValue(*view, i, values[i]);
    if (want.contains("bits")) {
      for (size_t i = 0; i < values.size(); ++i) {
        EXPECT_EQ(elementAt<uint16_t>(*view, i), want["bits"][i].get<uint16_t>()) << i;
      }
    }
    const std::vector<float> floats = toFloat32(*view);
    ASSERT_EQ(floats.size(), want["float32"].size());
    for (size_t i = 0; i < floats.size(); ++i) {
      EXPECT_TRUE(sameFloat(expectedNumber(want["float32"][i]), floats[i])) << "element " << i;
    }
  }
  EXPECT_EQ(seen.size(), std::size(kAllDTypes));
  EXPECT_EQ(file.find("missing"), nullptr);
}

TEST_F(PythonFixtures, EveryF16BitPatternDecodesExactly) {
  const json expected = readJson(fixture("f16_all.expected.json"))["float32_bits"];
  const SafetensorsFile file = SafetensorsFile::open(fixture("f16_all.safetensors"));
  const TensorView* view = file.find("all");
  ASSERT_NE(view, nullptr);
  const std::vector<float> floats = toFloat32(*view);
  ASSERT_EQ(floats.size(), 65536u);
  ASSERT_EQ(expected.size(), 65536u);
  int mismatches = 0;
  for (size_t bits = 0; bits < floats.size(); ++bits) {
    const uint32_t got = std::bit_cast<uint32_t>(floats[bits]);
    if (expected[bits].is_null()) {
      // NaN: Python does not promise the payload, so check NaN-ness and that the payload's top
      // bits survived the widening.
      const bool ok =
          std::isnan(floats[bits]) && ((got >> 13) & 0x3FF) == (bits & 0x3FF) && (got >> 31) == (bits >> 15);
      if (!ok && ++mismatches < 10) ADD_FAILURE() << "NaN pattern " << bits << " -> " << got;
    } else if (got != expected[bits].get<uint32_t>() && ++mismatches < 10) {
      ADD_FAILURE() << "half bits " << bits << ": expected float bits " << expected[bits].get<uint32_t>()
                    << ", got " << got;
    }
  }
  EXPECT_EQ(mismatches, 0);
}

TEST_F(PythonFixtures, ShardedCheckpointFromPython) {
  const json expected = readJson(fixture("sharded.expected.json"));
  const ShardedSafetensors sharded =
      ShardedSafetensors::open(fixture("sharded/model.safetensors.index.json"));
  EXPECT_EQ(sharded.shards().size(), 2u);

  std::vector<std::string> names;
  for (const auto& [name, want] : expected.items()) names.push_back(name);
  std::sort(names.begin(), names.end());
  EXPECT_EQ(sharded.names(), names);

  for (const auto& [name, want] : expected.items()) {
    SCOPED_TRACE(name);
    const TensorView* view = sharded.find(name);
    ASSERT_NE(view, nullptr);
    EXPECT_EQ(dtypeName(view->dtype), want["dtype"].get<std::string>());
    EXPECT_EQ(view->shape, shapeOf(want["shape"]));
    EXPECT_EQ(toFloat32(*view), want["float32"].get<std::vector<float>>());
    // The view must come from the shard the index names.
    const std::string shard_name = want["shard"].get<std::string>();
    const auto shard = std::find_if(
        sharded.shards().begin(), sharded.shards().end(),
        [&](const SafetensorsFile& file) { return fs::path(file.path()).filename() == shard_name; });
    ASSERT_NE(shard, sharded.shards().end());
    EXPECT_EQ(shard->find(name), view);
  }
  EXPECT_EQ(sharded.find("model.missing"), nullptr);
}

struct MalformedCase {
  const char* file;
  const char* needle;
};

TEST_F(PythonFixtures, MalformedFilesThrowOneLineErrors) {
  const MalformedCase cases[] = {
      {"truncated.safetensors", "(the file looks truncated)"},
      {"short.safetensors", "file is 5 bytes, too short for the 8-byte header length"},
      {"header_len_beyond_file.safetensors", "header length 1000 runs past the end of the file"},
      {"bad_json.safetensors", "header is not valid JSON"},
      {"header_not_object.safetensors", "header JSON is an array, not an object"},
      {"offsets_outside.safetensors",
       "tensor 'b' data offsets [1000, 1016) exceed the data section of 16 bytes"},
      {"offsets_overlap.safetensors", "tensor 'b' data offsets [8, 16) overlap tensor 'a'"},
      {"dtype_shape_mismatch.safetensors", "hold 12 bytes but shape [2, 2] of F32 needs 16"},
      {"unknown_dtype.safetensors", "unknown dtype 'Q7'"},
      {"negative_dim.safetensors", "negative dimension -3"},
      {"huge_header_len.safetensors", "header length 9223372036854775808 exceeds the limit"},
      {"numel_overflow.safetensors", "element count that overflows 64 bits"},
      {"byte_overflow.safetensors", "byte size that overflows 64 bits"},
      {"not_utf8.safetensors", "header is not valid UTF-8"},
      {"metadata_not_strings.safetensors", "'__metadata__' must map strings to strings"},
      {"missing_dtype.safetensors", "tensor 'w' has no 'dtype'"},
      {"shape_not_array.safetensors", "'shape' must be an array of integers"},
      {"offsets_reversed.safetensors", "data offsets [8, 4) begin after they end"},
      {"data_gap.safetensors", "data section bytes [4, 8) are not covered by any tensor"},
      {"trailing_bytes.safetensors", "bytes [4, 12) are not covered by any tensor (gap at the end)"},
      {"duplicate_key.safetensors", "repeats the key 'w'"},
      {"too_deep.safetensors", "nests deeper than"},
  };
  std::set<std::string> needles;
  for (const MalformedCase& c : cases) {
    SCOPED_TRACE(c.file);
    EXPECT_TRUE(needles.insert(c.needle).second) << "needles must differ";
    const std::string path = fixture(std::string("malformed/") + c.file);
    ASSERT_TRUE(fs::exists(path));
    EXPECT_TRUE(failsWith([&] { SafetensorsFile::open(path); }, c.file, c.needle));
  }
}

TEST_F(PythonFixtures, MalformedIndexesThrowOneLineErrors) {
  const std::string index = "model.safetensors.index.json";
  EXPECT_TRUE(failsWith([&] { ShardedSafetensors::open(fixture("malformed/bad_index/" + index)); }, index,
                        "shard 'model-00002-of-00002.safetensors' is unusable"));
  EXPECT_TRUE(failsWith([&] { ShardedSafetensors::open(fixture("malformed/bad_index/" + index)); }, index,
                        "cannot open file: No such file or directory"));
  EXPECT_TRUE(failsWith([&] { ShardedSafetensors::open(fixture("malformed/escape_index/" + index)); }, index,
                        "names shard '../x.safetensors', which is not a plain file name"));
  EXPECT_TRUE(failsWith([&] { ShardedSafetensors::open(fixture("malformed/missing_tensor_index/" + index)); },
                        index, "puts tensor 'ghost' in shard 'model.safetensors', which has no such tensor"));
}

// ---- Our writer -----------------------------------------------------------------------------

// One tensor per dtype with filler bytes (BOOL gets 0/1 bytes), in a non-alphabetical order.
SafetensorsWriter everyDTypeWriter() {
  SafetensorsWriter writer;
  uint32_t seed = 1;
  for (DType dtype : kAllDTypes) {
    const std::vector<int64_t> shape = {3, static_cast<int64_t>(seed % 4) + 1};
    std::vector<std::byte> bytes =
        patternBytes(static_cast<size_t>(shape[0] * shape[1]) * dtypeSize(dtype), seed++);
    if (dtype == DType::BOOL) {
      for (std::byte& b : bytes) b &= std::byte{1};
    }
    writer.add("z_" + std::string(dtypeName(dtype)), dtype, shape, bytes);
  }
  return writer;
}

TEST(SafetensorsWriter, RoundTripsEveryDType) {
  ScratchDir dir;
  const SafetensorsWriter writer = everyDTypeWriter();
  const std::string path = dir.file("round_trip.safetensors");
  writer.write(path);
  EXPECT_EQ(fs::file_size(path), writer.byteSize());
  EXPECT_FALSE(fs::exists(path + ".tmp"));

  const SafetensorsFile file = SafetensorsFile::open(path);
  ASSERT_EQ(file.tensors().size(), writer.entries().size());
  for (size_t i = 0; i < writer.entries().size(); ++i) {
    const SafetensorsWriter::Entry& entry = writer.entries()[i];
    const TensorView& view = file.tensors()[i];  // file order == insertion order
    SCOPED_TRACE(entry.name);
    EXPECT_EQ(view.name, entry.name);
    EXPECT_EQ(view.dtype, entry.dtype);
    EXPECT_EQ(view.shape, entry.shape);
    ASSERT_EQ(view.bytes.size(), entry.bytes.size());
    EXPECT_TRUE(std::equal(view.bytes.begin(), view.bytes.end(), entry.bytes.begin()));
    EXPECT_EQ(file.find(entry.name), &view);
    EXPECT_EQ(toFloat32(view).size(), static_cast<size_t>(view.numel()));
  }
}

TEST(SafetensorsWriter, LayoutFollowsTheSpec) {
  ScratchDir dir;
  SafetensorsWriter writer = everyDTypeWriter();
  writer.setMetadata({{"format", "pt"}});
  const std::string path = dir.file("layout.safetensors");
  writer.write(path);

  // Checked from the raw bytes, without our reader.
  const std::string raw = readFile(path);
  ASSERT_GE(raw.size(), 8u);
  uint64_t header_size = 0;
  for (int i = 7; i >= 0; --i) header_size = (header_size << 8) | static_cast<uint8_t>(raw[i]);
  EXPECT_EQ(header_size % 8, 0u);
  ASSERT_LE(header_size, raw.size() - 8);
  const std::string header_text = raw.substr(8, header_size);
  EXPECT_EQ(header_text.front(), '{');
  const size_t last_brace = header_text.rfind('}');
  EXPECT_EQ(header_text.find_first_not_of(' ', last_brace + 1), std::string::npos)
      << "padding must be spaces";
  EXPECT_LT(header_text.size() - last_brace - 1, 8u);

  const json header = json::parse(header_text);
  EXPECT_EQ(header["__metadata__"], json({{"format", "pt"}}));
  uint64_t offset = 0;
  for (const SafetensorsWriter::Entry& entry : writer.entries()) {
    const json& item = header.at(entry.name);
    EXPECT_EQ(item["dtype"], std::string(dtypeName(entry.dtype)));
    EXPECT_EQ(item["shape"], json(entry.shape));
    EXPECT_EQ(item["data_offsets"], json({offset, offset + entry.bytes.size()}));
    EXPECT_EQ(0, std::memcmp(raw.data() + 8 + header_size + offset, entry.bytes.data(), entry.bytes.size()));
    offset += entry.bytes.size();
  }
  EXPECT_EQ(raw.size(), 8 + header_size + offset);
  EXPECT_NO_THROW(SafetensorsFile::open(path));
}

TEST(SafetensorsWriter, MetadataRoundTrips) {
  ScratchDir dir;
  const std::map<std::string, std::string> metadata = {
      {"format", "pt"}, {"empty", ""}, {"unicode ✓", "naïve \"quoted\"\nnewline"}};
  SafetensorsWriter writer;
  const std::vector<float> values = {1.0f};
  writer.add("w", DType::F32, {1}, bytesOf(values));
  writer.setMetadata(metadata);
  writer.write(dir.file("meta.safetensors"));
  EXPECT_EQ(SafetensorsFile::open(dir.file("meta.safetensors")).metadata(), metadata);

  writer.setMetadata({});
  writer.write(dir.file("no_meta.safetensors"));
  EXPECT_TRUE(SafetensorsFile::open(dir.file("no_meta.safetensors")).metadata().empty());
}

TEST(SafetensorsWriter, RejectsBadTensors) {
  SafetensorsWriter writer;
  const std::vector<float> four = {1, 2, 3, 4};
  writer.add("w", DType::F32, {2, 2}, bytesOf(four));
  EXPECT_THROW(writer.add("w", DType::F32, {4}, bytesOf(four)), Error);      // duplicate
  EXPECT_THROW(writer.add("x", DType::F32, {3}, bytesOf(four)), Error);      // size
  EXPECT_THROW(writer.add("x", DType::F16, {2, 2}, bytesOf(four)), Error);   // size
  EXPECT_THROW(writer.add("x", DType::F32, {-4}, bytesOf(four)), Error);     // negative
  EXPECT_THROW(writer.add("x", DType::F64, {int64_t{1} << 61}, {}), Error);  // overflow
  EXPECT_THROW(writer.add("", DType::F32, {4}, bytesOf(four)), Error);       // empty name
  EXPECT_THROW(writer.add("__metadata__", DType::F32, {4}, bytesOf(four)), Error);
  EXPECT_THROW(writer.add("bad\xff", DType::F32, {4}, bytesOf(four)), Error);  // not UTF-8
  EXPECT_THROW(writer.setMetadata({{"k", "\xc0\x80"}}), Error);                // overlong
  EXPECT_EQ(writer.entries().size(), 1u);
}

TEST(SafetensorsWriter, FailedWriteLeavesNoFile) {
  ScratchDir dir;
  SafetensorsWriter writer = everyDTypeWriter();
  // The folder does not exist: nothing can be created.
  const std::string missing = dir.file("no/such/folder/x.safetensors");
  EXPECT_TRUE(failsWith([&] { writer.write(missing); }, "x.safetensors.tmp", "cannot create"));
  // The target is a folder: the rename fails after the data was written; the .tmp must go.
  const std::string folder = dir.file("taken.safetensors");
  fs::create_directory(folder);
  EXPECT_TRUE(failsWith([&] { writer.write(folder); }, "taken.safetensors", "cannot replace"));
  EXPECT_FALSE(fs::exists(folder + ".tmp"));
  EXPECT_TRUE(fs::is_directory(folder));
  // An existing file is replaced whole.
  const std::string path = dir.file("replace.safetensors");
  writeFile(path, "old contents");
  writer.write(path);
  EXPECT_EQ(SafetensorsFile::open(path).tensors().size(), writer.entries().size());
}

TEST(SafetensorsWriter, ZeroSizeTensors) {
  ScratchDir dir;
  SafetensorsWriter writer;
  const std::vector<int32_t> values = {7, 8, 9};
  writer.add("empty_first", DType::F32, {0, 3}, {});
  writer.add("values", DType::I32, {3}, bytesOf(values));
  writer.add("empty_middle", DType::BF16, {4, 0, 2}, {});
  writer.add("empty_last", DType::BOOL, {0}, {});
  EXPECT_THROW(writer.add("not_empty", DType::U8, {1}, {}), Error);
  const std::string path = dir.file("empty.safetensors");
  writer.write(path);

  const SafetensorsFile file = SafetensorsFile::open(path);
  ASSERT_EQ(file.tensors().size(), 4u);
  for (const char* name : {"empty_first", "empty_middle", "empty_last"}) {
    SCOPED_TRACE(name);
    const TensorView* view = file.find(name);
    ASSERT_NE(view, nullptr);
    EXPECT_EQ(view->numel(), 0);
    EXPECT_TRUE(view->bytes.empty());
    EXPECT_TRUE(toFloat32(*view).empty());
  }
  EXPECT_EQ(file.find("empty_middle")->shape, (std::vector<int64_t>{4, 0, 2}));
  EXPECT_EQ(toFloat32(*file.find("values")), (std::vector<float>{7, 8, 9}));

  // A file holding nothing but empty tensors has an empty data section.
  SafetensorsWriter only_empty;
  only_empty.add("nothing", DType::F64, {0}, {});
  only_empty.write(dir.file("only_empty.safetensors"));
  EXPECT_EQ(SafetensorsFile::open(dir.file("only_empty.safetensors")).tensors().size(), 1u);
  SafetensorsWriter no_tensors;
  no_tensors.write(dir.file("no_tensors.safetensors"));
  EXPECT_TRUE(SafetensorsFile::open(dir.file("no_tensors.safetensors")).tensors().empty());
}

// ---- Sharding -------------------------------------------------------------------------------

TEST(SafetensorsSharded, WriteAndReadSeveralShards) {
  ScratchDir dir;
  SafetensorsWriter writer;
  writer.setMetadata({{"format", "pt"}});
  // Five 40-byte tensors with a 100-byte budget pack as [0, 1] [2, 3] [4]; the 400-byte one is
  // over budget and gets a shard of its own.
  for (int i = 0; i < 5; ++i) {
    writer.add("layer." + std::to_string(i), DType::F32, {10}, patternBytes(40, i + 7));
  }
  writer.add("big", DType::F64, {50}, patternBytes(400, 99));
  writer.add("after_big", DType::U8, {4}, patternBytes(4, 100));
  const std::string folder = (dir.path() / "out").string();  // created by writeSharded
  writeSharded(writer, folder, "model", 100);

  const json index = readJson(folder + "/model.safetensors.index.json");
  EXPECT_EQ(index["metadata"]["total_size"], 5 * 40 + 400 + 4);
  const std::map<std::string, std::string> expected_map = {
      {"layer.0", "model-00001-of-00005.safetensors"},  {"layer.1", "model-00001-of-00005.safetensors"},
      {"layer.2", "model-00002-of-00005.safetensors"},  {"layer.3", "model-00002-of-00005.safetensors"},
      {"layer.4", "model-00003-of-00005.safetensors"},  {"big", "model-00004-of-00005.safetensors"},
      {"after_big", "model-00005-of-00005.safetensors"}};
  EXPECT_EQ(index["weight_map"].get<decltype(expected_map)>(), expected_map);
  for (const auto& [name, shard] : expected_map) {
    EXPECT_FALSE(fs::exists(folder + "/" + shard + ".tmp"));
  }

  const ShardedSafetensors sharded = ShardedSafetensors::open(folder + "/model.safetensors.index.json");
  ASSERT_EQ(sharded.shards().size(), 5u);
  for (const SafetensorsFile& shard : sharded.shards()) {
    EXPECT_EQ(shard.metadata().at("format"), "pt");
  }
  std::vector<std::string> names;
  for (const auto& entry : writer.entries()) {
    names.push_back(entry.name);
    const TensorView* view = sharded.find(entry.name);
    ASSERT_NE(view, nullptr) << entry.name;
    EXPECT_EQ(view->dtype, entry.dtype);
    EXPECT_EQ(view->shape, entry.shape);
    EXPECT_TRUE(std::equal(view->bytes.begin(), view->bytes.end(), entry.bytes.begin(), entry.bytes.end()));
  }
  std::sort(names.begin(), names.end());
  EXPECT_EQ(sharded.names(), names);

  // Everything fits in one shard when the budget allows.
  writeSharded(writer, folder, "single", 1 << 20);
  EXPECT_TRUE(fs::exists(folder + "/single-00001-of-00001.safetensors"));
  EXPECT_EQ(ShardedSafetensors::open(folder + "/single.safetensors.index.json").shards().size(), 1u);

  EXPECT_THROW(writeSharded(writer, folder, "../escape", 100), Error);
  EXPECT_THROW(writeSharded(writer, folder, "model", 0), Error);
}

// ---- Limits and robustness ------------------------------------------------------------------

TEST(SafetensorsLimits, AreEnforced) {
  ScratchDir dir;
  SafetensorsWriter writer;
  writer.setMetadata({{"padding", std::string(4096, 'x')}});
  const std::vector<double> values(16, 0.5);
  writer.add("a", DType::F64, {2, 2, 2, 2}, bytesOf(values));
  writer.add("b", DType::U8, {3}, patternBytes(3, 1));
  const std::string path = dir.file("limits.safetensors");
  writer.write(path);
  ASSERT_NO_THROW(SafetensorsFile::open(path));

  SafetensorsLimits header_limit;
  header_limit.max_header_bytes = 1024;
  EXPECT_TRUE(failsWith([&] { SafetensorsFile::open(path, header_limit); }, "limits.safetensors",
                        "exceeds the limit of 1024 bytes"));
  SafetensorsLimits tensor_count;
  tensor_count.max_tensors = 1;
  EXPECT_TRUE(failsWith([&] { SafetensorsFile::open(path, tensor_count); }, "limits.safetensors",
                        "header lists 2 tensors, over the limit of 1"));
  SafetensorsLimits rank;
  rank.max_rank = 3;
  EXPECT_TRUE(failsWith([&] { SafetensorsFile::open(path, rank); }, "limits.safetensors",
                        "tensor 'a' has rank 4, over the limit of 3"));
  SafetensorsLimits tensor_bytes;
  tensor_bytes.max_tensor_bytes = 64;
  EXPECT_TRUE(failsWith([&] { SafetensorsFile::open(path, tensor_bytes); }, "limits.safetensors",
                        "tensor 'a' is 128 bytes, over the limit of 64"));
}

TEST(SafetensorsRobustness, EveryTruncationIsRejected) {
  ScratchDir dir;
  SafetensorsWriter writer;
  writer.setMetadata({{"k", "v"}});
  const std::vector<float> values = {1, 2, 3};
  writer.add("w", DType::F32, {3}, bytesOf(values));
  writer.add("b", DType::F16, {1}, patternBytes(2, 3));
  writer.write(dir.file("full.safetensors"));
  const std::string full = readFile(dir.file("full.safetensors"));
  const std::string path = dir.file("cut.safetensors");
  for (size_t size = 0; size < full.size(); ++size) {
    writeFile(path, std::string_view(full).substr(0, size));
    EXPECT_TRUE(failsWith([&] { SafetensorsFile::open(path); }, "cut.safetensors", ": "))
        << "cut at " << size;
  }
}

TEST(SafetensorsRobustness, CorruptedHeaderBytesNeverCrash) {
  ScratchDir dir;
  SafetensorsWriter writer;
  const std::vector<float> values = {1, 2, 3, 4};
  writer.add("w", DType::F32, {2, 2}, bytesOf(values));
  writer.add("i", DType::I8, {3}, patternBytes(3, 5));
  writer.write(dir.file("base.safetensors"));
  const std::string base = readFile(dir.file("base.safetensors"));
  const std::string path = dir.file("corrupt.safetensors");
  size_t accepted = 0;
  size_t rejected = 0;
  // Every byte of the length field and header, replaced by a handful of troublesome values.
  const size_t header_end = base.size() - 16 - 3;
  for (size_t pos = 0; pos < header_end; ++pos) {
    for (unsigned char replacement : {'\0', '\xff', '9', '-', '"', '{', ']', '\n', '0'}) {
      std::string corrupt = base;
      corrupt[pos] = static_cast<char>(replacement);
      writeFile(path, corrupt);
      try {
        const SafetensorsFile file = SafetensorsFile::open(path);
        for (const TensorView& view : file.tensors()) toFloat32(view);  // in bounds under ASan
        ++accepted;
      } catch (const Error& e) {
        EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos) << e.what();
        ++rejected;
      }
    }
  }
  EXPECT_GT(rejected, 0u);
  EXPECT_GT(accepted, 0u);  // e.g. a space turned into '\n' inside the padding
}

TEST(SafetensorsFile, LargeFileIsMemoryMapped) {
  ScratchDir dir;
  constexpr size_t kCount = 16 * 1024 * 1024;  // 64 MiB of F32
  std::vector<float> values(kCount);
  for (size_t i = 0; i < kCount; ++i) values[i] = static_cast<float>(i % 1000003) * 0.25f;
  const std::string path = dir.file("large.safetensors");
  {
    SafetensorsWriter writer;
    writer.add("small", DType::U8, {5}, patternBytes(5, 1));  // puts "large" at an odd offset
    writer.add("large", DType::F32, {4096, 4096}, bytesOf(values));
    writer.write(path);
  }
  SafetensorsFile file = SafetensorsFile::open(path);
  const std::span<const std::byte> mapped = file.mappedBytes();
  EXPECT_EQ(mapped.size(), fs::file_size(path));
  const TensorView* view = file.find("large");
  ASSERT_NE(view, nullptr);
  ASSERT_EQ(view->bytes.size(), kCount * sizeof(float));
  // Zero-copy: the view lies inside the mapping (compare addresses as integers).
  const auto address = [](const std::byte* p) { return reinterpret_cast<uintptr_t>(p); };
  EXPECT_GE(address(view->bytes.data()), address(mapped.data()));
  EXPECT_LE(address(view->bytes.data() + view->bytes.size()), address(mapped.data() + mapped.size()));
  EXPECT_EQ(0, std::memcmp(view->bytes.data(), values.data(), view->bytes.size()));
  const std::vector<float> floats = toFloat32(*view);
  EXPECT_EQ(floats, values);

  // Moving the file keeps the mapping, so the views stay valid.
  const std::byte* before = view->bytes.data();
  SafetensorsFile moved = std::move(file);
  EXPECT_EQ(moved.find("large")->bytes.data(), before);
  EXPECT_EQ(0, std::memcmp(moved.find("large")->bytes.data(), values.data(), 1024));
}

TEST(SafetensorsFile, NotARegularFileOrMissing) {
  ScratchDir dir;
  EXPECT_TRUE(failsWith([&] { SafetensorsFile::open(dir.file("absent.safetensors")); }, "absent.safetensors",
                        "cannot open file"));
  EXPECT_TRUE(failsWith([&] { SafetensorsFile::open(dir.path().string()); }, dir.path().filename().string(),
                        "not a regular file"));
  writeFile(dir.file("empty.safetensors"), "");
  EXPECT_TRUE(failsWith([&] { SafetensorsFile::open(dir.file("empty.safetensors")); }, "empty.safetensors",
                        "file is 0 bytes"));
}

}  // namespace
}  // namespace routescope::core
