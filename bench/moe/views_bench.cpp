// routescope-bench-moe-views: the performance numbers MoE 2/2 asks to report (printed, never
// asserted). `scroll`: frame time of the per-token heatmap while scrolling a 20k-token trace
// (goal <= 16 ms). `open`: peak resident memory (VmHWM) of opening a 1M-token trace as the run view
// does -- read from the run store, decoded, heatmap source built and painted (goal <= 1 GB).
// `recolour`: checkpoint-slider steps with every token of a demo-sized trace visible (goal
// <= 100 ms). The trace has the guided demo's shape: 4 layers x 8 experts, top-2, full_probs.
#include <sys/wait.h>
#include <unistd.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "backend/core/run_store.h"
#include "backend/moe/trace_store.h"
#include "plugins/moe/routing_heatmap_view.h"
#include "plugins/moe/trace_series.h"
#include "widgets/heatmap/heatmap_view.h"

namespace rm = routescope::moe;
using namespace routescope;

namespace {

constexpr int kLayers = 4, kExperts = 8, kLength = 1024, kVocab = 4096;

rm::RoutingTrace syntheticTrace(int64_t tokens, int64_t step) {
  rm::RoutingTrace t;
  t.layers = kLayers;
  t.experts = kExperts;
  t.top_k = 2;
  t.checkpoint_step = step;
  t.router = "linear";
  t.run_id = "bench";
  for (int v = 0; v < kVocab; ++v) t.pieces.push_back("w" + std::to_string(v));
  uint32_t lcg = 7u + uint32_t(step);
  for (int64_t start = 0; start < tokens; start += kLength) {
    rm::TraceSequence s;
    s.domain = (start / kLength) % 2 ? "code" : "english";
    for (int64_t p = 0; p < std::min<int64_t>(kLength, tokens - start); ++p) {
      lcg = lcg * 1664525u + 1013904223u;
      const int v = int((lcg >> 8) % kVocab);
      s.token_ids.push_back(v);
      for (int l = 0; l < kLayers; ++l) {
        const int e1 = (v + l + int(step / 100)) % kExperts, e2 = (e1 + 1) % kExperts;
        t.expert_ids.push_back(int16_t(e1));
        t.expert_ids.push_back(int16_t(e2));
        t.probs.push_back(0.5f);
        t.probs.push_back(0.3f);
        t.dropped.push_back(0);
        t.dropped.push_back(p > 900 ? 1 : 0);
        for (int e = 0; e < kExperts; ++e)
          t.full_probs.push_back(e == e1 ? 0.5f : e == e2 ? 0.3f : 0.2f / (kExperts - 2));
      }
    }
    t.sequences.push_back(std::move(s));
  }
  return t;
}

double vmHwmMb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
  return -1;
}

void percentiles(const char* what, std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  double mean = 0;
  for (const double v : ms) mean += v / double(ms.size());
  std::printf("%s: %zu frames, mean %.2f ms, median %.2f ms, p95 %.2f ms, max %.2f ms\n", what, ms.size(),
              mean, ms[ms.size() / 2], ms[ms.size() * 95 / 100], ms.back());
}

std::shared_ptr<plugins::moe::TraceSeries> inMemory(int64_t tokens, std::vector<int64_t> steps) {
  auto series = std::make_shared<plugins::moe::TraceSeries>();
  for (const int64_t step : steps) {
    series->steps.push_back(step);
    series->traces.push_back(syntheticTrace(tokens, step));
  }
  return series;
}

int scroll(int64_t tokens) {
  plugins::moe::RoutingHeatmapView view;
  view.resize(1400, 800);
  view.setTraces(inMemory(tokens, {100}));
  view.show();
  QApplication::processEvents();
  widgets::HeatmapView* heatmap = view.heatmap();
  for (const double width : {96.0, 1024.0}) {
    QRectF region(0, 0, width, kLayers * kExperts);
    heatmap->setVisibleRegion(region);
    heatmap->repaint();
    std::vector<double> ms;
    // A wheel/scroll-bar step moves a quarter of the visible width; across the whole trace.
    for (double x = 0; x + width <= double(tokens); x += width / 4) {
      region.moveLeft(x);
      QElapsedTimer timer;
      timer.start();
      heatmap->setVisibleRegion(region);
      heatmap->repaint();
      ms.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    const std::string what = "scroll " + std::to_string(tokens) + " tokens, " + std::to_string(int(width)) +
                             " columns visible (1400x800 px)";
    percentiles(what.c_str(), ms);
  }
  return 0;
}

int recolour(int64_t tokens) {
  plugins::moe::RoutingHeatmapView view;
  view.resize(1400, 800);
  view.setTraces(inMemory(tokens, {10, 25, 50, 100, 150, 200, 300, 400}));
  view.show();
  QApplication::processEvents();
  view.heatmap()->resetView();  // all tokens visible
  view.heatmap()->repaint();
  std::vector<double> ms;
  for (int round = 0; round < 3; ++round)
    for (int i = 0; i < 8; ++i) {
      view.setStepIndex(round % 2 ? 7 - i : i);
      ms.push_back(view.lastRecolourMs());
    }
  const std::string what = "recolour, all " + std::to_string(tokens) + " tokens visible";
  percentiles(what.c_str(), ms);
  return 0;
}

int open(int64_t tokens) {
  QTemporaryDir dir;
  const std::string db = (dir.path() + "/runs.sqlite").toStdString();
  std::string run_id;
  // The store is written by a child process, so that building the trace is not in the peak.
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return 1;
  const pid_t child = fork();
  if (child == 0) {
    core::RunStore store(db);
    core::NewRun spec;
    spec.study = "moe";
    spec.kind = "train";
    const std::string id = store.beginRun(spec);
    store.putArtifact(id, rm::traceArtifactName(100), rm::writeTrace(syntheticTrace(tokens, 100)));
    store.finishRun(id, core::RunStatus::Completed);
    if (write(pipe_fds[1], id.data(), id.size()) < 0) _exit(1);
    _exit(0);
  }
  close(pipe_fds[1]);
  char buffer[128] = {};
  const ssize_t n = read(pipe_fds[0], buffer, sizeof buffer - 1);
  int status = 0;
  waitpid(child, &status, 0);
  if (n <= 0 || status != 0) return 1;
  run_id.assign(buffer, size_t(n));
  const double before = vmHwmMb();
  QElapsedTimer timer;
  timer.start();
  core::RunStore store(db);
  const auto run = plugins::loadRunData(store, run_id);
  plugins::moe::RoutingHeatmapView view;
  view.resize(1400, 800);
  view.setTraces(plugins::moe::loadTraceSeries(run));
  view.show();
  QApplication::processEvents();
  view.heatmap()->repaint();
  view.heatmap()->resetView();  // zoomed out to every token: the aggregate pyramid is built
  view.heatmap()->repaint();
  std::printf(
      "open %lld-token trace (4 layers x 8 experts, top-2, full_probs): %.0f ms, VmHWM %.0f MB "
      "(%.0f MB before opening)\n",
      static_cast<long long>(tokens), double(timer.nsecsElapsed()) / 1e6, vmHwmMb(), before);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  QApplication app(argc, argv);
  if (mode == "scroll") return scroll(argc > 2 ? std::stoll(argv[2]) : 20'000);
  if (mode == "open") return open(argc > 2 ? std::stoll(argv[2]) : 1'000'000);
  if (mode == "recolour") return recolour(argc > 2 ? std::stoll(argv[2]) : 8192);
  std::fprintf(stderr,
               "usage: routescope-bench-moe-views scroll [TOKENS] | open [TOKENS] | recolour [TOKENS]\n");
  return 2;
}
