#include "backend/core/run_store.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <thread>

#include "backend/core/error.h"
#include "tests/support/cli_runner.h"

using namespace routescope::core;
namespace fs = std::filesystem;

namespace {

class RunStoreTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = routescope::testing::makeTempDir(); }
  void TearDown() override { fs::remove_all(dir_); }
  std::string db() const { return dir_ + "/runs.sqlite"; }
  std::string dir_;
};

std::string pragma(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr);
  std::string out;
  if (sqlite3_step(stmt) == SQLITE_ROW) out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return out;
}

void execSql(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  char* error = nullptr;
  ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK) << (error ? error : "");
  sqlite3_close(db);
}

NewRun newRun(const std::string& study, const std::string& kind) {
  NewRun run;
  run.study = study;
  run.kind = kind;
  return run;
}

RunFilter byStudy(const std::string& study) {
  RunFilter filter;
  filter.study = study;
  return filter;
}

std::vector<std::byte> bytesOf(const std::string& text) {
  const auto* p = reinterpret_cast<const std::byte*>(text.data());
  return {p, p + text.size()};
}

// Frozen copy of schema version 1 as released; migration from it must keep working.
constexpr const char* kSchemaVersion1 = R"sql(
  CREATE TABLE schema_version(version INTEGER NOT NULL);
  INSERT INTO schema_version VALUES (1);
  CREATE TABLE runs(id TEXT PRIMARY KEY, study TEXT NOT NULL, kind TEXT NOT NULL, config TEXT NOT NULL,
    seed INTEGER NOT NULL, device TEXT NOT NULL,
    status TEXT NOT NULL CHECK(status IN ('running','completed','failed','cancelled','interrupted')),
    error TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL, finished_at INTEGER, app_version TEXT NOT NULL);
  CREATE TABLE metrics(run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE, name TEXT NOT NULL,
    step INTEGER NOT NULL, value REAL);
  CREATE INDEX metrics_by_run ON metrics(run_id, name, step);
  CREATE TABLE artifacts(run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE, name TEXT NOT NULL,
    sha256 TEXT NOT NULL, size INTEGER NOT NULL, data BLOB, PRIMARY KEY(run_id, name));
  CREATE TABLE events(run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE, time INTEGER NOT NULL,
    level TEXT NOT NULL, message TEXT NOT NULL);
  CREATE INDEX events_by_run ON events(run_id, time);
  INSERT INTO runs VALUES ('0123456789ab', 'system', 'profile', '{"seconds":1.0}', 7, 'cpu', 'completed', '',
    1700000000000, 1700000001000, '0.0.1');
  INSERT INTO metrics VALUES ('0123456789ab', 'peak_gflops', 1, 42.5);
)sql";

}  // namespace

TEST_F(RunStoreTest, NewStoreUsesWalForeignKeysAndCurrentSchema) {
  RunStore store(db());
  EXPECT_EQ(store.schemaVersion(), RunStore::currentSchemaVersion());
  EXPECT_GE(RunStore::currentSchemaVersion(), 2);
  EXPECT_EQ(pragma(db(), "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(store.integrityCheck(), "ok");
}

TEST_F(RunStoreTest, RunLifecycleMetricsEventsAndLookup) {
  RunStore store(db());
  NewRun run = newRun("system", "train-check");
  run.config = {{"steps", 3}};
  run.seed = 42;
  run.group_id = "g1";
  run.name = "first";
  run.provenance = {{"k", "v"}};
  const std::string id = store.beginRun(run);
  EXPECT_EQ(store.run(id).status, RunStatus::Running);
  const std::vector<MetricPoint> points = {
      {"loss", 2, 0.5}, {"loss", 1, 1.0}, {"acc", 1, 0.25}, {"loss", 3, std::nan("")}};
  store.addMetrics(id, points);
  store.addEvent(id, "info", "hello");
  store.finishRun(id, RunStatus::Completed);

  const RunRecord record = store.run(id.substr(0, 6));  // unique prefix
  EXPECT_EQ(record.id, id);
  EXPECT_EQ(record.status, RunStatus::Completed);
  EXPECT_EQ(record.seed, 42u);
  EXPECT_EQ(record.config["steps"], 3);
  EXPECT_EQ(record.group_id, "g1");
  EXPECT_EQ(record.provenance["k"], "v");
  ASSERT_TRUE(record.finished_ms.has_value());
  const auto loss = store.metrics(id, "loss");
  ASSERT_EQ(loss.size(), 3u);
  EXPECT_EQ(loss[0].step, 1);
  EXPECT_DOUBLE_EQ(loss[1].value, 0.5);
  EXPECT_TRUE(std::isnan(loss[2].value));  // a diverged loss is kept, not dropped
  EXPECT_EQ(store.metrics(id).size(), 4u);
  ASSERT_EQ(store.events(id).size(), 1u);
  EXPECT_EQ(store.events(id)[0].message, "hello");
  EXPECT_THROW(store.run("zzzzzz"), Error);
  EXPECT_EQ(store.listRuns(byStudy("system")).size(), 1u);
  EXPECT_EQ(store.listRuns(byStudy("moe")).size(), 0u);
  RunFilter search;
  search.text = "first";
  EXPECT_EQ(store.listRuns(search).size(), 1u);
}

TEST_F(RunStoreTest, MetricBatchIsAllOrNothing) {
  RunStore store(db());
  // A batch for a run that does not exist violates the foreign key: nothing may be written.
  const std::vector<MetricPoint> points = {{"loss", 1, 1.0}, {"loss", 2, 2.0}};
  EXPECT_THROW(store.addMetrics("no-such-run", points), Error);
  EXPECT_EQ(pragma(db(), "SELECT count(*) FROM metrics"), "0");
}

TEST_F(RunStoreTest, DeleteCascadesToMetricsArtifactsAndFiles) {
  RunStore store(db());
  const std::string id = store.beginRun(newRun("system", "profile"));
  store.addMetrics(id, std::vector<MetricPoint>{{"x", 1, 1.0}});
  store.putArtifact(id, "big.bin", std::vector<std::byte>(RunStore::kInlineArtifactLimit + 10, std::byte{7}));
  ASSERT_TRUE(fs::exists(store.artifactFolder(id) + "/big.bin"));
  store.deleteRun(id);
  EXPECT_FALSE(store.findRun(id).has_value());
  EXPECT_EQ(pragma(db(), "SELECT count(*) FROM metrics"), "0");
  EXPECT_EQ(pragma(db(), "SELECT count(*) FROM artifacts"), "0");
  EXPECT_FALSE(fs::exists(store.artifactFolder(id)));
}

TEST_F(RunStoreTest, ArtifactsInlineAndBesideTheDatabaseAreChecksummed) {
  RunStore store(db());
  const std::string id = store.beginRun(newRun("system", "profile"));
  store.putArtifact(id, "small.json", bytesOf("{\"a\":1}"));
  std::vector<std::byte> big(RunStore::kInlineArtifactLimit * 2);
  for (size_t i = 0; i < big.size(); ++i) big[i] = static_cast<std::byte>(i * 31 % 251);
  store.putArtifact(id, "weights.safetensors", big);
  const auto list = store.artifacts(id);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_FALSE(list[0].stored_as_file);  // sorted by name: small.json first
  EXPECT_TRUE(list[1].stored_as_file);
  EXPECT_EQ(store.readArtifact(id, "small.json"), bytesOf("{\"a\":1}"));
  EXPECT_EQ(store.readArtifact(id, "weights.safetensors"), big);

  // Corrupt both copies behind the store's back: reads must refuse, naming run and artifact.
  {
    std::fstream file(store.artifactFolder(id) + "/weights.safetensors",
                      std::ios::in | std::ios::out | std::ios::binary);
    file.seekg(100);
    const int original = file.get();
    file.seekp(100);
    file.put(static_cast<char>(original ^ 0xff));
  }
  execSql(db(), "UPDATE artifacts SET data = X'00' WHERE name = 'small.json'");
  try {
    store.readArtifact(id, "weights.safetensors");
    FAIL() << "corruption not detected";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("'weights.safetensors': checksum mismatch"), std::string::npos)
        << e.what();
  }
  EXPECT_THROW(store.readArtifact(id, "small.json"), Error);
  EXPECT_THROW(store.putArtifact(id, "../escape", bytesOf("x")), Error);
}

TEST_F(RunStoreTest, MigratesFromSchemaVersion1KeepingRuns) {
  execSql(db(), kSchemaVersion1);
  RunStore store(db());
  EXPECT_EQ(store.schemaVersion(), RunStore::currentSchemaVersion());
  const RunRecord run = store.run("0123456789ab");
  EXPECT_EQ(run.status, RunStatus::Completed);
  EXPECT_EQ(run.seed, 7u);
  EXPECT_EQ(run.group_id, "");
  EXPECT_TRUE(run.tags.empty());
  ASSERT_EQ(store.metrics(run.id).size(), 1u);
  EXPECT_DOUBLE_EQ(store.metrics(run.id)[0].value, 42.5);
  // New columns work after the migration.
  store.setTags(run.id, {"baseline"});
  EXPECT_EQ(store.run(run.id).tags, std::vector<std::string>{"baseline"});
  EXPECT_EQ(store.integrityCheck(), "ok");
}

TEST_F(RunStoreTest, RefusesNewerSchemaOtherDatabasesAndGarbage) {
  { RunStore store(db()); }
  execSql(db(), "INSERT INTO schema_version VALUES (999)");
  try {
    RunStore store(db());
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("schema version 999 is newer"), std::string::npos) << e.what();
  }

  const std::string other = dir_ + "/other.sqlite";
  execSql(other, "CREATE TABLE customers(id INTEGER)");
  try {
    RunStore store(other);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), other + ": not a RouteScope run store (unexpected tables)");
  }

  const std::string garbage = dir_ + "/garbage.sqlite";
  std::ofstream(garbage) << std::string(4096, 'g');
  try {
    RunStore store(garbage);
    FAIL();
  } catch (const Error& e) {
    const std::string what = e.what();
    EXPECT_EQ(what.rfind(garbage + ":", 0), 0u) << what;
    EXPECT_NE(what.find("not a database"), std::string::npos) << what;
    EXPECT_EQ(what.find('\n'), std::string::npos);
  }
}

// A process killed with SIGKILL in the middle of a run leaves a consistent store in which that
// run is marked interrupted on the next open, with the metrics it had written.
TEST_F(RunStoreTest, RunOfKilledProcessIsMarkedInterrupted) {
  int ready[2];
  ASSERT_EQ(pipe(ready), 0);
  const pid_t child = fork();
  if (child == 0) {
    try {
      RunStore store(db());
      const std::string id = store.beginRun(newRun("system", "train-check"));
      store.addMetrics(id, std::vector<MetricPoint>{{"loss", 0, 1.0}});
      (void)!write(ready[1], id.data(), id.size());
      for (int64_t step = 1;; ++step) {  // keep writing until killed mid-transaction
        std::vector<MetricPoint> batch;
        for (int i = 0; i < 100; ++i)
          batch.push_back({"loss", step * 100 + i, 1.0 / static_cast<double>(step)});
        store.addMetrics(id, batch);
      }
    } catch (...) {
    }
    _exit(1);  // never return into the test runner from the child
  }
  char buffer[32] = {};
  ASSERT_EQ(read(ready[0], buffer, 12), 12);
  const std::string id(buffer, 12);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status));

  RunStore store(db());
  EXPECT_EQ(store.integrityCheck(), "ok");
  EXPECT_EQ(store.interruptedOnOpen(), std::vector<std::string>{id});
  const RunRecord run = store.run(id);
  EXPECT_EQ(run.status, RunStatus::Interrupted);
  EXPECT_TRUE(run.finished_ms.has_value());
  EXPECT_GE(store.metrics(id, "loss").size(), 1u);
  EXPECT_EQ(store.metrics(id, "loss").size() % 100, 1u);  // whole batches only
}

TEST_F(RunStoreTest, RunOfLiveProcessIsLeftAlone) {
  int ready[2], done[2];
  ASSERT_EQ(pipe(ready), 0);
  ASSERT_EQ(pipe(done), 0);
  const pid_t child = fork();
  if (child == 0) {
    std::string id;
    try {
      RunStore store(db());
      id = store.beginRun(newRun("system", "train-check"));
    } catch (...) {
      _exit(1);
    }
    (void)!write(ready[1], id.data(), id.size());
    char c;
    (void)!read(done[0], &c, 1);  // stay alive until the parent has looked
    _exit(0);
  }
  char buffer[32] = {};
  ASSERT_EQ(read(ready[0], buffer, 12), 12);
  const std::string id(buffer, 12);
  {
    RunStore store(db());
    EXPECT_TRUE(store.interruptedOnOpen().empty());
    EXPECT_EQ(store.run(id).status, RunStatus::Running);
  }
  // A run of this very process is alive too.
  {
    RunStore store(db());
    const std::string mine = store.beginRun(newRun("system", "profile"));
    RunStore again(db());
    EXPECT_EQ(again.run(mine).status, RunStatus::Running);
  }
  (void)!write(done[1], "x", 1);
  int status = 0;
  waitpid(child, &status, 0);
  RunStore after(db());
  EXPECT_EQ(after.run(id).status, RunStatus::Interrupted);
}
