#include "backend/moe/trace_job.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "backend/core/error.h"
#include "backend/core/run_store.h"
#include "backend/moe/checkpoint.h"
#include "backend/moe/corpus.h"
#include "backend/moe/trace_recorder.h"
#include "backend/moe/trace_store.h"
#include "backend/moe/training_data.h"
#include "backend/system/torch_runtime.h"

namespace routescope::moe {
namespace {

namespace fs = std::filesystem;

std::string artifactString(const core::RunStore& store, const std::string& run, const std::string& name) {
  const auto bytes = store.readArtifact(run, name);
  return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

class TraceJob : public core::Job {
 public:
  explicit TraceJob(nlohmann::json config) : config_(std::move(config)) {}

  void run(core::JobContext& context) override {
    system::runWithTorchErrors([&] { trace(context); });
  }

 private:
  void trace(core::JobContext& context) {
    system::prepareTorch(context.seed(), context.threads());
    const torch::Device device(context.device());
    const auto& store = context.store();
    const auto source = store.run(config_.at("run").get<std::string>());
    if (source.study != "moe" || source.kind != "train") {
      throw core::Error("run " + source.id + " is a " + source.study + " " + source.kind + " run, not moe train");
    }
    const auto described = nlohmann::json::parse(artifactString(store, source.id, "tokenizer.json"));
    const auto tokenizer =
        loadTokenizer(described.at("kind").get<std::string>(), store.readArtifact(source.id, "tokenizer.model"));
    std::vector<int64_t> steps;
    for (const auto& info : store.artifacts(source.id)) {
      long long step = 0;
      if (std::sscanf(info.name.c_str(), "checkpoint-step-%lld.safetensors", &step) == 1) steps.push_back(step);
    }
    std::sort(steps.begin(), steps.end());
    if (steps.empty()) throw core::Error("run " + source.id + " has no checkpoints to trace");

    const auto scratch = fs::temp_directory_path() / ("routescope-trace-" + context.runId());
    fs::create_directories(scratch);
    struct Cleanup {
      fs::path path;
      ~Cleanup() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
      }
    } cleanup{scratch};
    const auto checkpoint_file = (scratch / "checkpoint.safetensors").string();
    auto fetch = [&](int64_t step) {
      const auto bytes = store.readArtifact(source.id, checkpointArtifactName(step));
      std::ofstream(checkpoint_file, std::ios::binary)
          .write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    };
    fetch(steps.back());
    const auto model_config = readCheckpointInfo(checkpoint_file).config;

    const auto text = config_.at("text").get<std::string>();
    const int64_t max_tokens = config_.at("tokens").get<int64_t>();
    std::vector<TraceSequence> sequences;
    if (!text.empty()) {
      sequences = traceSequencesFromText(text, *tokenizer, model_config.context);
    } else {
      const auto corpus = deserializeCorpus(store.readArtifact(source.id, "corpus.bin"), "run " + source.id + " corpus.bin");
      const auto split = config_.at("set").get<std::string>() == "test" ? Split::Test : Split::Valid;
      sequences = traceSequencesFromStream(tokenizeSplit(corpus, split, *tokenizer, context.cancelToken()),
                                           model_config.context, max_tokens);
    }
    int64_t tokens = 0;
    for (const auto& s : sequences) tokens += static_cast<int64_t>(s.token_ids.size());
    TraceOptions options;
    options.full_probs = config_.at("full_probs").get<bool>();
    options.gru_state = config_.at("gru_states").get<bool>();
    context.event("info", "trace: " + std::to_string(steps.size()) + " checkpoints × " + std::to_string(tokens) +
                              " tokens, about " +
                              std::to_string(estimateTraceBytes(tokens, model_config, options) * static_cast<int64_t>(steps.size()) / 1024) +
                              " KiB in all");
    for (size_t i = 0; i < steps.size(); ++i) {
      context.throwIfCancelled();
      fetch(steps[i]);
      MoeTransformer model(model_config);
      loadModelWeights(*model, checkpoint_file);
      model->to(device);
      auto trace = recordTrace(model, sequences, *tokenizer, steps[i], options, device);
      trace.run_id = source.id;
      trace.extra["text_set"] = text.empty() ? config_.at("set").get<std::string>() : "pasted";
      context.artifact(traceArtifactName(steps[i]), writeTrace(trace));
      context.progress(static_cast<double>(i + 1) / static_cast<double>(steps.size()),
                       "checkpoint " + std::to_string(steps[i]));
    }
    context.result({{"source_run", source.id}, {"checkpoints", steps.size()}, {"tokens", tokens}});
  }

  nlohmann::json config_;
};

}  // namespace

core::JobKind traceJobKind() {
  core::JobKind kind;
  kind.study = "moe";
  kind.kind = "trace";
  kind.summary = "Trace the routing of every checkpoint of a training run on a text set";
  kind.schema.text("run", "", "the moe train run whose checkpoints are traced")
      .flag("run")
      .choice("set", "valid", {"valid", "test"}, "split of the run's corpus to trace (all domains)")
      .text("text", "", "pasted text to trace instead of a split")
      .flag("text")
      .integer("tokens", 8192, 1, 50'000, "tokens traced (equal share per domain)")
      .boolean("full_probs", false, "keep every expert's probability")
      .boolean("gru_states", false, "keep the GRU router states (fp16)");
  kind.create = [](const nlohmann::json& config) {
    if (config.at("run").get<std::string>().empty()) throw core::Error("moe trace: --run ID is required");
    return std::make_unique<TraceJob>(config);
  };
  return kind;
}

}  // namespace routescope::moe
