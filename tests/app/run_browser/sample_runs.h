#pragma once
// A temporary run store holding a few runs of two studies, written through the store's own API,
// with what the tests expect of each.

#include <QString>
#include <QTemporaryDir>
#include <memory>

#include "backend/core/run_store.h"

class QWidget;

namespace routescope::app::test {

struct SampleRuns {
  QTemporaryDir folder;
  std::unique_ptr<core::RunStore> store;
  // system/gemm "baseline", completed in 3700 s (1:01:40), tags fast+cpu, peak_gflops ends at 100.
  std::string baseline;
  // system/gemm "tuned", completed in 100 s (1:40), notes "openblas build", tag cpu, peak_gflops 9.5.
  std::string tuned;
  // moe/train "moe small", failed, tag paper, train_loss and valid_loss.
  std::string failed;
  // moe/train without a name, still running, train_loss.
  std::string running;

  SampleRuns();
};

core::NewRun newRun(const std::string& study, const std::string& kind, nlohmann::json config,
                    const std::string& name);

// Screenshots go to $ROUTESCOPE_TEST_IMAGES when it is set.
void saveScreenshot(QWidget& widget, const QString& file_name);

}  // namespace routescope::app::test
