#include "backend/moe/trace_job.h"

#include <algorithm>

#include "backend/core/error.h"
#include "backend/core/run_store.h"
#include "backend/core/scratch_dir.h"
#include "backend/moe/corpus.h"
#include "backend/moe/internal/checkpoint.h"
#include "backend/moe/internal/trace_recorder.h"
#include "backend/moe/trace_store.h"
#include "backend/moe/training_data.h"
#include "backend/system/torch_runtime.h"

namespace routescope::moe {
namespace {

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
      throw core::Error("run " + source.id + " is a " + source.study + " " + source.kind +
                        " run, not moe train");
    }
    const auto described = nlohmann::json::parse(store.readArtifactText(source.id, "tokenizer.json"));
    const auto tokenizer = loadTokenizer(described.at("kind").get<std::string>(),
                                         store.readArtifact(source.id, "tokenizer.model"));
    const auto steps = checkpointSteps(store, source.id);
    if (steps.empty()) throw core::Error("run " + source.id + " has no checkpoints to trace");

    core::ScratchDir scratch("moe-trace-" + context.runId());
    const auto checkpoint_file = scratch.file("checkpoint.safetensors");
    auto fetch = [&](int64_t step) {
      scratch.write("checkpoint.safetensors", store.readArtifact(source.id, checkpointArtifactName(step)));
    };
    fetch(steps.back());
    const auto model_config = readCheckpointInfo(checkpoint_file).config;

    const auto text = config_.at("text").get<std::string>();
    const int64_t max_tokens = config_.at("tokens").get<int64_t>();
    const auto sequences = chooseTraceSequences(text, *tokenizer, model_config.context, max_tokens, [&] {
      const auto corpus =
          deserializeCorpus(store.readArtifact(source.id, "corpus.bin"), "run " + source.id + " corpus.bin");
      const auto split = config_.at("set").get<std::string>() == "test" ? Split::Test : Split::Valid;
      return tokenizeSplit(corpus, split, *tokenizer, context.cancelToken());
    });
    const int64_t tokens = tokenCount(sequences);
    TraceOptions options;
    options.full_probs = config_.at("full_probs").get<bool>();
    options.gru_state = config_.at("gru_states").get<bool>();
    context.event("info", "trace: " + std::to_string(steps.size()) + " checkpoints × " +
                              std::to_string(tokens) + " tokens, about " +
                              std::to_string(estimateTraceBytes(tokens, model_config, options) *
                                             static_cast<int64_t>(steps.size()) / 1024) +
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
