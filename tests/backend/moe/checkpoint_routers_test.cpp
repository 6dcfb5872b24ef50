// Router weights of real MoE checkpoints, read from fixtures that an independent writer
// (tests/fixtures/write_moe_checkpoints.py, Python standard library) makes at test time.
#include "backend/moe/checkpoint_routers.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "backend/core/error.h"
#include "tests/support/cli_runner.h"

namespace fs = std::filesystem;
using namespace routescope::moe;

namespace {

class CheckpointRouters : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(routescope::testing::makeTempDir());
    const std::string command =
        std::string("python3 '") + ROUTESCOPE_MOE_FIXTURE_SCRIPT + "' '" + *dir_ + "'";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
    std::ifstream in(*dir_ + "/expected.json");
    expected_ = new nlohmann::json(nlohmann::json::parse(in));
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
    delete expected_;
  }
  static std::string path(const std::string& name) { return *dir_ + "/" + name; }

  // Compares everything the importer reports with what the writer recorded.
  static void expectFixture(const std::string& file, const std::string& key) {
    SCOPED_TRACE(file);
    const auto& e = (*expected_)[key];
    const RouterWeights w = readRouterWeights(path(file));
    EXPECT_EQ(w.layout, e["layout"]);
    EXPECT_EQ(w.layers, e["layers"]);
    EXPECT_EQ(w.experts, e["experts"]);
    EXPECT_EQ(w.hidden, e["hidden"]);
    EXPECT_EQ(w.tensor_names, e["tensor_names"].get<std::vector<std::string>>());
    ASSERT_EQ(w.weights.size(), e["weights"].size());
    for (size_t l = 0; l < w.weights.size(); ++l) {
      EXPECT_EQ(w.weights[l], e["weights"][l].get<std::vector<float>>()) << "layer " << l;
    }
    const auto norms = routerWeightNorms(w);
    for (size_t l = 0; l < norms.size(); ++l) {
      for (size_t x = 0; x < norms[l].size(); ++x)
        EXPECT_NEAR(norms[l][x], e["norms"][l][x].get<double>(), 1e-5);
      const auto cosine = expertCosineSimilarity(w, static_cast<int>(l));
      for (size_t x = 0; x < cosine.size(); ++x)
        EXPECT_NEAR(cosine[x], e["cosine"][l][x].get<double>(), 1e-5);
    }
  }

  static std::string errorOf(const std::string& file) {
    try {
      readRouterWeights(path(file));
    } catch (const routescope::core::Error& e) {
      return e.what();
    }
    return "no error";
  }

  static std::string* dir_;
  static nlohmann::json* expected_;
};

std::string* CheckpointRouters::dir_ = nullptr;
nlohmann::json* CheckpointRouters::expected_ = nullptr;

}  // namespace

TEST_F(CheckpointRouters, MixtralLayersInNumericOrder) {
  expectFixture("mixtral.safetensors", "mixtral");
}
TEST_F(CheckpointRouters, OlmoeQwenBf16IgnoresSharedExpertGate) {
  expectFixture("olmoe_bf16.safetensors", "olmoe_bf16");
}
TEST_F(CheckpointRouters, SwitchEncoderBeforeDecoderF16) {
  expectFixture("switch_f16.safetensors", "switch_f16");
}
TEST_F(CheckpointRouters, Granite) {
  expectFixture("granite.safetensors", "granite");
}
TEST_F(CheckpointRouters, OwnTrainerCheckpointsInLayerOrder) {
  expectFixture("routescope.safetensors", "routescope");
}
TEST_F(CheckpointRouters, DeepSeekShardedIndex) {
  expectFixture("deepseek_sharded/model.safetensors.index.json", "deepseek_sharded");
}

TEST_F(CheckpointRouters, MalformedCheckpointsGiveOneLineErrorsNamingTheFile) {
  for (const char* name : {"truncated", "no_routers", "inconsistent", "not_safetensors"}) {
    const std::string file = std::string("malformed/") + name + ".safetensors";
    const std::string e = errorOf(file);
    EXPECT_EQ(e.rfind(path(file), 0), 0u) << e;
    EXPECT_EQ(e.find('\n'), std::string::npos) << e;
  }
  EXPECT_NE(errorOf("malformed/no_routers.safetensors").find("no router tensors found"), std::string::npos);
  EXPECT_NE(errorOf("malformed/inconsistent.safetensors").find("inconsistent router shapes"),
            std::string::npos);
  for (const char* name : {"not_safetensors", "truncated"}) {
    const std::string e = errorOf(std::string("malformed/") + name + ".safetensors");
    EXPECT_NE(e.find(": not a readable safetensors checkpoint ("), std::string::npos) << e;
  }
  EXPECT_EQ(errorOf("missing.safetensors").rfind(path("missing.safetensors"), 0), 0u);
}
