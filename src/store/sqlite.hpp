#pragma once
// Thin RAII handles over SQLite. No raw sqlite3_* call lives outside store/.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace perfwatch::sqlite {

class Statement;

class Database {
 public:
  enum class Access { read_write_create, read_only };
  Database(const std::filesystem::path& path, Access access, int busy_timeout_ms);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  Database(Database&& other) noexcept;

  void exec(const char* sql);
  Statement prepare(std::string_view sql);
  std::int64_t last_insert_rowid() const;
  // Rows changed by the last INSERT, UPDATE or DELETE.
  int changes() const;
  // Never throws: called from destructors when a transaction is abandoned.
  void rollback() noexcept;
  const std::filesystem::path& path() const { return path_; }

  // Throws perfwatch::Error for a failed call, naming the file and what to
  // do: exit 3 when it is locked past the busy timeout, read-only, full or
  // failing; exit 2 for a corrupt or foreign file or a path it cannot open.
  [[noreturn]] void fail(int code, std::string_view what) const;

 private:
  [[noreturn]] void fail(int code, std::string_view what, const std::string& detail) const;
  sqlite3* db_ = nullptr;
  std::filesystem::path path_;
  int busy_timeout_ms_ = 0;
};

class Statement {
 public:
  Statement(const Database& db, sqlite3_stmt* stmt) : db_(&db), stmt_(stmt) {}
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& other) noexcept;

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view text);
  Statement& bind_blob(int index, std::span<const std::byte> blob);
  Statement& bind_null(int index);
  template <class T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind_null(index);
  }

  // Advances; true while a row is available.
  bool step();
  void reset();

  bool is_null(int column) const;
  std::int64_t column_int(int column) const;
  double column_double(int column) const;
  std::string column_text(int column) const;
  std::span<const std::byte> column_blob(int column) const;

 private:
  // Throws through the database's fail() unless `rc` is SQLITE_OK.
  void checked(int rc, std::string_view what) const;
  const Database* db_;
  sqlite3_stmt* stmt_;
};

// BEGIN IMMEDIATE on construction (take the write lock up front, so a second
// writer waits on the busy timeout), ROLLBACK unless commit() was called.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Database& db_;
  bool done_ = false;
};

}  // namespace perfwatch::sqlite
