#pragma once
// Config keys shared by every moe job that builds a corpus or a tokenizer (corpus, tokenizer,
// train, trace), so they are spelled and validated the same way everywhere.
//   corpus.domains        "code,english,german"  built-in domains, comma-separated
//   corpus.domain_cap_mb  8                      cap per domain in MB (2^20 bytes)
//   corpus.extra_folders  ""                     user domains: "name=/folder;name2=/other"
//   tokenizer.kind        sentencepiece|bytes    (bytes when built without SentencePiece)
//   tokenizer.vocab_size  4096
//   tokenizer.model_type  unigram|bpe

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "backend/core/config.h"
#include "backend/moe/corpus.h"
#include "backend/moe/tokenizer.h"

namespace routescope::moe {

void addCorpusFields(core::ConfigSchema& schema);
// Throws core::Error naming the key when corpus.extra_folders is malformed.
CorpusOptions corpusOptionsFromConfig(const nlohmann::json& config);

void addTokenizerFields(core::ConfigSchema& schema);

struct TokenizerSettings {
  std::string kind = "sentencepiece";
  int vocab_size = 4096;
  SentencePieceOptions sentencepiece;
};
TokenizerSettings tokenizerSettingsFromConfig(const nlohmann::json& config);

// Bytes, or SentencePiece trained on the corpus's train split (in a child process).
std::unique_ptr<Tokenizer> buildTokenizer(const TokenizerSettings& settings, const Corpus& corpus,
                                          const core::CancelToken& cancel, const std::string& work_dir);

// What the "tokenizer.json" artifact holds: {"kind", "vocab_size", "pieces": [...]}.
nlohmann::json describeTokenizer(const Tokenizer& tokenizer);

}  // namespace routescope::moe
