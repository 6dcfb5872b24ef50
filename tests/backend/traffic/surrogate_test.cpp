// The GNN surrogate of UE (issue 8): on a seeded 5×5 grid city with lane-addition designs, data
// from our own Algorithm B, the trained surrogate reaches a flow-weighted error ≤ 10 % and a
// TSTT R² ≥ 0.9 on held-out samples; samples round-trip through their binary form; a saved model
// reloads to the same predictions; malformed data gives one-line errors.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>

#include "backend/core/error.h"
#include "backend/traffic/generator.h"
#include "backend/traffic/surrogate/flow_surrogate.h"

using namespace routescope::traffic;

namespace {

NdpProblem gridProblem() {
  CityOptions city;
  city.layout = "grid";
  city.size = 5;
  city.zones = 6;
  city.seed = 7;
  const City c = generateCity(city);
  NdpProblem p = laneAdditionProblem(c.network, 0.5);
  p.demand = c.demand;
  return p;
}

}  // namespace

TEST(Surrogate, SamplesRoundTripAndRejectMalformedBytes) {
  const NdpProblem p = gridProblem();
  UeSampleOptions o;
  o.count = 6;
  const auto samples = generateUeSamples(p, o);
  const auto bytes = writeUeSamples(samples);
  const auto back = readUeSamples(bytes, p, "data.bin");
  ASSERT_EQ(back.size(), samples.size());
  for (size_t i = 0; i < samples.size(); ++i) {
    EXPECT_EQ(back[i].design, samples[i].design);
    EXPECT_EQ(back[i].flows, samples[i].flows);
    EXPECT_EQ(back[i].tstt, samples[i].tstt);
  }
  auto cut = bytes;
  cut.resize(cut.size() - 3);
  EXPECT_THROW(readUeSamples(cut, p, "data.bin"), routescope::core::Error);
  try {
    readUeSamples(std::vector<std::byte>(10, std::byte{1}), p, "data.bin");
    FAIL();
  } catch (const routescope::core::Error& e) {
    EXPECT_NE(std::string(e.what()).find("data.bin"), std::string::npos) << e.what();
  }
  // Same seed, same samples, whatever the thread count.
  o.threads = 1;
  EXPECT_EQ(generateUeSamples(p, o)[4].flows, samples[4].flows);
}

TEST(Surrogate, LearnsGridCityUserEquilibrium) {
  const NdpProblem p = gridProblem();
  UeSampleOptions data;
  data.count = 1000;
  data.seed = 3;
  const auto t0 = std::chrono::steady_clock::now();
  SurrogateOptions o;
  auto samples = generateUeSamples(p, data);
  const auto t1 = std::chrono::steady_clock::now();
  const size_t cut = samples.size() * 4 / 5;
  const std::vector<UeSample> train(samples.begin(), samples.begin() + cut),
      valid(samples.begin() + cut, samples.end());
  o.on_epoch = [](const SurrogateEpoch& e) {
    if (e.epoch % 10 == 0)
      std::printf("epoch %d loss %.4f flow error %.4f R2 %.4f (%.1f s)\n", e.epoch, e.train_loss,
                  e.valid_flow_error, e.valid_tstt_r2, e.seconds);
  };
  const FlowSurrogate model = FlowSurrogate::train(p, train, valid, o);
  const auto t2 = std::chrono::steady_clock::now();
  const SurrogateQuality q = model.evaluate(valid);
  std::printf("%zu links, %zu candidates; data %.1f s, training %.1f s; flow error %.4f, TSTT R2 %.4f\n",
              p.network.links.size(), p.candidates.size(), std::chrono::duration<double>(t1 - t0).count(),
              std::chrono::duration<double>(t2 - t1).count(), q.flow_error, q.tstt_r2);
  EXPECT_LE(q.flow_error, 0.10);
  EXPECT_GE(q.tstt_r2, 0.90);

  // Saved and reloaded, the model predicts the same.
  const FlowSurrogate again = FlowSurrogate::load(p, model.save(), model.description(), "surrogate.pt");
  const std::vector<Design> designs = {Design(p.candidates.size(), 0), Design(p.candidates.size(), 1)};
  EXPECT_EQ(again.predictDesigns(designs), model.predictDesigns(designs));
  nlohmann::json wrong = model.description();
  wrong["links"] = 3;
  try {
    FlowSurrogate::load(p, model.save(), wrong, "surrogate.pt");
    FAIL();
  } catch (const routescope::core::Error& e) {
    EXPECT_NE(std::string(e.what()).find("surrogate.pt: trained for a problem with 3 links"),
              std::string::npos)
        << e.what();
  }
}
