#pragma once
// The machine's measured sgemm peak, which studies divide by to report model FLOP utilisation.

#include <optional>

namespace routescope::core {
class RunStore;
}

namespace routescope::system {

// Peak GFLOP/s at `threads` from the latest completed `system profile` run; nullopt when this
// machine was never profiled at that thread count.
std::optional<double> machinePeakGflops(const core::RunStore& store, int threads);

}  // namespace routescope::system
