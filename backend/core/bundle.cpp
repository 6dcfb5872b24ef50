#include "backend/core/bundle.h"

#include <unistd.h>

#include <filesystem>

#include "backend/core/error.h"
#include "backend/core/run_store.h"

namespace fs = std::filesystem;

namespace routescope::core {
namespace {

// Copies one run with its data; on failure removes what it had copied so far.
void copyRun(const RunStore& from, RunStore& to, const RunRecord& run) {
  to.insertRunRecord(run);
  try {
    to.addMetrics(run.id, from.metrics(run.id));
    for (const auto& event : from.events(run.id)) to.addEvent(run.id, event.level, event.message);
    for (const auto& artifact : from.artifacts(run.id)) {
      to.putArtifact(run.id, artifact.name, from.readArtifact(run.id, artifact.name));
    }
  } catch (...) {
    to.deleteRun(run.id);
    throw;
  }
}

std::string temporarySibling(const std::string& path, const std::string& tag) {
  return path + "." + tag + "-" + std::to_string(getpid()) + ".tmp";
}

void removeStoreFiles(const std::string& path) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix, ec);
  fs::remove_all(path + ".artifacts", ec);
}

}  // namespace

void exportBundle(const RunStore& source, const std::vector<std::string>& run_ids,
                  const std::string& bundle_path) {
  if (run_ids.empty()) throw Error("export-bundle: no runs given");
  if (fs::exists(bundle_path)) throw Error(bundle_path + ": already exists; choose another name");
  std::vector<RunRecord> runs;
  for (const auto& id : run_ids) {
    RunRecord run = source.run(id);
    if (run.status == RunStatus::Running)
      throw Error("run " + run.id + ": still running; export it when it ends");
    runs.push_back(std::move(run));
  }
  const std::string tmp = temporarySibling(bundle_path, "export");
  removeStoreFiles(tmp);
  try {
    {
      // A bundle is a single file: every artifact is inlined, however large.
      RunStore bundle(tmp, RunStore::kInlineEverything);
      for (const auto& run : runs) copyRun(source, bundle, run);
    }
    fs::rename(tmp, bundle_path);
    removeStoreFiles(tmp);
  } catch (...) {
    removeStoreFiles(tmp);
    throw;
  }
}

BundleImportResult importBundle(RunStore& target, const std::string& bundle_path) {
  if (!fs::is_regular_file(bundle_path)) throw Error(bundle_path + ": no such bundle file");
  // Work on a private copy: the bundle may be read-only, and opening a store may write to it.
  const std::string copy = temporarySibling(target.path(), "import");
  removeStoreFiles(copy);
  fs::copy_file(bundle_path, copy);
  BundleImportResult result;
  try {
    RunStore bundle(copy);
    for (const auto& run : bundle.listRuns()) {
      if (target.findRun(run.id)) {
        result.skipped.push_back(run.id);
        continue;
      }
      copyRun(bundle, target, run);
      result.imported.push_back(run.id);
    }
  } catch (const Error& e) {
    removeStoreFiles(copy);
    const std::string what = e.what();
    throw Error(what.find(copy) != std::string::npos ? bundle_path + ": not a valid RouteScope bundle"
                                                     : what);
  }
  removeStoreFiles(copy);
  return result;
}

}  // namespace routescope::core
