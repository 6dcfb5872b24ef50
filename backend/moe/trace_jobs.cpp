// moe import-trace: an OLMoE-style JSONL trace (and optionally a tokenizer.json) becomes a run
// with one trace artifact (step 0), which MoE 2/2's views open like a recorded trace.
#include "backend/core/error.h"
#include "backend/moe/data_jobs.h"
#include "backend/moe/trace_jsonl.h"
#include "backend/moe/trace_store.h"

namespace routescope::moe {
namespace {

class ImportTraceJob final : public core::Job {
 public:
  void run(core::JobContext& context) override {
    const std::string file = context.config().value("file", "");
    const std::string tokenizer = context.config().value("tokenizer_json", "");
    if (file.empty()) throw core::Error("config key 'file': give the JSONL trace to import");
    context.progress(0.0, "reading " + file);
    context.recordInput(file);
    if (!tokenizer.empty()) context.recordInput(tokenizer);
    RoutingTrace trace = readTraceJsonl(file, tokenizer);
    context.throwIfCancelled();
    context.progress(0.8, "storing the trace");
    context.artifact(traceArtifactName(0), writeTrace(trace));
    context.result({{"sequences", trace.sequences.size()},
                    {"tokens", trace.tokenCount()},
                    {"layers", trace.layers},
                    {"experts", trace.experts},
                    {"top_k", trace.top_k}});
    context.progress(1.0, "trace imported");
  }
};

}  // namespace

core::JobKind importTraceJobKind() {
  core::JobKind kind;
  kind.study = "moe";
  kind.kind = "import-trace";
  kind.summary = "Import an OLMoE-style JSONL routing trace (exp_ids[token][k][layer]) as a run";
  kind.schema.text("file", "", "JSONL file: one line per sequence with input_ids and exp_ids")
      .positional("FILE")
      .text("tokenizer_json", "", "Hugging Face tokenizer.json that gives the token ids their strings")
      .flag("tokenizer");
  kind.create = [](const nlohmann::json&) { return std::make_unique<ImportTraceJob>(); };
  return kind;
}

}  // namespace routescope::moe
