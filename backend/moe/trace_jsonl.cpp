#include "backend/moe/trace_jsonl.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "backend/core/error.h"

namespace routescope::moe {
namespace {

using nlohmann::json;

// A vocabulary id far beyond any real tokenizer: guards against a corrupt file allocating gigabytes.
constexpr int64_t kMaxVocabId = 16'000'000;

std::string readWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw core::Error(path + ": cannot open the file");
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Reads one sequence line into the trace under construction; `where` is "NAME:LINE".
class LineReader {
 public:
  LineReader(RoutingTrace& trace, const std::string& where) : trace_(trace), where_(where) {}

  [[noreturn]] void fail(const std::string& what) const { throw core::Error(where_ + ": " + what); }

  std::vector<int32_t> ids(const json& line, const char* key) const {
    const auto& value = line.at(key);
    if (!value.is_array()) fail(std::string(key) + " is not an array");
    std::vector<int32_t> out;
    out.reserve(value.size());
    for (const auto& v : value) {
      if (!v.is_number_integer() || v.get<int64_t>() < 0 || v.get<int64_t>() > INT32_MAX) {
        fail(std::string(key) + " holds " + v.dump() + ", not a token id");
      }
      out.push_back(v.get<int32_t>());
    }
    return out;
  }

  // [token][k][layer] -> appends [token][layer][k] to `out`, checking the shape against the
  // trace's (fixed by the first line that has the field).
  template <typename T, typename Convert>
  void choices(const json& line, const char* key, size_t tokens, std::vector<T>& out, Convert convert) {
    const auto& value = line.at(key);
    if (!value.is_array() || value.size() != tokens) {
      fail(std::string(key) + " has " + (value.is_array() ? std::to_string(value.size()) : "no") +
           " entries, expected one per input id (" + std::to_string(tokens) + ")");
    }
    for (size_t t = 0; t < tokens; ++t) {
      const auto& per_token = value[t];
      if (!per_token.is_array() || per_token.empty())
        fail(std::string(key) + " token " + std::to_string(t) + " is not a [k][layer] array");
      if (trace_.top_k == 0) trace_.top_k = static_cast<int>(per_token.size());
      if (per_token.size() != static_cast<size_t>(trace_.top_k)) {
        fail(std::string(key) + " is ragged: token " + std::to_string(t) + " has " +
             std::to_string(per_token.size()) + " choices, expected " + std::to_string(trace_.top_k));
      }
      const size_t first = out.size();
      for (size_t k = 0; k < per_token.size(); ++k) {
        const auto& per_layer = per_token[k];
        if (!per_layer.is_array() || per_layer.empty())
          fail(std::string(key) + " token " + std::to_string(t) + " choice " + std::to_string(k) +
               " is not a list of layers");
        if (trace_.layers == 0) trace_.layers = static_cast<int>(per_layer.size());
        if (per_layer.size() != static_cast<size_t>(trace_.layers)) {
          fail(std::string(key) + " is ragged: token " + std::to_string(t) + " choice " + std::to_string(k) +
               " has " + std::to_string(per_layer.size()) + " layers, expected " +
               std::to_string(trace_.layers));
        }
      }
      out.resize(first + static_cast<size_t>(trace_.layers * trace_.top_k));
      for (int k = 0; k < trace_.top_k; ++k) {
        for (int l = 0; l < trace_.layers; ++l) {
          out[first + static_cast<size_t>(l * trace_.top_k + k)] =
              convert(per_token[static_cast<size_t>(k)][static_cast<size_t>(l)], key);
        }
      }
    }
  }

  int16_t expertId(const json& v, const char* key) const {
    if (!v.is_number_integer() || v.get<int64_t>() < -1 || v.get<int64_t>() > 32766) {
      fail(std::string(key) + " holds " + v.dump() + ", not an expert id");
    }
    return static_cast<int16_t>(v.get<int64_t>());
  }
  float probability(const json& v, const char* key) const {
    if (!v.is_number()) fail(std::string(key) + " holds " + v.dump() + ", not a number");
    return v.get<float>();
  }
  uint8_t flag(const json& v, const char* key) const {
    if (v.is_boolean()) return v.get<bool>() ? 1 : 0;
    if (v.is_number_integer() && (v.get<int64_t>() == 0 || v.get<int64_t>() == 1))
      return static_cast<uint8_t>(v.get<int64_t>());
    fail(std::string(key) + " holds " + v.dump() + ", not 0/1");
  }

 private:
  RoutingTrace& trace_;
  const std::string& where_;
};

}  // namespace

std::string traceToJsonl(const RoutingTrace& trace) {
  trace.validate("trace");
  std::string out;
  int64_t token = 0;
  const int L = trace.layers, K = trace.top_k;
  for (const auto& s : trace.sequences) {
    const size_t n = s.token_ids.size();
    json line = {{"input_ids", s.token_ids}};
    if (!s.predicted_token_ids.empty()) line["predicted_token_ids"] = s.predicted_token_ids;
    json ids = json::array(), probs = json::array(), dropped = json::array();
    for (size_t t = 0; t < n; ++t, ++token) {
      json ids_t = json::array(), probs_t = json::array(), dropped_t = json::array();
      for (int k = 0; k < K; ++k) {
        json ids_k = json::array(), probs_k = json::array(), dropped_k = json::array();
        for (int l = 0; l < L; ++l) {
          const size_t i = trace.choiceIndex(token, l, k);
          ids_k.push_back(trace.expert_ids[i]);
          if (!trace.probs.empty()) probs_k.push_back(trace.probs[i]);
          if (!trace.dropped.empty()) dropped_k.push_back(trace.dropped[i]);
        }
        ids_t.push_back(std::move(ids_k));
        probs_t.push_back(std::move(probs_k));
        dropped_t.push_back(std::move(dropped_k));
      }
      ids.push_back(std::move(ids_t));
      probs.push_back(std::move(probs_t));
      dropped.push_back(std::move(dropped_t));
    }
    line["exp_ids"] = std::move(ids);
    if (!trace.probs.empty()) line["exp_probs"] = std::move(probs);
    if (!trace.dropped.empty()) line["dropped"] = std::move(dropped);
    if (!s.domain.empty()) line["domain"] = s.domain;
    line["num_experts"] = trace.experts;
    out += line.dump(-1, ' ', false, json::error_handler_t::replace);
    out += '\n';
  }
  return out;
}

void writeTraceJsonl(const RoutingTrace& trace, const std::string& path) {
  const std::string text = traceToJsonl(trace);
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary);
    out << text;
    out.flush();
    if (!out) throw core::Error(path + ": cannot write the file");
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) throw core::Error(path + ": cannot write the file (" + ec.message() + ")");
}

RoutingTrace parseTraceJsonl(std::string_view text, const std::string& name) {
  RoutingTrace trace;
  trace.router = "imported";
  int declared_experts = 0;
  int64_t max_expert = -1;
  bool first = true, has_probs = false, has_dropped = false;
  size_t line_number = 0;
  while (!text.empty()) {
    const size_t end = text.find('\n');
    std::string_view raw = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    ++line_number;
    if (raw.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    const std::string where = name + ":" + std::to_string(line_number);
    LineReader reader(trace, where);
    json line;
    try {
      line = json::parse(raw);
    } catch (const json::parse_error& e) {
      reader.fail(std::string("not valid JSON (") + e.what() + ")");
    }
    if (!line.is_object()) reader.fail("not a JSON object");
    if (!line.contains("input_ids")) reader.fail("missing input_ids");
    if (!line.contains("exp_ids")) reader.fail("missing exp_ids");
    // Which optional fields the file has is fixed by its first line: the flat arrays must cover
    // every token or none.
    if (first) {
      has_probs = line.contains("exp_probs");
      has_dropped = line.contains("dropped");
      first = false;
    } else if (line.contains("exp_probs") != has_probs || line.contains("dropped") != has_dropped) {
      reader.fail("exp_probs/dropped must be on every line or on none (the first line decides)");
    }
    TraceSequence sequence;
    sequence.token_ids = reader.ids(line, "input_ids");
    const size_t tokens = sequence.token_ids.size();
    if (line.contains("predicted_token_ids") && !line["predicted_token_ids"].is_null()) {
      sequence.predicted_token_ids = reader.ids(line, "predicted_token_ids");
      if (sequence.predicted_token_ids.size() != tokens) {
        reader.fail("predicted_token_ids has " + std::to_string(sequence.predicted_token_ids.size()) +
                    " ids, input_ids has " + std::to_string(tokens));
      }
    }
    if (line.contains("domain") && line["domain"].is_string())
      sequence.domain = line["domain"].get<std::string>();
    if (line.contains("num_experts")) {
      if (!line["num_experts"].is_number_integer() || line["num_experts"].get<int64_t>() < 1 ||
          line["num_experts"].get<int64_t>() > 32767) {
        reader.fail("num_experts is not a positive integer");
      }
      declared_experts = std::max(declared_experts, line["num_experts"].get<int>());
    }
    const size_t before = trace.expert_ids.size();
    reader.choices(line, "exp_ids", tokens, trace.expert_ids,
                   [&](const json& v, const char* key) { return reader.expertId(v, key); });
    for (size_t i = before; i < trace.expert_ids.size(); ++i)
      max_expert = std::max<int64_t>(max_expert, trace.expert_ids[i]);
    if (has_probs) {
      reader.choices(line, "exp_probs", tokens, trace.probs,
                     [&](const json& v, const char* key) { return reader.probability(v, key); });
    }
    if (has_dropped) {
      reader.choices(line, "dropped", tokens, trace.dropped,
                     [&](const json& v, const char* key) { return reader.flag(v, key); });
    }
    trace.sequences.push_back(std::move(sequence));
  }
  if (trace.sequences.empty()) throw core::Error(name + ": no sequences (the file is empty)");
  if (trace.layers == 0) throw core::Error(name + ": no routed tokens (every input_ids is empty)");
  if (declared_experts > 0 && max_expert >= declared_experts) {
    throw core::Error(name + ": expert id " + std::to_string(max_expert) + " is not below num_experts " +
                      std::to_string(declared_experts));
  }
  trace.experts = declared_experts > 0 ? declared_experts : static_cast<int>(max_expert + 1);
  if (trace.experts < trace.top_k) trace.experts = trace.top_k;
  trace.extra = {{"imported_from", name}};
  trace.validate(name);
  return trace;
}

RoutingTrace readTraceJsonl(const std::string& path, const std::string& tokenizer_json) {
  RoutingTrace trace = parseTraceJsonl(readWholeFile(path), path);
  if (!tokenizer_json.empty()) {
    trace.pieces = readHuggingFaceVocab(tokenizer_json);
    trace.tokenizer_kind = "huggingface";
    trace.extra["tokenizer"] = tokenizer_json;
  }
  return trace;
}

std::vector<std::string> readHuggingFaceVocab(const std::string& path) {
  const json doc = json::parse(readWholeFile(path), nullptr, false);
  if (doc.is_discarded()) throw core::Error(path + ": not valid JSON");
  if (!doc.is_object() || !doc.contains("model") || !doc["model"].is_object() ||
      !doc["model"].contains("vocab")) {
    throw core::Error(path + ": not a Hugging Face tokenizer.json (no model.vocab)");
  }
  std::vector<std::string> pieces;
  auto put = [&](int64_t id, const std::string& piece) {
    if (id < 0 || id > kMaxVocabId)
      throw core::Error(path + ": token id " + std::to_string(id) + " is out of range");
    if (static_cast<size_t>(id) >= pieces.size()) pieces.resize(static_cast<size_t>(id) + 1);
    pieces[static_cast<size_t>(id)] = piece;
  };
  const auto& vocab = doc["model"]["vocab"];
  if (vocab.is_object()) {
    for (const auto& [piece, id] : vocab.items()) {
      if (!id.is_number_integer()) throw core::Error(path + ": model.vocab['" + piece + "'] is not an id");
      put(id.get<int64_t>(), piece);
    }
  } else if (vocab.is_array()) {  // Unigram: [[piece, score], ...], the id is the position
    for (size_t i = 0; i < vocab.size(); ++i) {
      if (!vocab[i].is_array() || vocab[i].empty() || !vocab[i][0].is_string()) {
        throw core::Error(path + ": model.vocab[" + std::to_string(i) + "] is not [piece, score]");
      }
      put(static_cast<int64_t>(i), vocab[i][0].get<std::string>());
    }
  } else {
    throw core::Error(path + ": model.vocab is neither a map nor a list");
  }
  if (doc.contains("added_tokens") && doc["added_tokens"].is_array()) {
    for (const auto& added : doc["added_tokens"]) {
      if (added.is_object() && added.contains("id") && added["id"].is_number_integer() &&
          added.contains("content") && added["content"].is_string()) {
        put(added["id"].get<int64_t>(), added["content"].get<std::string>());
      }
    }
  }
  return pieces;
}

}  // namespace routescope::moe
