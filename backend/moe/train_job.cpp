#include "backend/moe/train_job.h"

#include <chrono>
#include <cmath>
#include <numbers>

#include "backend/core/error.h"
#include "backend/core/run_store.h"
#include "backend/core/scratch_dir.h"
#include "backend/moe/data_config.h"
#include "backend/moe/internal/checkpoint.h"
#include "backend/moe/internal/moe_transformer.h"
#include "backend/moe/internal/trace_recorder.h"
#include "backend/moe/trace_store.h"
#include "backend/moe/train_schema.h"
#include "backend/moe/training_data.h"
#include "backend/system/torch_runtime.h"

namespace routescope::moe {
namespace {

// Corpus and tokenizer: built fresh, or those of the run being resumed (so the data is identical).
struct Data {
  Corpus corpus;
  std::unique_ptr<Tokenizer> tokenizer;
  TokenStream train, valid;
};

Data prepareData(core::JobContext& context, const nlohmann::json& config, const std::string& resume_run,
                 const core::ScratchDir& scratch) {
  Data data;
  if (!resume_run.empty()) {
    const auto& store = context.store();
    data.corpus =
        deserializeCorpus(store.readArtifact(resume_run, "corpus.bin"), "run " + resume_run + " corpus.bin");
    const auto described = nlohmann::json::parse(store.readArtifactText(resume_run, "tokenizer.json"));
    data.tokenizer = loadTokenizer(described.at("kind").get<std::string>(),
                                   store.readArtifact(resume_run, "tokenizer.model"));
  } else {
    context.progress(0.0, "building the corpus");
    data.corpus = buildCorpus(
        corpusOptionsFromConfig(config),
        [&](double fraction, std::string_view message) { context.progress(0.03 * fraction, message); },
        context.cancelToken());
    for (const auto& skipped : data.corpus.manifest["skipped"]) {
      context.event("warning", "corpus: skipped " + skipped.value("source", std::string()) + ": " +
                                   skipped.value("reason", std::string()));
    }
    context.progress(0.03, "training the tokenizer");
    data.tokenizer = buildTokenizer(tokenizerSettingsFromConfig(config), data.corpus, context.cancelToken(),
                                    scratch.path());
  }
  context.artifact("corpus.bin", serializeCorpus(data.corpus));
  context.artifactText("corpus_manifest.json", data.corpus.manifest.dump(1));
  context.artifact("tokenizer.model", data.tokenizer->serialize());
  context.artifactText("tokenizer.json", describeTokenizer(*data.tokenizer).dump());
  context.progress(0.05, "tokenizing");
  data.train = tokenizeSplit(data.corpus, Split::Train, *data.tokenizer, context.cancelToken());
  data.valid = tokenizeSplit(data.corpus, Split::Valid, *data.tokenizer, context.cancelToken());
  return data;
}

torch::Tensor toTensor(const std::vector<int32_t>& ids, int64_t rows, const torch::Device& device) {
  return torch::tensor(std::vector<int64_t>(ids.begin(), ids.end()), torch::kInt64)
      .view({rows, -1})
      .to(device);
}

struct Validation {
  double loss = 0;  // nats per predicted token
  double bits_per_byte = 0;
};

Validation validate(MoeTransformer& model, const EvalWindows& windows, const torch::Device& device) {
  model->eval();
  torch::NoGradGuard no_grad;
  const int64_t row = windows.context + 1, batch = 16;
  double nats = 0;
  int64_t predicted = 0;
  for (int64_t first = 0; first < windows.windows(); first += batch) {
    const int64_t rows = std::min(batch, windows.windows() - first);
    std::vector<int32_t> ids(windows.tokens.begin() + first * row,
                             windows.tokens.begin() + (first + rows) * row);
    auto loss = nextTokenLoss(model, toTensor(ids, rows, device)).first;
    nats += loss.item<double>() * static_cast<double>(rows * windows.context);
    predicted += rows * windows.context;
  }
  model->train();
  return {nats / static_cast<double>(predicted), nats / std::numbers::ln2 / windows.bytes};
}

// Entropy (bits) of how the processed (token, expert) pairs spread over the experts.
double loadEntropy(const Dispatch& dispatch, int64_t experts) {
  auto counts = torch::bincount(dispatch.expert_index.to(torch::kCPU), {}, experts).to(torch::kFloat64);
  const double total = counts.sum().item<double>();
  if (total == 0) return 0;
  auto p = counts / total;
  return -(p * torch::log2(p.clamp_min(1e-300))).sum().item<double>();
}

class TrainJob : public core::Job {
 public:
  explicit TrainJob(nlohmann::json config) : config_(std::move(config)) {}

  void run(core::JobContext& context) override {
    system::runWithTorchErrors([&] { train(context); });
  }

 private:
  void train(core::JobContext& context) {
    system::prepareTorch(context.seed(), context.threads());
    const torch::Device device(context.device());
    const auto settings = trainSettingsFromConfig(config_);
    const auto trace_settings = traceSettingsFromConfig(config_);
    const auto resume_run = core::configValue(config_, "resume.run")->get<std::string>();
    core::ScratchDir scratch("moe-train-" + context.runId());
    Data data = prepareData(context, config_, resume_run, scratch);

    auto model_config = modelConfigFromJobConfig(config_, data.tokenizer->vocabSize());
    int64_t first_step = 1;
    std::string resume_checkpoint;
    if (!resume_run.empty()) {
      const auto& store = context.store();
      const auto steps = checkpointSteps(store, resume_run);
      if (steps.empty()) throw core::Error("resume.run " + resume_run + ": the run has no checkpoint");
      resume_checkpoint = scratch.write("resume.safetensors",
                                        store.readArtifact(resume_run, checkpointArtifactName(steps.back())));
      const auto info = readCheckpointInfo(resume_checkpoint);
      model_config = info.config;  // the resumed model's shape wins over the config's model.* keys
      first_step = info.step + 1;
    }
    MoeTransformer model(model_config);
    model->to(device);
    torch::optim::AdamW optimizer(
        model->parameters(),
        torch::optim::AdamWOptions(settings.lr).weight_decay(settings.weight_decay).betas({0.9, 0.95}));
    if (!resume_checkpoint.empty()) {
      loadModelWeights(*model, resume_checkpoint);
      const auto optimizer_file = scratch.write("optimizer.safetensors",
                                                context.store().readArtifact(resume_run, kOptimizerArtifact));
      const int64_t optimizer_step = loadOptimizerState(optimizer, *model, optimizer_file);
      if (optimizer_step != first_step - 1) {
        throw core::Error("resume.run " + resume_run + ": optimizer state is of step " +
                          std::to_string(optimizer_step) + ", the latest checkpoint of step " +
                          std::to_string(first_step - 1));
      }
      context.event("info", "resumed run " + resume_run + " after step " + std::to_string(first_step - 1));
    }
    context.artifactText("model_config.json", toJson(model_config).dump(1));

    const auto windows =
        makeEvalWindows(data.valid, model_config.context, settings.eval_tokens, *data.tokenizer);
    const double unigram = unigramBitsPerByte(data.train, windows, data.tokenizer->vocabSize());
    context.metric("unigram_bpb", 0, unigram);
    const auto trace_sequences = traceSequences(context, data, model_config, trace_settings);

    const int64_t tokens_per_step = settings.batch * model_config.context;
    Validation last{};
    double tokens_per_second = 0;
    auto window_start = std::chrono::steady_clock::now();
    int64_t window_steps = 0;
    model->train();
    for (int64_t step = first_step; step <= settings.steps; ++step) {
      context.throwIfCancelled();
      const double lr = learningRate(settings, step);
      for (auto& group : optimizer.param_groups())
        static_cast<torch::optim::AdamWOptions&>(group.options()).lr(lr);
      auto windows_batch =
          toTensor(sampleBatch(data.train, settings.batch, model_config.context, context.seed(), step),
                   settings.batch, device);
      auto [ce, out] = nextTokenLoss(model, windows_batch);
      auto loss = ce + out.aux_loss;
      optimizer.zero_grad();
      loss.backward();
      if (settings.clip > 0) torch::nn::utils::clip_grad_norm_(model->parameters(), settings.clip);
      optimizer.step();
      ++window_steps;

      if (step % settings.log_every == 0 || step == first_step || step == settings.steps) {
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - window_start).count();
        tokens_per_second = static_cast<double>(window_steps * tokens_per_step) / std::max(seconds, 1e-9);
        window_start = std::chrono::steady_clock::now();
        window_steps = 0;
        logStep(context, step, ce.item<double>(), out, lr, tokens_per_second, model_config.experts);
      }
      if (step % settings.eval_every == 0 || step == settings.steps) {
        last = validate(model, windows, device);
        context.metric("valid_loss", step, last.loss);
        context.metric("valid_bpb", step, last.bits_per_byte);
        context.metric("valid_bpb_vs_unigram", step, last.bits_per_byte / unigram);
      }
      if (std::binary_search(settings.checkpoint_steps.begin(), settings.checkpoint_steps.end(), step)) {
        saveCheckpoint(context, scratch, model, optimizer, model_config, step);
        traceCheckpoint(context, model, *data.tokenizer, trace_sequences, trace_settings, step,
                        step == settings.steps, device);
      }
      context.progress(0.05 + 0.95 * static_cast<double>(step) / static_cast<double>(settings.steps),
                       "step " + std::to_string(step) + "/" + std::to_string(settings.steps) + ", loss " +
                           std::to_string(ce.item<double>()).substr(0, 6));
    }
    context.result({{"valid_bpb", last.bits_per_byte},
                    {"unigram_bpb", unigram},
                    {"valid_bpb_vs_unigram", last.bits_per_byte / unigram},
                    {"valid_loss", last.loss},
                    {"steps", settings.steps},
                    {"tokens_per_second", tokens_per_second},
                    {"parameters", parameterCount(*model)},
                    {"checkpoints", settings.checkpoint_steps.size()}});
  }

  static int64_t parameterCount(torch::nn::Module& model) {
    int64_t count = 0;
    for (const auto& p : model.parameters()) count += p.numel();
    return count;
  }

  static void logStep(core::JobContext& context, int64_t step, double ce, const ForwardResult& out, double lr,
                      double tokens_per_second, int64_t experts) {
    context.metric("loss", step, ce);
    context.metric("lr", step, lr);
    context.metric("tokens_per_second", step, tokens_per_second);
    double balance = 0, z = 0;
    for (size_t layer = 0; layer < out.routing.size(); ++layer) {
      const auto& routing = out.routing[layer];
      balance += routing.balance_loss.item<double>();
      z += routing.z_loss.item<double>();
      const std::string suffix = ".layer" + std::to_string(layer);
      context.metric("drop_rate" + suffix, step,
                     1.0 - routing.dispatch.kept.to(torch::kFloat32).mean().item<double>());
      context.metric("load_entropy" + suffix, step, loadEntropy(routing.dispatch, experts));
    }
    context.metric("balance_loss", step, balance);
    context.metric("z_loss", step, z);
  }

  std::vector<TraceSequence> traceSequences(core::JobContext& context, const Data& data,
                                            const MoeModelConfig& config,
                                            const TraceSettings& settings) const {
    if (settings.tokens == 0) return {};
    // The validation split is already tokenized for training; the test split is tokenized here.
    const auto sequences =
        chooseTraceSequences(settings.text, *data.tokenizer, config.context, settings.tokens, [&] {
          return settings.set == "test"
                     ? tokenizeSplit(data.corpus, Split::Test, *data.tokenizer, context.cancelToken())
                     : data.valid;
        });
    const int64_t tokens = tokenCount(sequences);
    TraceOptions options;
    options.full_probs = settings.full_probs;
    options.gru_state = settings.gru_states == "all";
    const int64_t bytes = estimateTraceBytes(tokens, config, options);
    context.event("info", "trace: " + std::to_string(tokens) + " tokens × " +
                              std::to_string(config.moeLayerCount()) + " MoE layers per checkpoint, about " +
                              std::to_string(bytes / 1024) + " KiB each");
    return sequences;
  }

  static void saveCheckpoint(core::JobContext& context, const core::ScratchDir& scratch,
                             MoeTransformer& model, torch::optim::AdamW& optimizer,
                             const MoeModelConfig& config, int64_t step) {
    const auto model_file = scratch.file("checkpoint.safetensors");
    writeModelCheckpoint(*model, config, step, model_file);
    context.artifactFile(checkpointArtifactName(step), model_file);
    // Only the latest optimizer state is kept: resuming continues from the latest checkpoint.
    const auto optimizer_file = scratch.file("optimizer.safetensors");
    writeOptimizerState(optimizer, *model, step, optimizer_file);
    context.artifactFile(kOptimizerArtifact, optimizer_file);
  }

  static void traceCheckpoint(core::JobContext& context, MoeTransformer& model, const Tokenizer& tokenizer,
                              const std::vector<TraceSequence>& sequences, const TraceSettings& settings,
                              int64_t step, bool final_step, const torch::Device& device) {
    if (sequences.empty()) return;
    TraceOptions options;
    options.full_probs = settings.full_probs;
    options.gru_state = settings.gru_states == "all" || (settings.gru_states == "final" && final_step);
    auto trace = recordTrace(model, sequences, tokenizer, step, options, device);
    trace.run_id = context.runId();
    trace.extra["text_set"] = settings.text.empty() ? settings.set : "pasted";
    context.artifact(traceArtifactName(step), writeTrace(trace));
    model->train();
  }

  nlohmann::json config_;
};

}  // namespace

core::JobKind trainJobKind() {
  core::JobKind kind;
  kind.study = "moe";
  kind.kind = "train";
  kind.summary = "Train a small MoE language model (OpenMoE linear or RMoE GRU router) and trace its routing";
  kind.schema = trainSchema();
  kind.presets = trainPresets();
  kind.create = [](const nlohmann::json& config) { return std::make_unique<TrainJob>(config); };
  return kind;
}

}  // namespace routescope::moe
