#pragma once
// "Measure this machine": LibTorch sgemm GFLOP/s over several matrix shapes and thread counts,
// the BLAS library actually loaded and CUDA availability. The best result at each thread count
// is the peak that studies divide by to report model FLOP utilisation.

#include <memory>

#include "backend/core/study_registry.h"

namespace routescope::system {

struct GemmShape {
  int64_t m, k, n;
};
// "512x256x1024,1024x1024x1024" -> shapes; throws core::Error naming the bad part.
std::vector<GemmShape> parseGemmShapes(const std::string& text);
// 1, 2, 4, ... up to `max_threads`, always ending with `max_threads`.
std::vector<int> profileThreadCounts(int max_threads);

core::JobKind machineProfileJobKind();

}  // namespace routescope::system
