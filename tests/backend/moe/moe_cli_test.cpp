// routescope-cli moe verbs of the data layer, end to end: import-trace, export-trace,
// inspect-checkpoint, corpus and tokenizer (exit codes, --json contracts, one-line errors).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "backend/core/run_store.h"
#include "backend/moe/corpus.h"
#include "backend/moe/tokenizer.h"
#include "backend/moe/trace_store.h"
#include "tests/support/cli_runner.h"

namespace fs = std::filesystem;
using routescope::testing::CliResult;
using routescope::testing::runCli;

namespace {

class MoeCli : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = routescope::testing::makeTempDir(); }
  void TearDown() override { fs::remove_all(dir_); }
  std::string db() const { return dir_ + "/runs.sqlite"; }

  CliResult cli(std::vector<std::string> args) {
    args.insert(args.end(), {"--db", db(), "--quiet"});
    return runCli(args);
  }
  nlohmann::json json(std::vector<std::string> args) {
    args.push_back("--json");
    const CliResult r = cli(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out, nullptr, false);
  }
  std::string write(const std::string& name, const std::string& text) {
    const std::string path = dir_ + "/" + name;
    std::ofstream(path) << text;
    return path;
  }
  static int lines(const std::string& text) {
    return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  }
  std::string fixtures() {
    const std::string out = dir_ + "/fixtures";
    const std::string command = std::string("python3 '") + ROUTESCOPE_MOE_FIXTURE_SCRIPT + "' '" + out + "'";
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
    return out;
  }
  std::string dir_;
};

const char* kTrace =
    "{\"input_ids\": [5, 6, 7], \"predicted_token_ids\": [6, 7, 5], \"exp_ids\": [[[0, 1], [2, 3]], "
    "[[1, 1], [0, 3]], [[3, 2], [1, 0]]], \"exp_probs\": [[[0.5, 0.25], [0.25, 0.125]], [[0.5, 0.5], "
    "[0.25, 0.25]], [[0.75, 0.5], [0.125, 0.25]]], \"domain\": \"code\", \"num_experts\": 4}\n"
    "{\"input_ids\": [9], \"predicted_token_ids\": [5], \"exp_ids\": [[[2, 2], [3, 1]]], \"exp_probs\": "
    "[[[0.5, 0.5], [0.25, 0.25]]], \"domain\": \"german\", \"num_experts\": 4}\n";

}  // namespace

TEST_F(MoeCli, ImportTraceThenExportGivesTheSameJsonl) {
  const std::string file = write("trace.jsonl", kTrace);
  const std::string tokenizer =
      write("tokenizer.json", R"({"model": {"vocab": {"a": 5, "b": 6, "c": 7, "ü": 9}}})");
  const auto imported = json({"moe", "import-trace", file, "--tokenizer", tokenizer});
  ASSERT_TRUE(imported.contains("run_id")) << imported.dump();
  EXPECT_EQ(imported["tokens"], 4);
  EXPECT_EQ(imported["layers"], 2);
  EXPECT_EQ(imported["top_k"], 2);
  const std::string run_id = imported["run_id"];

  {
    routescope::core::RunStore store(db());
    EXPECT_EQ(routescope::moe::traceSteps(store, run_id), std::vector<int64_t>{0});
    const auto trace = routescope::moe::loadTrace(store, run_id, 0);
    EXPECT_EQ(trace.pieceOf(9), "ü");
    EXPECT_EQ(trace.experts, 4);
  }

  const std::string out = dir_ + "/out.jsonl";
  const auto exported = json({"moe", "export-trace", "--run", run_id, "--out", out});
  EXPECT_EQ(exported["checkpoint"], 0);
  EXPECT_EQ(exported["sequences"], 2);
  std::ifstream original(file), back(out);
  std::string a, b;
  int compared = 0;
  while (std::getline(original, a) && std::getline(back, b)) {
    EXPECT_EQ(nlohmann::json::parse(a), nlohmann::json::parse(b));
    ++compared;
  }
  EXPECT_EQ(compared, 2);

  const CliResult text = cli({"moe", "export-trace", "--run", run_id, "--checkpoint", "100", "--out", out});
  EXPECT_EQ(text.exit_code, 1);
  EXPECT_NE(text.err.find("no routing trace of checkpoint step 100 (traced steps: 0)"), std::string::npos)
      << text.err;
}

// moe analyze / moe compare on imported traces (no full_probs, no dropped flags): the analyses the
// trace allows, notes for the others, one-line errors.
TEST_F(MoeCli, AnalyzeAndCompareImportedTraces) {
  const std::string file = write("trace.jsonl", kTrace);
  const std::string a = json({"moe", "import-trace", file})["run_id"];
  const std::string b = json({"moe", "import-trace", file})["run_id"];

  const auto analysis = json({"moe", "analyze", "--run", a});
  EXPECT_EQ(analysis["run_id"], a);
  EXPECT_EQ(analysis["tokens"], 4);
  for (const char* key : {"mi_token", "mi_position", "mi_prev_token", "expert_entropy"}) {
    ASSERT_TRUE(analysis[key].is_array()) << key;
    EXPECT_EQ(analysis[key].size(), 2u) << key;
  }
  EXPECT_EQ(analysis["early_learning"]["steps"], nlohmann::json({0}));
  EXPECT_TRUE(analysis["cross_layer_mi_binned"].is_null());
  EXPECT_TRUE(analysis["drop_by_position"].is_null());
  EXPECT_FALSE(analysis["notes"].empty());

  const CliResult text = cli({"moe", "analyze", "--run", a});
  EXPECT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("I(e;tok)"), std::string::npos) << text.out;

  // moe compare is a job: a stored run with comparison.json, its headline spread as the result.
  const auto compared = json({"moe", "compare", "--runs", a + "," + b.substr(0, 12)});
  EXPECT_EQ(compared["status"], "completed");
  EXPECT_EQ(compared["runs"], nlohmann::json({a, b}));
  EXPECT_EQ(compared["comparison"]["mi_token"]["std"], 0.0);  // the same trace twice
  EXPECT_EQ(compared["seed_groups"], 1);                      // same file, same config: one group
  const CliResult one = cli({"moe", "compare", "--runs", a});
  EXPECT_EQ(one.exit_code, 1);
  EXPECT_NE(one.err.find("give at least two runs"), std::string::npos) << one.err;
  const CliResult unknown = cli({"moe", "compare", "--runs", a + ",zzzz-no-such-run"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("zzzz-no-such-run"), std::string::npos) << unknown.err;

  const CliResult missing = cli({"moe", "analyze", "--run", a, "--step", "5"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(lines(missing.err), 1) << missing.err;
  EXPECT_NE(missing.err.find("no routing trace of step 5"), std::string::npos) << missing.err;
}

TEST_F(MoeCli, MalformedTraceExitsWith1AndOneLineNamingFileAndLine) {
  const std::string file =
      write("bad.jsonl",
            std::string(kTrace) + "{\"input_ids\": [1], \"exp_ids\": [[[0]]], \"exp_probs\": [[[0.5]]]}\n");
  const CliResult r = cli({"moe", "import-trace", file});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(lines(r.err), 1) << r.err;
  EXPECT_NE(r.err.find(file + ":3: exp_ids is ragged"), std::string::npos) << r.err;

  const CliResult missing = cli({"moe", "import-trace", dir_ + "/nothing.jsonl"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(lines(missing.err), 1) << missing.err;
  EXPECT_NE(missing.err.find(dir_ + "/nothing.jsonl"), std::string::npos) << missing.err;

  EXPECT_EQ(cli({"moe", "import-trace"}).exit_code, 2);  // FILE is required
}

TEST_F(MoeCli, InspectCheckpointPrintsLayersExpertsHidden) {
  const std::string fx = fixtures();
  const auto mixtral = json({"moe", "inspect-checkpoint", fx + "/mixtral.safetensors"});
  EXPECT_EQ(mixtral["layers"], 4);
  EXPECT_EQ(mixtral["experts"], 4);
  EXPECT_EQ(mixtral["hidden"], 6);
  EXPECT_EQ(mixtral["layout"], "mixtral");

  const CliResult text =
      cli({"moe", "inspect-checkpoint", fx + "/deepseek_sharded/model.safetensors.index.json"});
  EXPECT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("layers: 3"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("experts: 6"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("hidden: 4"), std::string::npos) << text.out;

  const std::string run_id = mixtral["run_id"];
  routescope::core::RunStore store(db());
  std::vector<std::string> names;
  for (const auto& a : store.artifacts(run_id)) names.push_back(a.name);
  for (const char* expected :
       {"router_summary.json", "router_summary.safetensors", "router_weights.safetensors"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), expected), names.end()) << expected;
  }
  // The views draw norms and similarity matrices from the JSON: [layer][expert] and
  // [layer][expert][expert] with ones on the diagonal (or 0 for an all-zero router row).
  const auto summary = nlohmann::json::parse(store.readArtifactText(run_id, "router_summary.json"));
  ASSERT_EQ(summary["norms"].size(), 4u);
  ASSERT_EQ(summary["cosine_similarity"].size(), 4u);
  ASSERT_EQ(summary["cosine_similarity"][1].size(), 4u);
  ASSERT_EQ(summary["cosine_similarity"][1][2].size(), 4u);
  const double diagonal = summary["cosine_similarity"][1][2][2].get<double>();
  EXPECT_TRUE(std::abs(diagonal - 1.0) < 1e-5 || diagonal == 0.0) << diagonal;

  for (const char* bad : {"truncated", "no_routers"}) {
    const std::string path = fx + "/malformed/" + bad + ".safetensors";
    const CliResult r = cli({"moe", "inspect-checkpoint", path});
    EXPECT_EQ(r.exit_code, 1) << bad;
    EXPECT_EQ(lines(r.err), 1) << r.err;
    EXPECT_NE(r.err.find(path), std::string::npos) << r.err;
  }
}

TEST_F(MoeCli, CorpusAndTokenizerJobsStoreTheirArtifacts) {
  const auto corpus =
      json({"moe", "corpus", "--set", "corpus.domains=german", "--set", "corpus.domain_cap_mb=0.05"});
  ASSERT_TRUE(corpus.contains("run_id")) << corpus.dump();
  EXPECT_EQ(corpus["domains"], nlohmann::json({"german"}));
  {
    routescope::core::RunStore store(db());
    const auto bytes = store.readArtifact(corpus["run_id"], "corpus.bin");
    const auto restored = routescope::moe::deserializeCorpus(bytes, "corpus.bin");
    EXPECT_EQ(restored.bytes(routescope::moe::Split::Train), corpus["train_bytes"].get<int64_t>());
    const auto manifest_bytes = store.readArtifact(corpus["run_id"], "corpus_manifest.json");
    const auto manifest = nlohmann::json::parse(
        std::string(reinterpret_cast<const char*>(manifest_bytes.data()), manifest_bytes.size()));
    EXPECT_TRUE(manifest["domains"].contains("german")) << manifest.dump();
  }

  const std::string kind = routescope::moe::sentencePieceAvailable() ? "sentencepiece" : "bytes";
  const auto tokenizer =
      json({"moe", "tokenizer", "--set", "corpus.domains=german", "--set", "corpus.domain_cap_mb=0.1",
            "--set", "tokenizer.kind=" + kind, "--set", "tokenizer.vocab_size=400"});
  ASSERT_TRUE(tokenizer.contains("run_id")) << tokenizer.dump();
  EXPECT_EQ(tokenizer["kind"], kind);
  EXPECT_GT(tokenizer["valid_bytes_per_token"].get<double>(), 1.0);
  routescope::core::RunStore store(db());
  const auto model = store.readArtifact(tokenizer["run_id"], "tokenizer.model");
  const auto loaded = routescope::moe::loadTokenizer(kind, model);
  EXPECT_EQ(loaded->decode(loaded->encode("Der Fuchs \xC3\xBC"
                                          "ber alles\n")),
            "Der Fuchs \xC3\xBC"
            "ber alles\n");

  const CliResult bad = cli({"moe", "corpus", "--set", "corpus.domains=klingon"});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("corpus domain 'klingon'"), std::string::npos) << bad.err;
}

// `moe train --preset ... --json` prints the run id and the headline numbers; `moe trace` traces
// its checkpoints; the MoE plugin's figures and report come from the stored run.
TEST_F(MoeCli, TrainWithAPresetThenTraceExportAndReport) {
  const std::string texts = dir_ + "/texts";
  fs::create_directories(texts);
  for (int f = 0; f < 30; ++f) {
    std::ofstream out(texts + "/t" + std::to_string(f) + ".txt");
    for (int line = 0; line < 40; ++line)
      out << "the router sends token " << (f + line) % 7 << " to expert " << line % 4 << ".\n";
  }
  const auto trained = json({"moe", "train", "--preset", "tiny", "--seed", "3", "--threads", "1", "--set",
                             "corpus.domains=", "--set", "corpus.extra_folders=toy=" + texts});
  ASSERT_TRUE(trained.contains("run_id")) << trained.dump();
  EXPECT_EQ(trained["status"], "completed");
  EXPECT_LT(trained["valid_bpb"].get<double>(), trained["unigram_bpb"].get<double>());
  const std::string run = trained["run_id"];
  {
    routescope::core::RunStore store(db());
    EXPECT_EQ(store.run(run).config["preset"], "tiny");
    EXPECT_EQ(store.run(run).config["model"]["layers"], 2);
  }

  const auto traced = json({"moe", "trace", "--run", run, "--text", "the router sends token 3"});
  ASSERT_TRUE(traced.contains("run_id")) << traced.dump();
  EXPECT_EQ(traced["checkpoints"], 2);

  const CliResult unknown = cli({"moe", "train", "--preset", "huge"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("--preset 'huge'"), std::string::npos) << unknown.err;

#ifdef ROUTESCOPE_HAVE_GUI
  const CliResult figures = cli({"figures", "--run", run});
  ASSERT_EQ(figures.exit_code, 0) << figures.err;
  EXPECT_NE(figures.out.find("bits-per-byte"), std::string::npos) << figures.out;
  const std::string svg = dir_ + "/bpb.svg";
  const CliResult exported = cli({"export", "--run", run, "--figure", "bits-per-byte", "--out", svg});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_NE(routescope::testing::readFile(svg).find("<svg"), std::string::npos);
  const std::string html = dir_ + "/report.html";
  const CliResult report = cli({"report", "--run", run, "--out", html});
  ASSERT_EQ(report.exit_code, 0) << report.err;
  const std::string page = routescope::testing::readFile(html);
  EXPECT_NE(page.find("MoE language model"), std::string::npos);
  EXPECT_NE(page.find("validation bits per byte"), std::string::npos);
#endif
}
