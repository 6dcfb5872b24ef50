#pragma once
// Bundles move runs with everything they own (metrics, events, artifacts, provenance) between
// machines, e.g. from a GPU machine back to a laptop. A bundle is itself a run-store file holding
// only the exported runs, with every artifact inlined, so it needs no other archive format and
// is checked with the same code.

#include <string>
#include <vector>

namespace routescope::core {

class RunStore;

struct BundleImportResult {
  std::vector<std::string> imported;
  std::vector<std::string> skipped;  // already present in the target store
};

// Writes `bundle_path` (must not exist) atomically. Throws Error naming the run or file.
void exportBundle(const RunStore& source, const std::vector<std::string>& run_ids,
                  const std::string& bundle_path);
// Copies every run of the bundle that the store does not have yet. A run whose data fails its
// checksum is not imported at all (the error names it); runs imported before it stay.
BundleImportResult importBundle(RunStore& target, const std::string& bundle_path);

}  // namespace routescope::core
