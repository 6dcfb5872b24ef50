#pragma once
// A thin RAII wrapper over a prepared SQLite statement; errors become Error with the store path.

#include <sqlite3.h>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "backend/core/error.h"

namespace routescope::core::internal {

[[noreturn]] inline void throwSqlite(sqlite3* db, const std::string& context) {
  const char* file = sqlite3_db_filename(db, "main");
  throw Error(std::string(file && *file ? file : "run store") + ": " + context + ": " + sqlite3_errmsg(db));
}

class Statement {
 public:
  Statement(sqlite3* db, const std::string& sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt_, nullptr) != SQLITE_OK) {
      throwSqlite(db, "preparing query");
    }
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, const std::string& text) {
    check(sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT));
    return *this;
  }
  Statement& bind(int index, int64_t value) {
    check(sqlite3_bind_int64(stmt_, index, value));
    return *this;
  }
  Statement& bind(int index, double value) {
    check(sqlite3_bind_double(stmt_, index, value));
    return *this;
  }
  Statement& bindBlob(int index, std::span<const std::byte> bytes) {
    check(sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT));
    return *this;
  }
  Statement& bindNull(int index) {
    check(sqlite3_bind_null(stmt_, index));
    return *this;
  }
  // True while a row is available.
  bool step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throwSqlite(db_, "running query");
  }
  void run() {
    while (step()) {
    }
  }
  void reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  int64_t integer(int col) const { return sqlite3_column_int64(stmt_, col); }
  double real(int col) const { return sqlite3_column_double(stmt_, col); }
  bool isNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::string text(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, col))) : std::string();
  }
  std::vector<std::byte> blob(int col) const {
    const auto* p = static_cast<const std::byte*>(sqlite3_column_blob(stmt_, col));
    const auto n = static_cast<size_t>(sqlite3_column_bytes(stmt_, col));
    return p ? std::vector<std::byte>(p, p + n) : std::vector<std::byte>();
  }

 private:
  void check(int rc) {
    if (rc != SQLITE_OK) throwSqlite(db_, "binding a value");
  }
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// Commits on commit(), rolls back when destroyed otherwise (e.g. by an exception).
class Transaction {
 public:
  explicit Transaction(sqlite3* db) : db_(db) { execute("BEGIN IMMEDIATE"); }
  ~Transaction() {
    if (!done_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  void commit() {
    execute("COMMIT");
    done_ = true;
  }

 private:
  void execute(const char* sql) {
    if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) throwSqlite(db_, sql);
  }
  sqlite3* db_;
  bool done_ = false;
};

}  // namespace routescope::core::internal
