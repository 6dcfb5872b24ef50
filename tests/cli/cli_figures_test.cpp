// `routescope-cli export` and `report` on a real machine-profile run, without a display.
#include <gtest/gtest.h>

#include <QGuiApplication>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <filesystem>
#include <nlohmann/json.hpp>

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
  const CliResult r = cli({"export", "--run", run_id_, "--figure", "sgemm-by-size", "--dpi", "192", "--width",
                           "500", "--height", "300", "--out", out});
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

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
