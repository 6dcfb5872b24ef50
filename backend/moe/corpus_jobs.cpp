// moe corpus and moe tokenizer: build the corpus (and train a tokenizer) and store them in a run.
#include <filesystem>

#include "backend/moe/data_config.h"
#include "backend/moe/data_jobs.h"

namespace fs = std::filesystem;

namespace routescope::moe {
namespace {

void storeManifest(core::JobContext& context, const Corpus& corpus) {
  for (const auto& s : corpus.manifest["skipped"]) {
    context.event("warning", "corpus domain '" + s.value("domain", "") + "': skipped " +
                                 s.value("source", "") + ": " + s.value("reason", ""));
  }
  context.artifactText("corpus_manifest.json", corpus.manifest.dump(1));
}

Corpus buildCorpusForJob(core::JobContext& context, double progress_share) {
  const auto options = corpusOptionsFromConfig(context.config());
  auto corpus = buildCorpus(
      options,
      [&](double fraction, std::string_view message) {
        context.progress(fraction * progress_share, message);
      },
      context.cancelToken());
  context.throwIfCancelled();
  return corpus;
}

class CorpusJob final : public core::Job {
 public:
  void run(core::JobContext& context) override {
    const Corpus corpus = buildCorpusForJob(context, 0.95);
    storeManifest(context, corpus);
    context.artifact("corpus.bin", serializeCorpus(corpus));
    context.result({{"domains", corpus.domains},
                    {"train_bytes", corpus.bytes(Split::Train)},
                    {"valid_bytes", corpus.bytes(Split::Valid)},
                    {"test_bytes", corpus.bytes(Split::Test)}});
    context.progress(1.0, "corpus stored");
  }
};

class TokenizerJob final : public core::Job {
 public:
  void run(core::JobContext& context) override {
    const Corpus corpus = buildCorpusForJob(context, 0.4);
    storeManifest(context, corpus);
    const auto settings = tokenizerSettingsFromConfig(context.config());
    context.progress(0.4, "training the " + settings.kind + " tokenizer");
    const fs::path work = fs::temp_directory_path() / ("routescope-" + context.runId() + "-tokenizer");
    fs::create_directories(work);
    std::unique_ptr<Tokenizer> tokenizer;
    try {
      tokenizer = buildTokenizer(settings, corpus, context.cancelToken(), work.string());
    } catch (...) {
      fs::remove_all(work);
      throw;
    }
    fs::remove_all(work);
    context.throwIfCancelled();
    context.artifact("tokenizer.model", tokenizer->serialize());
    auto description = describeTokenizer(*tokenizer);
    context.artifactText("tokenizer.json",
                         description.dump(1, ' ', false, nlohmann::json::error_handler_t::replace));

    // Bytes per token on the valid split: how much the tokenizer compresses unseen text.
    int64_t bytes = 0, tokens = 0;
    for (const auto& doc : corpus.valid) {
      bytes += static_cast<int64_t>(doc.text.size());
      tokens += static_cast<int64_t>(tokenizer->encode(doc.text).size());
      context.throwIfCancelled();
    }
    const double bytes_per_token =
        tokens > 0 ? static_cast<double>(bytes) / static_cast<double>(tokens) : 0.0;
    context.metric("valid_bytes_per_token", 0, bytes_per_token);
    context.result({{"kind", tokenizer->kind()},
                    {"vocab_size", tokenizer->vocabSize()},
                    {"valid_bytes_per_token", bytes_per_token}});
    context.progress(1.0, "tokenizer stored");
  }
};

}  // namespace

core::JobKind corpusJobKind() {
  core::JobKind kind;
  kind.study = "moe";
  kind.kind = "corpus";
  kind.summary = "Build the text corpus (code, English, German, user folders) and store it with its manifest";
  addCorpusFields(kind.schema);
  kind.create = [](const nlohmann::json&) { return std::make_unique<CorpusJob>(); };
  return kind;
}

core::JobKind tokenizerJobKind() {
  core::JobKind kind;
  kind.study = "moe";
  kind.kind = "tokenizer";
  kind.summary = "Build the corpus and train a tokenizer (SentencePiece or bytes) on its train split";
  addCorpusFields(kind.schema);
  addTokenizerFields(kind.schema);
  kind.create = [](const nlohmann::json&) { return std::make_unique<TokenizerJob>(); };
  return kind;
}

}  // namespace routescope::moe
