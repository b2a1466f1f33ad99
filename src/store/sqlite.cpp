#include "store/sqlite.hpp"

#include <sqlite3.h>

#include "util/error.hpp"

namespace perfwatch::sqlite {

Database::Database(const std::filesystem::path& path, Access access, int busy_timeout_ms)
    : path_(path), where_(path.string()), busy_timeout_ms_(busy_timeout_ms) {
  // One connection is only ever used by one thread: without SQLite's mutex
  // every sqlite3_column_* call is cheaper (compare reads ~10^6 of them).
  const int flags = SQLITE_OPEN_NOMUTEX | (access == Access::read_only ? SQLITE_OPEN_READONLY
                                                                       : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    // The destructor does not run for a constructor that throws: release here.
    const std::string detail = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close_v2(db_);
    db_ = nullptr;
    fail(rc, "cannot open", detail);
  }
  sqlite3_busy_timeout(db_, busy_timeout_ms);
  sqlite3_extended_result_codes(db_, 1);
}

Database::~Database() { sqlite3_close_v2(db_); }

Database::Database(Database&& other) noexcept
    : db_(other.db_), path_(std::move(other.path_)), where_(std::move(other.where_)),
      busy_timeout_ms_(other.busy_timeout_ms_) {
  other.db_ = nullptr;
}

void Database::fail(int code, std::string_view what) const {
  fail(code, what, db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(code));
}

void Database::fail(int code, std::string_view what, const std::string& detail) const {
  const int primary = code & 0xff;
  const std::string where = path_.string() + ": ";
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    throw environment_error(where + "history database is locked by another writer (waited " +
                            std::to_string(busy_timeout_ms_) + " ms; PERFWATCH_BUSY_TIMEOUT_MS raises it)");
  }
  if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT) {
    throw input_error(where + "expected a perfwatch history database, got a corrupt or foreign file (" +
                      detail + ")");
  }
  if (primary == SQLITE_READONLY) {
    throw environment_error(where + "the history is read-only (" + detail +
                            "): make it and its folder writable, or point --db at a writable copy; nothing was stored");
  }
  if (primary == SQLITE_CANTOPEN || primary == SQLITE_PERM) {
    throw input_error(where + "expected a writable history database path (" + detail + ")");
  }
  if (primary == SQLITE_FULL) {
    throw environment_error(where + "disk full (" + detail + "): free space there and run again; nothing of this run was stored");
  }
  if (primary == SQLITE_IOERR) {
    throw environment_error(where + "I/O error (" + detail + "): check the disk and run again; nothing of this run was stored");
  }
  throw environment_error(where + std::string(what) + ": " + detail);
}

void Database::exec(const char* sql) {
  const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) fail(rc, sql);
}

namespace {

class Cursor : public db::Cursor {
 public:
  Cursor(const Database& db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~Cursor() override { sqlite3_finalize(stmt_); }
  Cursor(const Cursor&) = delete;
  Cursor& operator=(const Cursor&) = delete;

  void bind_int(int index, std::int64_t value) override { checked(sqlite3_bind_int64(stmt_, index, value)); }
  void bind_double(int index, double value) override { checked(sqlite3_bind_double(stmt_, index, value)); }
  void bind_text(int index, std::string_view text) override {
    checked(sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT));
  }
  void bind_blob(int index, std::span<const std::byte> blob) override {
    checked(sqlite3_bind_blob(stmt_, index, blob.data(), static_cast<int>(blob.size()), SQLITE_TRANSIENT));
  }
  void bind_null(int index) override { checked(sqlite3_bind_null(stmt_, index)); }

  bool step() override {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    db_.fail(rc, "step");
  }
  void reset() override {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

  bool is_null(int column) const override { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
  std::int64_t column_int(int column) const override { return sqlite3_column_int64(stmt_, column); }
  double column_double(int column) const override { return sqlite3_column_double(stmt_, column); }
  std::string column_text(int column) const override {
    const auto* text = sqlite3_column_text(stmt_, column);
    return text ? std::string(reinterpret_cast<const char*>(text), sqlite3_column_bytes(stmt_, column)) : "";
  }
  std::span<const std::byte> column_blob(int column) const override {
    const void* data = sqlite3_column_blob(stmt_, column);
    return {static_cast<const std::byte*>(data), static_cast<size_t>(sqlite3_column_bytes(stmt_, column))};
  }

 private:
  void checked(int rc) const {
    if (rc != SQLITE_OK) db_.fail(rc, "bind");
  }
  const Database& db_;
  sqlite3_stmt* stmt_;
};

}  // namespace

db::Statement Database::prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) fail(rc, "prepare");
  return db::Statement(std::make_unique<Cursor>(*this, stmt));
}

void Database::rollback() noexcept { sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr); }

int Database::changes() const { return sqlite3_changes(db_); }

bool Database::has_table(std::string_view name) {
  auto stmt = prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
  stmt.bind(1, name);
  return stmt.step();
}

}  // namespace perfwatch::sqlite
