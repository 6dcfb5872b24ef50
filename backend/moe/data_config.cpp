#include "backend/moe/data_config.h"

#include <cmath>

#include "backend/core/error.h"

namespace routescope::moe {
namespace {

std::string text(const nlohmann::json& config, const char* key, const std::string& fallback) {
  const auto* value = core::configValue(config, key);
  return value && value->is_string() ? value->get<std::string>() : fallback;
}

std::vector<std::string> splitList(const std::string& text, char separator) {
  std::vector<std::string> items;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(separator, start);
    if (end == std::string::npos) end = text.size();
    std::string item = text.substr(start, end - start);
    const size_t first = item.find_first_not_of(' ');
    const size_t last = item.find_last_not_of(' ');
    if (first != std::string::npos) items.push_back(item.substr(first, last - first + 1));
    start = end + 1;
  }
  return items;
}

}  // namespace

void addCorpusFields(core::ConfigSchema& schema) {
  schema
      .text("corpus.domains", "code,english,german",
            "built-in text domains, comma-separated (code, english, german)")
      .real("corpus.domain_cap_mb", 8.0, 0.001, 1024.0, "text per domain in MB (2^20 bytes), over all splits")
      .text("corpus.extra_folders", "", "user folders as extra domains: name=/folder;name2=/other");
}

CorpusOptions corpusOptionsFromConfig(const nlohmann::json& config) {
  CorpusOptions options;
  options.domains = splitList(text(config, "corpus.domains", "code,english,german"), ',');
  const auto* cap = core::configValue(config, "corpus.domain_cap_mb");
  if (cap && cap->is_number()) options.domain_cap_bytes = std::llround(cap->get<double>() * (1 << 20));
  for (const auto& entry : splitList(text(config, "corpus.extra_folders", ""), ';')) {
    const size_t eq = entry.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == entry.size()) {
      throw core::Error("config key 'corpus.extra_folders': '" + entry + "' is not name=/folder");
    }
    options.extra_folders.emplace_back(entry.substr(0, eq), entry.substr(eq + 1));
  }
  return options;
}

void addTokenizerFields(core::ConfigSchema& schema) {
  schema
      .choice("tokenizer.kind", sentencePieceAvailable() ? "sentencepiece" : "bytes",
              {"sentencepiece", "bytes"},
              "SentencePiece trained on the train split, or raw bytes (256 symbols)")
      .integer("tokenizer.vocab_size", 4096, 260, 65536, "SentencePiece vocabulary size")
      .choice("tokenizer.model_type", "unigram", {"unigram", "bpe"}, "SentencePiece model");
}

TokenizerSettings tokenizerSettingsFromConfig(const nlohmann::json& config) {
  TokenizerSettings settings;
  settings.kind = text(config, "tokenizer.kind", settings.kind);
  const auto* vocab = core::configValue(config, "tokenizer.vocab_size");
  if (vocab && vocab->is_number_integer()) settings.vocab_size = vocab->get<int>();
  settings.sentencepiece.model = text(config, "tokenizer.model_type", "unigram") == "bpe"
                                     ? SentencePieceModel::Bpe
                                     : SentencePieceModel::Unigram;
  return settings;
}

std::unique_ptr<Tokenizer> buildTokenizer(const TokenizerSettings& settings, const Corpus& corpus,
                                          const core::CancelToken& cancel, const std::string& work_dir) {
  if (settings.kind == "bytes") return makeByteTokenizer();
  if (settings.kind != "sentencepiece") {
    throw core::Error("config key 'tokenizer.kind': '" + settings.kind + "' is not sentencepiece or bytes");
  }
  std::vector<std::string> texts;
  texts.reserve(corpus.train.size());
  for (const auto& doc : corpus.train) texts.push_back(doc.text);
  return trainSentencePiece(texts, settings.vocab_size, cancel, work_dir, settings.sentencepiece);
}

nlohmann::json describeTokenizer(const Tokenizer& tokenizer) {
  nlohmann::json pieces = nlohmann::json::array();
  for (int id = 0; id < tokenizer.vocabSize(); ++id) pieces.push_back(tokenizer.piece(id));
  return {{"kind", tokenizer.kind()}, {"vocab_size", tokenizer.vocabSize()}, {"pieces", pieces}};
}

}  // namespace routescope::moe
