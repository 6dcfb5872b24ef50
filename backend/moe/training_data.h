#pragma once
// Token streams the trainer samples from, the fixed validation windows, and the unigram baseline
// that bits-per-byte figures are compared against (torch-free).
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "backend/core/job.h"
#include "backend/moe/corpus.h"
#include "backend/moe/tokenizer.h"

namespace routescope::moe {

// A split tokenized document by document and concatenated, domain after domain.
struct TokenStream {
  std::vector<int32_t> tokens;
  std::vector<std::string> domains;    // in stream order
  std::vector<int64_t> domain_starts;  // first token of each domain; domain_starts.size() == domains.size()
  int64_t domainEnd(size_t domain) const;
};

TokenStream tokenizeSplit(const Corpus& corpus, Split split, const Tokenizer& tokenizer,
                          const core::CancelToken& cancel);

// Non-overlapping windows of context + 1 tokens (each predicts `context` tokens), taken from the
// start of every domain in equal shares up to `max_tokens` in all. `bytes` is the UTF-8 size of
// the predicted tokens' text, so bits per byte = nats / ln 2 / bytes compares across tokenizers.
struct EvalWindows {
  int64_t context = 0;
  std::vector<int32_t> tokens;  // windows × (context + 1)
  std::vector<std::string> window_domain;
  double bytes = 0;
  int64_t windows() const { return static_cast<int64_t>(window_domain.size()); }
};

EvalWindows makeEvalWindows(const TokenStream& stream, int64_t context, int64_t max_tokens,
                            const Tokenizer& tokenizer);

// Bits per byte of a unigram model of the training tokens (add-one smoothed) on the windows'
// predicted tokens: the baseline the language model must beat.
double unigramBitsPerByte(const TokenStream& train, const EvalWindows& windows, int vocab_size);

// `batch` random windows of context + 1 tokens from the stream, row-major; the draw depends only
// on (seed, step), so a resumed run sees the same batches as an uninterrupted one.
std::vector<int32_t> sampleBatch(const TokenStream& stream, int64_t batch, int64_t context, uint64_t seed,
                                 int64_t step);

}  // namespace routescope::moe
