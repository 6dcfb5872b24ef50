#include "backend/core/config.h"

#include <gtest/gtest.h>

#include "backend/core/error.h"

using routescope::core::ConfigSchema;
using routescope::core::Error;

namespace {

ConfigSchema schema() {
  ConfigSchema s;
  s.integer("model.layers", 4, 1, 64, "layers")
      .real("optim.lr", 1e-3, 0.0, 1.0, "learning rate")
      .boolean("model.renormalise", false, "renormalise top-k")
      .choice("model.router", "linear", {"linear", "gru"}, "router")
      .text("name", "demo", "label");
  return s;
}

// Runs `f`, expects an Error, and returns its message.
template <typename F>
std::string errorOf(F f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  ADD_FAILURE() << "no error thrown";
  return {};
}

}  // namespace

TEST(Config, DefaultsAreNestedByDottedKeys) {
  const auto config = schema().defaults();
  EXPECT_EQ(config["model"]["layers"], 4);
  EXPECT_EQ(config["model"]["router"], "linear");
  EXPECT_DOUBLE_EQ(config["optim"]["lr"].get<double>(), 1e-3);
}

TEST(Config, FileThenOverridesApplyInOrder) {
  const nlohmann::json file = {{"model", {{"layers", 8}, {"router", "gru"}}}};
  const auto config = schema().resolve(file, {"model.layers=12", "model.renormalise=true", "optim.lr=0.5"});
  EXPECT_EQ(config["model"]["layers"], 12);
  EXPECT_EQ(config["model"]["router"], "gru");
  EXPECT_EQ(config["model"]["renormalise"], true);
  EXPECT_DOUBLE_EQ(config["optim"]["lr"].get<double>(), 0.5);
}

TEST(Config, UnknownKeyNamesTheKeyAndTheKnownOnes) {
  const auto message = errorOf([] { schema().resolve(nullptr, {"model.layer=3"}); });
  EXPECT_NE(message.find("config key 'model.layer': unknown key"), std::string::npos) << message;
  EXPECT_NE(message.find("model.layers"), std::string::npos) << message;
}

TEST(Config, UnknownKeyInFileIsRejected) {
  const nlohmann::json file = {{"model", {{"depth", 3}}}};
  EXPECT_NE(errorOf([&] { schema().resolve(file, {}); }).find("'model.depth'"), std::string::npos);
}

TEST(Config, BadChoiceListsAllowedValues) {
  const auto message = errorOf([] { schema().resolve(nullptr, {"model.router=mlp"}); });
  EXPECT_EQ(message, "config key 'model.router': 'mlp' is not one of linear|gru");
}

TEST(Config, OutOfRangeNamesMinimumAndMaximum) {
  EXPECT_EQ(errorOf([] { schema().resolve(nullptr, {"model.layers=0"}); }),
            "config key 'model.layers': 0 is below the minimum 1");
  EXPECT_EQ(errorOf([] { schema().resolve(nullptr, {"model.layers=65"}); }),
            "config key 'model.layers': 65 is above the maximum 64");
}

TEST(Config, WrongTypesAreNamed) {
  EXPECT_EQ(errorOf([] { schema().resolve(nullptr, {"model.layers=three"}); }),
            "config key 'model.layers': expected an integer, got 'three'");
  EXPECT_EQ(errorOf([] { schema().resolve(nullptr, {"model.renormalise=maybe"}); }),
            "config key 'model.renormalise': expected true or false, got 'maybe'");
  EXPECT_EQ(errorOf([] { schema().resolve(nullptr, {"optim.lr=fast"}); }),
            "config key 'optim.lr': expected a number, got 'fast'");
  const nlohmann::json file = {{"model", {{"layers", "4"}}}};
  EXPECT_EQ(errorOf([&] { schema().resolve(file, {}); }),
            "config key 'model.layers': expected an integer, got \"4\"");
}

TEST(Config, IntegerWrittenAsWholeFloatIsNormalised) {
  const nlohmann::json file = {{"model", {{"layers", 6.0}}}};
  const auto config = schema().resolve(file, {});
  EXPECT_TRUE(config["model"]["layers"].is_number_integer());
  EXPECT_EQ(config["model"]["layers"], 6);
}

TEST(Config, MalformedOverrideAndFile) {
  EXPECT_EQ(errorOf([] { schema().resolve(nullptr, {"model.layers"}); }),
            "--set 'model.layers': expected key=value");
  EXPECT_NE(errorOf([] {
              routescope::core::loadConfigFile("/nonexistent/config.json");
            }).find("/nonexistent/config.json: cannot open"),
            std::string::npos);
}

TEST(Config, HashIsStableAndSensitive) {
  const auto a = schema().defaults();
  auto b = a;
  EXPECT_EQ(routescope::core::configHash(a), routescope::core::configHash(b));
  b["model"]["layers"] = 5;
  EXPECT_NE(routescope::core::configHash(a), routescope::core::configHash(b));
  EXPECT_EQ(routescope::core::configHash(a).size(), 12u);
}
