// The run store's schema history. Each entry upgrades version N-1 to N; never edit a released
// step, append a new one. tests/backend/core/run_store_test.cpp keeps a frozen copy of version 1
// to prove that migration from it works.
#include <string>
#include <vector>

namespace routescope::core::internal {

const std::vector<std::string>& schemaMigrations() {
  static const std::vector<std::string> steps = {
      // 1: runs, metrics, artifacts (inline blobs), events.
      R"sql(
        CREATE TABLE runs(
          id TEXT PRIMARY KEY,
          study TEXT NOT NULL,
          kind TEXT NOT NULL,
          config TEXT NOT NULL,
          seed INTEGER NOT NULL,
          device TEXT NOT NULL,
          status TEXT NOT NULL
            CHECK(status IN ('running','completed','failed','cancelled','interrupted')),
          error TEXT NOT NULL DEFAULT '',
          created_at INTEGER NOT NULL,
          finished_at INTEGER,
          app_version TEXT NOT NULL);
        CREATE TABLE metrics(
          run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
          name TEXT NOT NULL,
          step INTEGER NOT NULL,
          value REAL);  -- NULL stores NaN (SQLite has no NaN)
        CREATE INDEX metrics_by_run ON metrics(run_id, name, step);
        CREATE TABLE artifacts(
          run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
          name TEXT NOT NULL,
          sha256 TEXT NOT NULL,
          size INTEGER NOT NULL,
          data BLOB,
          PRIMARY KEY(run_id, name));
        CREATE TABLE events(
          run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
          time INTEGER NOT NULL,
          level TEXT NOT NULL,
          message TEXT NOT NULL);
        CREATE INDEX events_by_run ON events(run_id, time);
      )sql",
      // 2: run ownership (interrupted-run detection), provenance, sweeps, user annotations, and
      //    artifacts stored as files beside the database.
      R"sql(
        ALTER TABLE runs ADD COLUMN owner_pid INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE runs ADD COLUMN owner_start INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE runs ADD COLUMN owner_host TEXT NOT NULL DEFAULT '';
        ALTER TABLE runs ADD COLUMN provenance TEXT NOT NULL DEFAULT '{}';
        ALTER TABLE runs ADD COLUMN group_id TEXT NOT NULL DEFAULT '';
        ALTER TABLE runs ADD COLUMN name TEXT NOT NULL DEFAULT '';
        ALTER TABLE runs ADD COLUMN notes TEXT NOT NULL DEFAULT '';
        ALTER TABLE runs ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE artifacts ADD COLUMN stored_as_file INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX runs_by_status ON runs(status);
        CREATE INDEX runs_by_group ON runs(group_id);
      )sql",
  };
  return steps;
}

}  // namespace routescope::core::internal
