#include "backend/core/run_store.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>

#include "backend/core/error.h"
#include "backend/core/internal/sqlite_statement.h"
#include "backend/core/process_info.h"
#include "backend/core/sha256.h"
#include "routescope_version.h"

namespace fs = std::filesystem;

namespace routescope::core {
namespace internal {
const std::vector<std::string>& schemaMigrations();
}
using internal::Statement;
using internal::Transaction;

namespace {

constexpr const char* kRunColumns =
    "id, study, kind, config, seed, device, status, error, created_at, finished_at, app_version, "
    "group_id, name, notes, tags, provenance, owner_pid, owner_start, owner_host";

RunRecord readRun(const Statement& row) {
  RunRecord r;
  r.id = row.text(0);
  r.study = row.text(1);
  r.kind = row.text(2);
  r.config = nlohmann::json::parse(row.text(3), nullptr, false);
  r.seed = static_cast<uint64_t>(row.integer(4));
  r.device = row.text(5);
  r.status = parseRunStatus(row.text(6));
  r.error = row.text(7);
  r.created_ms = row.integer(8);
  if (!row.isNull(9)) r.finished_ms = row.integer(9);
  r.app_version = row.text(10);
  r.group_id = row.text(11);
  r.name = row.text(12);
  r.notes = row.text(13);
  const auto tags = nlohmann::json::parse(row.text(14), nullptr, false);
  if (tags.is_array()) {
    for (const auto& t : tags) {
      if (t.is_string()) r.tags.push_back(t.get<std::string>());
    }
  }
  r.provenance = nlohmann::json::parse(row.text(15), nullptr, false);
  if (r.provenance.is_discarded()) r.provenance = nlohmann::json::object();
  r.owner_pid = row.integer(16);
  r.owner_start_ticks = static_cast<uint64_t>(row.integer(17));
  r.owner_host = row.text(18);
  return r;
}

// Random rather than sequential: ids must not collide across machines (bundles) or across forked
// processes sharing a store, so every id takes fresh entropy from the OS.
std::string newRunId() {
  std::random_device entropy;
  const uint64_t bits_source = (static_cast<uint64_t>(entropy()) << 32) ^ entropy();
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id;
  uint64_t bits = bits_source;
  for (int i = 0; i < 12; ++i, bits >>= 4) id.push_back(kHex[bits & 15]);
  return id;
}

void checkArtifactName(const std::string& name) {
  const bool ok = !name.empty() && name.size() <= 200 && name != "." && name != ".." &&
                  std::all_of(name.begin(), name.end(), [](char c) {
                    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-';
                  });
  if (!ok) throw Error("artifact name '" + name + "': use letters, digits, '.', '_' or '-'");
}

}  // namespace

std::string toString(RunStatus status) {
  switch (status) {
    case RunStatus::Running:
      return "running";
    case RunStatus::Completed:
      return "completed";
    case RunStatus::Failed:
      return "failed";
    case RunStatus::Cancelled:
      return "cancelled";
    case RunStatus::Interrupted:
      return "interrupted";
  }
  return "unknown";
}

RunStatus parseRunStatus(std::string_view text) {
  for (auto s : {RunStatus::Running, RunStatus::Completed, RunStatus::Failed, RunStatus::Cancelled,
                 RunStatus::Interrupted}) {
    if (toString(s) == text) return s;
  }
  throw Error("unknown run status '" + std::string(text) +
              "' (one of running|completed|failed|cancelled|interrupted)");
}

int64_t nowMillis() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

int RunStore::currentSchemaVersion() {
  return static_cast<int>(internal::schemaMigrations().size());
}

RunStore::RunStore(std::string path, int64_t inline_artifact_limit)
    : path_(std::move(path)), inline_artifact_limit_(inline_artifact_limit) {
  const fs::path parent = fs::path(path_).parent_path();
  std::error_code ec;
  if (!parent.empty()) fs::create_directories(parent, ec);
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX;
  if (sqlite3_open_v2(path_.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw Error(path_ + ": cannot open run store: " + message);
  }
  try {
    sqlite3_busy_timeout(db_, 10000);
    exec("PRAGMA foreign_keys = ON");
    // WAL lets a GUI read while a CLI job writes; NORMAL sync is crash-safe in WAL mode.
    exec("PRAGMA journal_mode = WAL");
    exec("PRAGMA synchronous = NORMAL");
    migrate();
    markRunsOfDeadOwners();
  } catch (const Error& e) {
    sqlite3_close(db_);
    db_ = nullptr;
    const std::string what = e.what();
    // SQLite says "file is not a database" for both; make the cause plain.
    throw Error(what.rfind(path_, 0) == 0 ? what : path_ + ": " + what);
  }
}

RunStore::~RunStore() {
  if (db_) sqlite3_close(db_);
}

void RunStore::exec(const std::string& sql) const {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string text = message ? message : "unknown error";
    sqlite3_free(message);
    throw Error(path_ + ": " + text);
  }
}

int RunStore::schemaVersion() const {
  std::lock_guard lock(mutex_);
  Statement has(db_, "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='schema_version'");
  has.step();
  if (has.integer(0) == 0) return 0;
  Statement version(db_, "SELECT max(version) FROM schema_version");
  return version.step() && !version.isNull(0) ? static_cast<int>(version.integer(0)) : 0;
}

void RunStore::migrate() {
  std::lock_guard lock(mutex_);
  Transaction tx(db_);
  {
    // A database with tables but no schema_version table is some other SQLite file.
    Statement tables(db_,
                     "SELECT count(*), sum(name = 'schema_version') FROM sqlite_master "
                     "WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
    tables.step();
    if (tables.integer(0) > 0 && tables.integer(1) == 0) {
      throw Error(path_ + ": not a RouteScope run store (unexpected tables)");
    }
  }
  exec("CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL)");
  const int have = [&] {
    Statement version(db_, "SELECT max(version) FROM schema_version");
    return version.step() && !version.isNull(0) ? static_cast<int>(version.integer(0)) : 0;
  }();
  const auto& steps = internal::schemaMigrations();
  if (have > static_cast<int>(steps.size())) {
    throw Error(path_ + ": schema version " + std::to_string(have) + " is newer than this RouteScope (" +
                std::to_string(steps.size()) + "); use a newer app");
  }
  for (size_t v = static_cast<size_t>(have); v < steps.size(); ++v) {
    exec(steps[v]);
    Statement record(db_, "INSERT INTO schema_version(version) VALUES (?)");
    record.bind(1, static_cast<int64_t>(v + 1)).run();
  }
  tx.commit();
}

void RunStore::markRunsOfDeadOwners() {
  std::lock_guard lock(mutex_);
  const std::string host = hostName();
  std::vector<std::string> dead;
  {
    Statement running(db_, "SELECT id, owner_pid, owner_start, owner_host FROM runs WHERE status='running'");
    while (running.step()) {
      // Only processes on this host can be checked; runs owned elsewhere are left alone.
      if (running.text(3) != host) continue;
      if (!processIsAlive(running.integer(1), static_cast<uint64_t>(running.integer(2)))) {
        dead.push_back(running.text(0));
      }
    }
  }
  if (dead.empty()) return;
  Transaction tx(db_);
  Statement mark(db_,
                 "UPDATE runs SET status='interrupted', finished_at=?, "
                 "error='its process ended before the run finished' WHERE id=? AND status='running'");
  for (const auto& id : dead) {
    mark.bind(1, nowMillis()).bind(2, id).run();
    mark.reset();
  }
  tx.commit();
  interrupted_on_open_ = dead;
}

std::string RunStore::integrityCheck() const {
  std::lock_guard lock(mutex_);
  Statement check(db_, "PRAGMA integrity_check");
  std::string report;
  while (check.step()) report += (report.empty() ? "" : "; ") + check.text(0);
  return report;
}

std::string RunStore::beginRun(const NewRun& run) {
  std::lock_guard lock(mutex_);
  const std::string id = newRunId();
  Statement insert(db_,
                   "INSERT INTO runs(id, study, kind, config, seed, device, status, created_at, "
                   "app_version, group_id, name, provenance, owner_pid, owner_start, owner_host) "
                   "VALUES (?,?,?,?,?,?,'running',?,?,?,?,?,?,?,?)");
  insert.bind(1, id)
      .bind(2, run.study)
      .bind(3, run.kind)
      .bind(4, run.config.dump())
      .bind(5, static_cast<int64_t>(run.seed))
      .bind(6, run.device)
      .bind(7, nowMillis())
      .bind(8, std::string(ROUTESCOPE_VERSION))
      .bind(9, run.group_id)
      .bind(10, run.name)
      .bind(11, run.provenance.dump())
      .bind(12, currentPid())
      .bind(13, static_cast<int64_t>(processStartTicks(currentPid()).value_or(0)))
      .bind(14, hostName());
  insert.run();
  return id;
}

void RunStore::insertRunRecord(const RunRecord& r) {
  std::lock_guard lock(mutex_);
  if (findRun(r.id)) throw Error(path_ + ": run " + r.id + " already exists");
  Statement insert(db_, std::string("INSERT INTO runs(") + kRunColumns +
                            ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  insert.bind(1, r.id).bind(2, r.study).bind(3, r.kind).bind(4, r.config.dump());
  insert.bind(5, static_cast<int64_t>(r.seed)).bind(6, r.device).bind(7, toString(r.status));
  insert.bind(8, r.error).bind(9, r.created_ms);
  if (r.finished_ms) {
    insert.bind(10, *r.finished_ms);
  } else {
    insert.bindNull(10);
  }
  insert.bind(11, r.app_version).bind(12, r.group_id).bind(13, r.name).bind(14, r.notes);
  insert.bind(15, nlohmann::json(r.tags).dump()).bind(16, r.provenance.dump());
  insert.bind(17, r.owner_pid).bind(18, static_cast<int64_t>(r.owner_start_ticks)).bind(19, r.owner_host);
  insert.run();
}

void RunStore::finishRun(const std::string& id, RunStatus status, const std::string& error) {
  std::lock_guard lock(mutex_);
  Statement update(db_, "UPDATE runs SET status=?, error=?, finished_at=? WHERE id=?");
  update.bind(1, toString(status)).bind(2, error).bind(3, nowMillis()).bind(4, id).run();
}

void RunStore::setProvenance(const std::string& id, const nlohmann::json& provenance) {
  std::lock_guard lock(mutex_);
  Statement update(db_, "UPDATE runs SET provenance=? WHERE id=?");
  update.bind(1, provenance.dump()).bind(2, id).run();
}

void RunStore::rename(const std::string& id, const std::string& name) {
  std::lock_guard lock(mutex_);
  Statement update(db_, "UPDATE runs SET name=? WHERE id=?");
  update.bind(1, name).bind(2, id).run();
}

void RunStore::setNotes(const std::string& id, const std::string& notes) {
  std::lock_guard lock(mutex_);
  Statement update(db_, "UPDATE runs SET notes=? WHERE id=?");
  update.bind(1, notes).bind(2, id).run();
}

void RunStore::setTags(const std::string& id, const std::vector<std::string>& tags) {
  std::lock_guard lock(mutex_);
  Statement update(db_, "UPDATE runs SET tags=? WHERE id=?");
  update.bind(1, nlohmann::json(tags).dump()).bind(2, id).run();
}

void RunStore::deleteRun(const std::string& id) {
  std::lock_guard lock(mutex_);
  {
    Transaction tx(db_);
    Statement remove(db_, "DELETE FROM runs WHERE id=?");
    remove.bind(1, id).run();
    tx.commit();
  }
  std::error_code ec;
  fs::remove_all(artifactFolder(id), ec);
}

std::optional<RunRecord> RunStore::findRun(const std::string& id) const {
  std::lock_guard lock(mutex_);
  Statement select(db_, std::string("SELECT ") + kRunColumns + " FROM runs WHERE id=?");
  select.bind(1, id);
  if (!select.step()) return std::nullopt;
  return readRun(select);
}

RunRecord RunStore::run(const std::string& id_or_prefix) const {
  if (auto exact = findRun(id_or_prefix)) return *exact;
  if (id_or_prefix.size() < 4) throw Error("run '" + id_or_prefix + "': no such run in " + path_);
  std::lock_guard lock(mutex_);
  Statement select(db_,
                   std::string("SELECT ") + kRunColumns + " FROM runs WHERE substr(id, 1, ?) = ? LIMIT 2");
  select.bind(1, static_cast<int64_t>(id_or_prefix.size())).bind(2, id_or_prefix);
  if (!select.step()) throw Error("run '" + id_or_prefix + "': no such run in " + path_);
  RunRecord first = readRun(select);
  if (select.step()) throw Error("run '" + id_or_prefix + "': ambiguous prefix, give more characters");
  return first;
}

std::vector<RunRecord> RunStore::listRuns(const RunFilter& filter) const {
  std::lock_guard lock(mutex_);
  std::string sql = std::string("SELECT ") + kRunColumns +
                    " FROM runs WHERE (?1 = '' OR study = ?1) AND (?2 = '' OR kind = ?2) AND "
                    "(?3 = '' OR group_id = ?3) AND (?4 = '' OR status = ?4) AND "
                    "(?5 = '' OR instr(id || ' ' || name || ' ' || notes || ' ' || tags, ?5) > 0) "
                    "ORDER BY created_at DESC, id";
  if (filter.limit > 0) sql += " LIMIT " + std::to_string(filter.limit);
  Statement select(db_, sql);
  select.bind(1, filter.study).bind(2, filter.kind).bind(3, filter.group_id);
  select.bind(4, filter.status ? toString(*filter.status) : std::string()).bind(5, filter.text);
  std::vector<RunRecord> runs;
  while (select.step()) runs.push_back(readRun(select));
  return runs;
}

void RunStore::addMetrics(const std::string& run_id, std::span<const MetricPoint> points) {
  if (points.empty()) return;
  std::lock_guard lock(mutex_);
  Transaction tx(db_);
  Statement insert(db_, "INSERT INTO metrics(run_id, name, step, value) VALUES (?,?,?,?)");
  for (const auto& p : points) {
    insert.bind(1, run_id).bind(2, p.name).bind(3, p.step);
    if (std::isnan(p.value)) {
      insert.bindNull(4);
    } else {
      insert.bind(4, p.value);
    }
    insert.run();
    insert.reset();
  }
  tx.commit();
}

std::vector<MetricPoint> RunStore::metrics(const std::string& run_id, const std::string& name) const {
  std::lock_guard lock(mutex_);
  Statement select(db_,
                   "SELECT name, step, value FROM metrics WHERE run_id=?1 AND (?2 = '' OR name=?2) "
                   "ORDER BY name, step, rowid");
  select.bind(1, run_id).bind(2, name);
  std::vector<MetricPoint> points;
  while (select.step()) {
    const double value = select.isNull(2) ? std::numeric_limits<double>::quiet_NaN() : select.real(2);
    points.push_back({select.text(0), select.integer(1), value});
  }
  return points;
}

void RunStore::addEvent(const std::string& run_id, const std::string& level, const std::string& message) {
  std::lock_guard lock(mutex_);
  Statement insert(db_, "INSERT INTO events(run_id, time, level, message) VALUES (?,?,?,?)");
  insert.bind(1, run_id).bind(2, nowMillis()).bind(3, level).bind(4, message).run();
}

std::vector<RunStore::Event> RunStore::events(const std::string& run_id) const {
  std::lock_guard lock(mutex_);
  Statement select(db_, "SELECT time, level, message FROM events WHERE run_id=? ORDER BY time, rowid");
  select.bind(1, run_id);
  std::vector<Event> out;
  while (select.step()) out.push_back({select.integer(0), select.text(1), select.text(2)});
  return out;
}

std::string RunStore::artifactFolder(const std::string& run_id) const {
  return path_ + ".artifacts/" + run_id;
}

void RunStore::storeArtifact(const std::string& run_id, const std::string& name,
                             std::span<const std::byte> bytes, const std::string& sha256) {
  checkArtifactName(name);
  std::lock_guard lock(mutex_);
  const bool as_file = static_cast<int64_t>(bytes.size()) > inline_artifact_limit_;
  if (as_file) {
    // Write beside the database first (tmp + rename), then record it: a crash in between leaves
    // an orphan file, never a record pointing at a half-written one.
    const fs::path folder = artifactFolder(run_id);
    fs::create_directories(folder);
    const fs::path tmp = folder / (name + ".tmp");
    {
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
      if (!out) throw Error(tmp.string() + ": cannot write artifact");
    }
    fs::rename(tmp, folder / name);
  }
  Transaction tx(db_);
  Statement insert(db_,
                   "INSERT OR REPLACE INTO artifacts(run_id, name, sha256, size, data, stored_as_file) "
                   "VALUES (?,?,?,?,?,?)");
  insert.bind(1, run_id).bind(2, name).bind(3, sha256).bind(4, static_cast<int64_t>(bytes.size()));
  if (as_file) {
    insert.bindNull(5);
  } else {
    insert.bindBlob(5, bytes);
  }
  insert.bind(6, int64_t{as_file ? 1 : 0}).run();
  tx.commit();
}

void RunStore::putArtifact(const std::string& run_id, const std::string& name,
                           std::span<const std::byte> bytes) {
  storeArtifact(run_id, name, bytes, sha256Hex(bytes));
}

void RunStore::putArtifactFile(const std::string& run_id, const std::string& name,
                               const std::string& source_path) {
  std::ifstream in(source_path, std::ios::binary);
  if (!in) throw Error(source_path + ": cannot read artifact file");
  std::vector<char> data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  putArtifact(run_id, name, std::as_bytes(std::span(data)));
}

std::vector<ArtifactInfo> RunStore::artifacts(const std::string& run_id) const {
  std::lock_guard lock(mutex_);
  Statement select(db_,
                   "SELECT name, sha256, size, stored_as_file FROM artifacts WHERE run_id=? ORDER BY name");
  select.bind(1, run_id);
  std::vector<ArtifactInfo> out;
  while (select.step()) {
    out.push_back({select.text(0), select.text(1), select.integer(2), select.integer(3) != 0});
  }
  return out;
}

std::string RunStore::readArtifactText(const std::string& run_id, const std::string& name) const {
  const auto bytes = readArtifact(run_id, name);
  return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

std::vector<std::byte> RunStore::readArtifact(const std::string& run_id, const std::string& name) const {
  std::lock_guard lock(mutex_);
  Statement select(db_, "SELECT sha256, data, stored_as_file FROM artifacts WHERE run_id=? AND name=?");
  select.bind(1, run_id).bind(2, name);
  const std::string where = "run " + run_id + " artifact '" + name + "'";
  if (!select.step()) throw Error(where + ": not found");
  std::vector<std::byte> bytes;
  if (select.integer(2) != 0) {
    const fs::path file = fs::path(artifactFolder(run_id)) / name;
    std::ifstream in(file, std::ios::binary | std::ios::ate);
    if (!in) throw Error(where + ": file " + file.string() + " is missing");
    // One sized read: large artifacts (routing traces of 100k tokens are ~270 MB) would take
    // seconds byte by byte.
    bytes.resize(static_cast<size_t>(in.tellg()));
    in.seekg(0);
    if (!in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size())))
      throw Error(where + ": cannot read " + file.string());
  } else {
    bytes = select.blob(1);
  }
  if (sha256Hex(bytes) != select.text(0)) throw Error(where + ": checksum mismatch (corrupted)");
  return bytes;
}

}  // namespace routescope::core
