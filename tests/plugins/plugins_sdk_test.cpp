// Plugin loading (a broken plugin is skipped with its error), the System plugin's figures, and
// run reports in HTML and PDF.
#include <gtest/gtest.h>

#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <QDir>
#include <filesystem>
#include <fstream>

#include "backend/core/run_store.h"
#include "plugins/sdk/plugin_loader.h"
#include "plugins/sdk/run_exports.h"
#include "plugins/sdk/run_report.h"
#include "tests/support/cli_runner.h"

using namespace routescope;

namespace {

class PluginsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = routescope::testing::makeTempDir();
    store_ = std::make_unique<core::RunStore>(dir_ + "/runs.sqlite");
    std::ofstream(dir_ + "/libjunk.so") << "not a library";
    loaded_ = plugins::loadPlugins({qEnvironmentVariable("ROUTESCOPE_TEST_PLUGIN_DIR"),
                                    qEnvironmentVariable("ROUTESCOPE_TEST_BROKEN_DIR"),
                                    QString::fromStdString(dir_)});
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  // A finished `system profile` run as the backend writes it.
  std::string profileRun() {
    core::NewRun run;
    run.study = "system";
    run.kind = "profile";
    run.seed = 1;
    run.config = {{"seconds", 1.0}};
    run.provenance = {{"command", "routescope-cli system profile --seed 1"},
                      {"cpu_model", "Test CPU"},
                      {"blas_library", "/usr/lib/libopenblas.so.0"}};
    const std::string id = store_->beginRun(run);
    std::vector<core::MetricPoint> points;
    for (int threads : {1, 2}) {
      points.push_back({"sgemm_gflops.256x256x256", threads, 40.0 * threads});
      points.push_back({"sgemm_gflops.1024x1024x1024", threads, 80.0 * threads});
      points.push_back({"peak_gflops", threads, 80.0 * threads});
    }
    store_->addMetrics(id, points);
    store_->finishRun(id, core::RunStatus::Completed);
    return id;
  }
  QString path(const char* name) const { return QString::fromStdString(dir_) + "/" + name; }
  std::string dir_;
  std::unique_ptr<core::RunStore> store_;
  std::unique_ptr<plugins::LoadedPlugins> loaded_;
};

QByteArray readAll(const QString& path) {
  QFile file(path);
  file.open(QIODevice::ReadOnly);
  return file.readAll();
}

}  // namespace

TEST_F(PluginsTest, BrokenPluginsAreSkippedWithTheirErrors) {
  ASSERT_NE(loaded_->find("system"), nullptr) << loaded_->errors.join("\n").toStdString();
  // Every study plugin built into the folder loads; only the two broken files fail.
  const QDir folder(qEnvironmentVariable("ROUTESCOPE_TEST_PLUGIN_DIR"));
  EXPECT_EQ(loaded_->plugins.size(), folder.entryList({"routescope_*_plugin.so"}, QDir::Files).size());
  ASSERT_EQ(loaded_->errors.size(), 2) << loaded_->errors.join("\n").toStdString();
  const QString all = loaded_->errors.join("\n");
  EXPECT_TRUE(all.contains("routescope_broken_test_plugin.so: ")) << all.toStdString();
  EXPECT_TRUE(all.contains("routescope_symbol_that_does_not_exist")) << all.toStdString();
  EXPECT_TRUE(all.contains("libjunk.so: ")) << all.toStdString();
  for (const QString& error : loaded_->errors) EXPECT_FALSE(error.contains('\n'));
}

TEST_F(PluginsTest, SystemPluginDrawsTheProfile) {
  const auto run = plugins::loadRunData(*store_, profileRun());
  plugins::StudyPlugin* system = loaded_->find("system");
  ASSERT_NE(system, nullptr);
  EXPECT_EQ(system->figureNames(run), (QStringList{"sgemm-by-size", "sgemm-by-threads"}));
  EXPECT_TRUE(system->guidedDemo().has_value());
  ASSERT_EQ(plugins::exportRunFigure(*loaded_, run, "sgemm-by-size", path("size.png"),
                                     widgets::FigureFormat::Png, 96, QSize(800, 500)),
            QString());
  const QImage image(path("size.png"));
  EXPECT_EQ(image.size(), QSize(800, 500));
  EXPECT_TRUE(image.text("RouteScope-Provenance").contains(QString::fromStdString(run.record.id)));
  const QString unknown =
      plugins::exportRunFigure(*loaded_, run, "nope", path("x.png"), widgets::FigureFormat::Png, 96);
  EXPECT_EQ(unknown, "run " + QString::fromStdString(run.record.id) +
                         ": no figure 'nope' (available: sgemm-by-size, sgemm-by-threads)");
}

TEST_F(PluginsTest, HtmlReportContainsEveryFigureAndTheProvenance) {
  const auto run = plugins::loadRunData(*store_, profileRun());
  ASSERT_NE(loaded_->find("system"), nullptr);
  ASSERT_EQ(plugins::exportRunReport(*loaded_, {run}, path("report.html")), QString());
  const QString html = QString::fromUtf8(readAll(path("report.html")));
  for (const QString& figure : loaded_->find("system")->figureNames(run)) {
    EXPECT_TRUE(html.contains("data-figure=\"" + figure + "\"")) << figure.toStdString();
  }
  EXPECT_EQ(html.count("data:image/svg+xml;base64,"), 2);
  EXPECT_TRUE(html.contains(QString::fromStdString(run.record.id)));
  EXPECT_TRUE(html.contains("routescope-cli system profile --seed 1"));
  EXPECT_TRUE(html.contains("Test CPU"));     // the plugin's own section
  EXPECT_TRUE(html.contains("peak_gflops"));  // the metrics table
  EXPECT_FALSE(html.contains("src=\"http"));  // self-contained
}

TEST_F(PluginsTest, PdfReportAndComparison) {
  const auto a = plugins::loadRunData(*store_, profileRun());
  const auto b = plugins::loadRunData(*store_, profileRun());
  ASSERT_EQ(plugins::exportRunReport(*loaded_, {a}, path("report.pdf")), QString());
  const QByteArray pdf = readAll(path("report.pdf"));
  EXPECT_TRUE(pdf.startsWith("%PDF"));
  EXPECT_GE(pdf.count("/Type /Page\n") + pdf.count("/Type /Page "), 1);
  ASSERT_EQ(plugins::exportRunReport(*loaded_, {a, b}, path("compare.html")), QString());
  const QString html = QString::fromUtf8(readAll(path("compare.html")));
  EXPECT_TRUE(html.contains("Comparison of 2 runs"));
  EXPECT_EQ(html.count("data:image/svg+xml;base64,"), 4);
  EXPECT_EQ(plugins::exportRunReport(*loaded_, {a}, path("report.docx")),
            path("report.docx") + ": report must end in .html or .pdf");
}
