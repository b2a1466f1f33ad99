// Store::open: a history file (created and migrated here) or a PostgreSQL
// database (its tables created here), behind one Store.
#include <cstdlib>
#include <filesystem>

#include "store/postgres.hpp"
#include "store/postgres_schema.hpp"
#include "store/postgres_text.hpp"
#include "store/schema.hpp"
#include "store/sqlite.hpp"
#include "store/store.hpp"
#include "util/error.hpp"

namespace perfwatch {

namespace {

// A read-write connection in WAL mode.
sqlite::Database writable(const std::filesystem::path& path, int busy_timeout_ms) {
  sqlite::Database db(path, sqlite::Database::Access::read_write_create, busy_timeout_ms);
  db.exec("PRAGMA foreign_keys = ON");
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("PRAGMA synchronous = NORMAL");
  return db;
}

}  // namespace

int busy_timeout_ms(const std::string& setting) {
  char* end = nullptr;
  const long v = std::strtol(setting.c_str(), &end, 10);
  if (!setting.empty() && *end == '\0' && v >= 0 && v <= 86400000) return static_cast<int>(v);
  return Store::kDefaultBusyTimeoutMs;
}

Store Store::open(const std::filesystem::path& path, Mode mode, int busy_timeout_ms) {
  if (const std::string text = path.string(); postgres::is_url(text)) return open_postgres(text, mode, busy_timeout_ms);
  // "mysql://..." must never become a folder "mysql:" holding an SQLite file.
  if (const std::string text = path.string(); text.find("://") != std::string::npos) {
    throw input_error(text.substr(0, text.find("://") + 3) + "...: --db: expected the path of an SQLite history file "
                      "or a postgresql:// URL, got another URL");
  }
  if (mode == Mode::read_only && !std::filesystem::exists(path)) {
    throw input_error(path.string() +
                      ": no history here yet (record one with `perfwatch ingest` or `perfwatch run`, "
                      "or point --db / PERFWATCH_DB at it)");
  }
  if (mode == Mode::create && path.has_parent_path()) {
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
    if (ec) throw input_error(path.string() + ": expected a writable directory for the history (" + ec.message() + ")");
  }
  std::vector<std::string> notes;
  sqlite::Database db = mode == Mode::create
                            ? writable(path, busy_timeout_ms)
                            : sqlite::Database(path, sqlite::Database::Access::read_only, busy_timeout_ms);
  db.exec("PRAGMA foreign_keys = ON");
  if (mode == Mode::create) {
    notes = store::migrate(db);
  } else {
    store::check_readable(db);
    // An older history is brought forward once, by whichever command reads it
    // first; the reader sees the new schema on its next statement.
    if (store::needs_migration(db)) {
      sqlite::Database writer = writable(path, busy_timeout_ms);
      notes = store::migrate(writer);
    }
  }
  Store store(std::make_unique<sqlite::Database>(std::move(db)));
  store.notes_ = std::move(notes);
  return store;
}

Store Store::open_postgres(const std::string& url, Mode mode, int busy_timeout_ms) {
  std::unique_ptr<postgres::Connection> db = postgres::Connection::open(url, busy_timeout_ms);
  if (mode == Mode::create) {
    postgres::create_schema(*db);
  } else {
    if (!postgres::check_schema(*db))
      throw input_error(db->where() + ": no history here yet (record one with `perfwatch ingest` or `perfwatch run`, "
                        "or point --db / PERFWATCH_DB at it)");
    db->exec("SET default_transaction_read_only = on");
  }
  Store store(std::move(db));
  store.on_server_ = true;
  return store;
}

void Store::hold_filing_lock(const std::function<void()>& on_wait) {
  // Any fixed number: every perfwatch filing issues from this history takes it.
  constexpr std::int64_t kFilingLock = 0x6e696768746c79;  // "nightly"
  if (on_server_) static_cast<postgres::Connection&>(*db_).hold_lock(kFilingLock, on_wait);
}

}  // namespace perfwatch
