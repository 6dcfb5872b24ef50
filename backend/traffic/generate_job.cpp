// traffic generate: a seeded demo city written as TNTP files.
#include <filesystem>

#include "backend/core/error.h"
#include "backend/traffic/generator.h"
#include "backend/traffic/jobs.h"
#include "backend/traffic/tntp_writer.h"

namespace routescope::traffic {
namespace {

class GenerateJob : public core::Job {
 public:
  explicit GenerateJob(nlohmann::json config) : config_(std::move(config)) {}

  void run(core::JobContext& context) override {
    CityOptions o;
    o.layout = config_["layout"].get<std::string>();
    o.size = static_cast<int>(config_["size"].get<int64_t>());
    o.zones = static_cast<int>(config_["zones"].get<int64_t>());
    o.total_demand = config_["total_demand"].get<double>();
    o.beta = config_["beta"].get<double>();
    o.seed = context.seed();
    context.progress(0.1, "generating a " + o.layout + " city");
    const City city = generateCity(o);
    const std::string name = config_["name"].get<std::string>();
    const std::string files[3][2] = {{name + "_net.tntp", formatNetwork(city.network)},
                                     {name + "_trips.tntp", formatTrips(city.demand)},
                                     {name + "_node.tntp", formatNodes(city.network.coordinates)}};
    const std::string dir = config_["output_dir"].get<std::string>();
    nlohmann::json written = nlohmann::json::array();
    if (!dir.empty()) {
      std::error_code ec;
      std::filesystem::create_directories(dir, ec);
      if (ec) throw core::Error(dir + ": cannot create folder (" + ec.message() + ")");
    }
    for (const auto& [file, text] : files) {
      context.artifactText(file, text);
      if (!dir.empty()) {
        const std::string path = (std::filesystem::path(dir) / file).string();
        writeTextFile(path, text);
        written.push_back(path);
      }
    }
    context.result({{"network", city.network.name},
                    {"nodes", city.network.nodes},
                    {"links", city.network.linkCount()},
                    {"zones", city.network.zones},
                    {"total_demand", city.demand.total()},
                    {"files", written}});
    context.progress(1.0, "done");
  }

 private:
  nlohmann::json config_;
};

}  // namespace

core::JobKind generateJobKind() {
  core::JobKind kind;
  kind.study = "traffic";
  kind.kind = "generate";
  kind.summary = "A seeded demo city (grid or ring-radial, zones, gravity demand) as TNTP files";
  kind.schema.choice("layout", "grid", {"grid", "ring"}, "street pattern")
      .flag("layout")
      .integer("size", 6, 2, 100, "grid: intersections per side; ring: number of rings")
      .flag("size")
      .integer("zones", 8, 2, 1000, "zones (centroids numbered first, below FIRST THRU NODE)")
      .flag("zones")
      .real("total_demand", 20000.0, 0.0, 1e12, "total OD flow")
      .flag("total-demand")
      .real("beta", 0.1, 0.0, 100.0, "gravity deterrence per minute of free-flow time")
      .text("name", "DemoCity", "file name prefix")
      .flag("name")
      .text("output_dir", "", "also write the files into this folder")
      .flag("output-dir");
  kind.create = [](const nlohmann::json& config) { return std::make_unique<GenerateJob>(config); };
  return kind;
}

}  // namespace routescope::traffic
