// The binary trace format; docs/trace-format.md is its description for other readers.
#include <cstring>
#include <map>

#include "backend/core/error.h"
#include "backend/moe/binary_io.h"
#include "backend/moe/trace.h"

namespace routescope::moe {
namespace {

constexpr char kMagic[8] = {'R', 'S', 'T', 'R', 'A', 'C', 'E', '\0'};
constexpr uint32_t kVersion = 1;
constexpr size_t kPreambleBytes = 24;  // magic, u32 version, u32 flags, u64 header length
constexpr size_t kAlignment = 8;

struct ArrayRef {
  std::string dtype;
  uint64_t count = 0;
  uint64_t offset = 0;
};

size_t dtypeBytes(const std::string& dtype) {
  if (dtype == "u8") return 1;
  if (dtype == "i16" || dtype == "u16" || dtype == "f16") return 2;
  if (dtype == "i32" || dtype == "u32" || dtype == "f32") return 4;
  return 0;
}

class DataWriter {
 public:
  template <typename T>
  void add(const std::string& name, const std::string& dtype, const std::vector<T>& values) {
    if (values.empty()) return;
    while (data_.size() % kAlignment) data_.push_back(std::byte{0});
    arrays_[name] = {{"dtype", dtype}, {"count", values.size()}, {"offset", data_.size()}};
    const auto* p = reinterpret_cast<const std::byte*>(values.data());
    data_.insert(data_.end(), p, p + values.size() * sizeof(T));
  }
  nlohmann::json& arrays() { return arrays_; }
  const std::vector<std::byte>& data() const { return data_; }

 private:
  nlohmann::json arrays_ = nlohmann::json::object();
  std::vector<std::byte> data_;
};

}  // namespace

std::vector<std::byte> writeTrace(const RoutingTrace& trace) {
  trace.validate("trace");
  std::vector<std::string> domains;
  std::vector<uint16_t> seq_domain;
  std::vector<uint32_t> seq_length;
  std::vector<int32_t> token_ids, predicted;
  for (const auto& s : trace.sequences) {
    auto it = std::find(domains.begin(), domains.end(), s.domain);
    if (it == domains.end()) {
      if (domains.size() == 65535) throw core::Error("trace: more than 65535 distinct domains");
      domains.push_back(s.domain);
      it = domains.end() - 1;
    }
    seq_domain.push_back(static_cast<uint16_t>(it - domains.begin()));
    seq_length.push_back(static_cast<uint32_t>(s.token_ids.size()));
    token_ids.insert(token_ids.end(), s.token_ids.begin(), s.token_ids.end());
    predicted.insert(predicted.end(), s.predicted_token_ids.begin(), s.predicted_token_ids.end());
  }
  DataWriter data;
  data.add("seq_domain", "u16", seq_domain);
  data.add("seq_length", "u32", seq_length);
  data.add("token_ids", "i32", token_ids);
  data.add("predicted_token_ids", "i32", predicted);
  data.add("expert_ids", "i16", trace.expert_ids);
  data.add("probs", "f32", trace.probs);
  data.add("dropped", "u8", trace.dropped);
  data.add("full_probs", "f32", trace.full_probs);
  data.add("gru_state", "f16", trace.gru_state);
  data.add("update_gate_mean", "f32", trace.update_gate_mean);

  nlohmann::json header = {{"layers", trace.layers},
                           {"experts", trace.experts},
                           {"top_k", trace.top_k},
                           {"gru_hidden", trace.gru_hidden},
                           {"checkpoint_step", trace.checkpoint_step},
                           {"router", trace.router},
                           {"model", trace.model},
                           {"run_id", trace.run_id},
                           {"tokenizer_kind", trace.tokenizer_kind},
                           {"extra", trace.extra},
                           {"domains", domains},
                           {"sequence_count", trace.sequences.size()},
                           {"token_count", trace.tokenCount()},
                           {"arrays", data.arrays()}};
  if (!trace.pieces.empty()) header["pieces"] = trace.pieces;
  // Pieces of a real vocabulary need not be valid UTF-8 (byte-level pieces): replace, not fail.
  std::string text = header.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  while ((kPreambleBytes + text.size()) % kAlignment) text.push_back(' ');

  detail::ByteWriter out;
  out.raw(kMagic, sizeof kMagic);
  out.value<uint32_t>(kVersion);
  out.value<uint32_t>(0);  // flags, none defined
  out.value<uint64_t>(text.size());
  out.raw(text.data(), text.size());
  out.raw(data.data().data(), data.data().size());
  return out.take();
}

RoutingTrace readTrace(std::span<const std::byte> bytes, const std::string& name) {
  detail::ByteReader in(bytes, name);
  if (bytes.size() < kPreambleBytes || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
    in.fail("not a RouteScope routing trace (bad magic)");
  }
  in.take(sizeof kMagic, "magic");
  const auto version = in.value<uint32_t>("version");
  if (version != kVersion) {
    in.fail("trace format version " + std::to_string(version) + " is not supported (this app reads " +
            std::to_string(kVersion) + ")");
  }
  in.value<uint32_t>("flags");
  const auto header_bytes = in.value<uint64_t>("header length");
  if (header_bytes > in.remaining()) in.fail("truncated (the header runs past the end)");
  const auto header_span = in.take(static_cast<size_t>(header_bytes), "header");
  const auto header = nlohmann::json::parse(
      reinterpret_cast<const char*>(header_span.data()),
      reinterpret_cast<const char*>(header_span.data()) + header_span.size(), nullptr, false);
  if (header.is_discarded() || !header.is_object()) in.fail("the header is not a JSON object");
  const auto data = bytes.subspan(in.position());

  RoutingTrace trace;
  std::vector<std::string> domains;
  try {
    trace.layers = header.at("layers").get<int>();
    trace.experts = header.at("experts").get<int>();
    trace.top_k = header.at("top_k").get<int>();
    trace.gru_hidden = header.value("gru_hidden", 0);
    trace.checkpoint_step = header.value("checkpoint_step", int64_t{0});
    trace.router = header.value("router", "");
    trace.model = header.value("model", "");
    trace.run_id = header.value("run_id", "");
    trace.tokenizer_kind = header.value("tokenizer_kind", "");
    trace.extra = header.value("extra", nlohmann::json::object());
    domains = header.at("domains").get<std::vector<std::string>>();
    if (header.contains("pieces")) trace.pieces = header.at("pieces").get<std::vector<std::string>>();
  } catch (const nlohmann::json::exception& e) {
    in.fail(std::string("header: ") + e.what());
  }

  const auto& arrays =
      header.contains("arrays") && header["arrays"].is_object() ? header["arrays"] : nlohmann::json::object();
  // Copies one array out of the data section after checking its type, bounds and alignment.
  // Arrays this version does not know are ignored, so later versions can add some.
  auto load = [&](const char* array, const char* dtype, auto& target) {
    using T = typename std::remove_reference_t<decltype(target)>::value_type;
    if (!arrays.contains(array)) return;
    ArrayRef ref;
    try {
      ref = {arrays[array].at("dtype").get<std::string>(), arrays[array].at("count").get<uint64_t>(),
             arrays[array].at("offset").get<uint64_t>()};
    } catch (const nlohmann::json::exception&) {
      in.fail(std::string("array '") + array + "' is described wrongly in the header");
    }
    if (ref.dtype != dtype || dtypeBytes(ref.dtype) != sizeof(T)) {
      in.fail(std::string("array '") + array + "' has dtype '" + ref.dtype + "', expected '" + dtype + "'");
    }
    if (ref.offset % kAlignment) in.fail(std::string("array '") + array + "' is not 8-byte aligned");
    if (ref.count > data.size() / sizeof(T) || ref.offset > data.size() - ref.count * sizeof(T)) {
      in.fail(std::string("truncated (array '") + array + "' runs past the end)");
    }
    target.resize(static_cast<size_t>(ref.count));
    std::memcpy(target.data(), data.data() + ref.offset, static_cast<size_t>(ref.count) * sizeof(T));
  };
  std::vector<uint16_t> seq_domain;
  std::vector<uint32_t> seq_length;
  std::vector<int32_t> token_ids, predicted;
  load("seq_domain", "u16", seq_domain);
  load("seq_length", "u32", seq_length);
  load("token_ids", "i32", token_ids);
  load("predicted_token_ids", "i32", predicted);
  load("expert_ids", "i16", trace.expert_ids);
  load("probs", "f32", trace.probs);
  load("dropped", "u8", trace.dropped);
  load("full_probs", "f32", trace.full_probs);
  load("gru_state", "f16", trace.gru_state);
  load("update_gate_mean", "f32", trace.update_gate_mean);

  if (seq_domain.size() != seq_length.size()) in.fail("seq_domain and seq_length differ in length");
  uint64_t total = 0;
  for (auto n : seq_length) total += n;
  if (total != token_ids.size()) {
    in.fail("the sequence lengths add up to " + std::to_string(total) + " tokens, token_ids has " +
            std::to_string(token_ids.size()));
  }
  if (!predicted.empty() && predicted.size() != token_ids.size()) {
    in.fail("predicted_token_ids has " + std::to_string(predicted.size()) + " values, expected " +
            std::to_string(token_ids.size()));
  }
  size_t at = 0;
  trace.sequences.resize(seq_length.size());
  for (size_t i = 0; i < seq_length.size(); ++i) {
    if (seq_domain[i] >= domains.size())
      in.fail("sequence " + std::to_string(i) + " has an unknown domain index");
    auto& s = trace.sequences[i];
    s.domain = domains[seq_domain[i]];
    s.token_ids.assign(token_ids.begin() + static_cast<std::ptrdiff_t>(at),
                       token_ids.begin() + static_cast<std::ptrdiff_t>(at + seq_length[i]));
    if (!predicted.empty()) {
      s.predicted_token_ids.assign(predicted.begin() + static_cast<std::ptrdiff_t>(at),
                                   predicted.begin() + static_cast<std::ptrdiff_t>(at + seq_length[i]));
    }
    at += seq_length[i];
  }
  trace.validate(name);
  return trace;
}

}  // namespace routescope::moe
