// `routescope-cli export` and `report` on a real machine-profile run, without a display.
#include <gtest/gtest.h>

#include <QGuiApplication>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "backend/core/run_store.h"
#include "tests/support/cli_runner.h"

using routescope::testing::CliResult;
using routescope::testing::runCli;

namespace {

class CliFiguresTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = routescope::testing::makeTempDir();
    const CliResult r =
        runCli({"system", "profile", "--set", "seconds=0.4", "--set", "shapes=64x64x64,128x128x128", "--seed",
                "4", "--db", dir_ + "/runs.sqlite", "--json", "--quiet"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    run_id_ = nlohmann::json::parse(r.out)["run_id"];
  }
  static void TearDownTestSuite() { std::filesystem::remove_all(dir_); }
  CliResult cli(std::vector<std::string> args) {
    args.insert(args.end(), {"--db", dir_ + "/runs.sqlite"});
    return runCli(args);
  }
  static std::string dir_;
  static std::string run_id_;
};
std::string CliFiguresTest::dir_;
std::string CliFiguresTest::run_id_;

}  // namespace

TEST_F(CliFiguresTest, ExportsPngWithRequestedSizeDpiAndProvenance) {
  const std::string out = dir_ + "/size.png";
  const CliResult r = cli({"export", "--run", run_id_, "--figure", "sgemm-by-size", "--dpi", "192", "--size",
                           "500x300", "--out", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const QImage image(QString::fromStdString(out));
  EXPECT_EQ(image.size(), QSize(1000, 600));
  const auto provenance = QJsonDocument::fromJson(image.text("RouteScope-Provenance").toUtf8()).object();
  EXPECT_EQ(provenance["run_id"].toString().toStdString(), run_id_);
  EXPECT_TRUE(provenance["command"].toString().startsWith("routescope-cli system profile --seed 4"));
}

TEST_F(CliFiguresTest, ExportsSvgAndPdfAndNamesUnknownFigures) {
  EXPECT_EQ(
      cli({"export", "--run", run_id_, "--figure", "sgemm-by-threads", "--out", dir_ + "/t.svg"}).exit_code,
      0);
  EXPECT_TRUE(std::filesystem::file_size(dir_ + "/t.svg") > 1000);
  EXPECT_EQ(
      cli({"export", "--run", run_id_, "--figure", "sgemm-by-threads", "--out", dir_ + "/t.pdf"}).exit_code,
      0);
  const CliResult unknown = cli({"export", "--run", run_id_, "--figure", "heat", "--out", dir_ + "/x.png"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("no figure 'heat' (available: sgemm-by-size, sgemm-by-threads)"),
            std::string::npos)
      << unknown.err;
  EXPECT_EQ(cli({"export", "--run", run_id_, "--figure", "loss", "--out", dir_ + "/x.jpg"}).exit_code, 1);
}

TEST_F(CliFiguresTest, ReportHtmlHasEveryFigureOfTheSystemRun) {
  const std::string out = dir_ + "/report.html";
  ASSERT_EQ(cli({"report", "--run", run_id_, "--out", out}).exit_code, 0);
  const std::string html = routescope::testing::readFile(out);
  EXPECT_NE(html.find("data-figure=\"sgemm-by-size\""), std::string::npos);
  EXPECT_NE(html.find("data-figure=\"sgemm-by-threads\""), std::string::npos);
  EXPECT_NE(html.find(run_id_), std::string::npos);
  EXPECT_NE(html.find("blas_library"), std::string::npos);
  ASSERT_EQ(cli({"report", "--run", run_id_, "--out", dir_ + "/report.pdf"}).exit_code, 0);
  EXPECT_EQ(routescope::testing::readFile(dir_ + "/report.pdf").substr(0, 4), "%PDF");
}

TEST_F(CliFiguresTest, ListsFiguresAndAcceptsCommaSeparatedRuns) {
  const CliResult listed = cli({"figures", "--run", run_id_, "--json"});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  EXPECT_EQ(nlohmann::json::parse(listed.out)["figures"],
            nlohmann::json({"sgemm-by-size", "sgemm-by-threads"}));
  const std::string out = dir_ + "/compare.html";
  ASSERT_EQ(cli({"report", "--run", run_id_ + "," + run_id_.substr(0, 8), "--out", out}).exit_code, 0);
  EXPECT_NE(routescope::testing::readFile(out).find("Comparison of 2 runs"), std::string::npos);
  EXPECT_EQ(
      cli({"export", "--run", run_id_, "--figure", "sgemm-by-size", "--size", "12", "--out", dir_ + "/x.png"})
          .exit_code,
      1);
}

// VTK renders only through X: with no display the CLI starts a private Xvfb for a VTK figure.
TEST_F(CliFiguresTest, VtkFigureWithoutDisplayUsesAPrivateXServer) {
  ASSERT_EQ(std::getenv("DISPLAY"), nullptr) << "this test must run without a display";
  const std::string store = dir_ + "/vtk.sqlite";
  std::string id;
  {
    routescope::core::RunStore runs(store);
    routescope::core::NewRun run;
    run.study = "vtkdemo";
    run.kind = "scene";
    id = runs.beginRun(run);
    runs.finishRun(id, routescope::core::RunStatus::Completed);
  }
  setenv("ROUTESCOPE_PLUGIN_PATH", std::getenv("ROUTESCOPE_TEST_VTK_PLUGIN_DIR"), 1);
  const std::string out = dir_ + "/sphere.png";
  const CliResult r = runCli({"export", "--run", id, "--figure", "sphere", "--size", "400x300", "--dpi", "96",
                              "--db", store, "--out", out});
  unsetenv("ROUTESCOPE_PLUGIN_PATH");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const QImage image(QString::fromStdString(out));
  ASSERT_EQ(image.size(), QSize(400, 300));
  const QColor centre = image.pixelColor(200, 150);
  EXPECT_GT(centre.red(), 150) << centre.name().toStdString();
  EXPECT_LT(centre.green(), 80);
  EXPECT_EQ(image.pixelColor(2, 2), QColor(Qt::black));
}

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
