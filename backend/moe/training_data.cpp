#include "backend/moe/training_data.h"

#include <algorithm>
#include <cmath>

#include "backend/core/error.h"

namespace routescope::moe {

int64_t TokenStream::domainEnd(size_t domain) const {
  return domain + 1 < domain_starts.size() ? domain_starts[domain + 1] : static_cast<int64_t>(tokens.size());
}

TokenStream tokenizeSplit(const Corpus& corpus, Split split, const Tokenizer& tokenizer,
                          const core::CancelToken& cancel) {
  TokenStream stream;
  for (const auto& domain : corpus.domains) {
    stream.domains.push_back(domain);
    stream.domain_starts.push_back(static_cast<int64_t>(stream.tokens.size()));
    for (const auto& document : corpus.split(split)) {
      if (document.domain != domain) continue;
      if (cancel.cancelled()) throw core::JobCancelled();
      const auto ids = tokenizer.encode(document.text);
      stream.tokens.insert(stream.tokens.end(), ids.begin(), ids.end());
    }
  }
  return stream;
}

EvalWindows makeEvalWindows(const TokenStream& stream, int64_t context, int64_t max_tokens,
                            const Tokenizer& tokenizer) {
  EvalWindows windows;
  windows.context = context;
  const int64_t per_domain = std::max<int64_t>(
      context, max_tokens / std::max<int64_t>(1, static_cast<int64_t>(stream.domains.size())));
  for (size_t d = 0; d < stream.domains.size(); ++d) {
    const int64_t begin = stream.domain_starts[d], end = stream.domainEnd(d);
    int64_t taken = 0;
    for (int64_t start = begin; start + context + 1 <= end && taken < per_domain; start += context) {
      const auto first = stream.tokens.begin() + start;
      windows.tokens.insert(windows.tokens.end(), first, first + context + 1);
      windows.window_domain.push_back(stream.domains[d]);
      // Bytes of the predicted tokens (positions 1..context), decoded as one piece of text.
      const std::vector<int32_t> predicted(first + 1, first + context + 1);
      windows.bytes += static_cast<double>(tokenizer.decode(predicted).size());
      taken += context;
    }
  }
  if (windows.windows() == 0) {
    throw core::Error("validation split: fewer than " + std::to_string(context + 1) +
                      " tokens in every domain (raise corpus.domain_cap_mb or lower model.context)");
  }
  return windows;
}

double unigramBitsPerByte(const TokenStream& train, const EvalWindows& windows, int vocab_size) {
  std::vector<double> counts(static_cast<size_t>(vocab_size), 1.0);  // add-one smoothing
  for (int32_t id : train.tokens) counts[static_cast<size_t>(id)] += 1.0;
  double total = 0;
  for (double c : counts) total += c;
  double bits = 0;
  const int64_t row = windows.context + 1;
  for (int64_t w = 0; w < windows.windows(); ++w) {
    for (int64_t i = 1; i < row; ++i) {
      const auto id = static_cast<size_t>(windows.tokens[static_cast<size_t>(w * row + i)]);
      bits -= std::log2(counts[id] / total);
    }
  }
  return bits / windows.bytes;
}

std::vector<int32_t> sampleBatch(const TokenStream& stream, int64_t batch, int64_t context, uint64_t seed,
                                 int64_t step) {
  const int64_t length = context + 1;
  const auto size = static_cast<int64_t>(stream.tokens.size());
  if (size < length) {
    throw core::Error("training split: " + std::to_string(size) + " tokens, fewer than one window of " +
                      std::to_string(length));
  }
  std::seed_seq sequence{static_cast<uint32_t>(seed), static_cast<uint32_t>(seed >> 32),
                         static_cast<uint32_t>(step),
                         static_cast<uint32_t>(static_cast<uint64_t>(step) >> 32), 0x6d6f65u};
  std::mt19937_64 rng(sequence);
  std::uniform_int_distribution<int64_t> start(0, size - length);
  std::vector<int32_t> out;
  out.reserve(static_cast<size_t>(batch * length));
  for (int64_t b = 0; b < batch; ++b) {
    const auto first = stream.tokens.begin() + start(rng);
    out.insert(out.end(), first, first + length);
  }
  return out;
}

}  // namespace routescope::moe
