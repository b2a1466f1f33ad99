#pragma once
// The SQLite engine behind db::Connection. No raw sqlite3_* call lives outside store/.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "store/connection.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace perfwatch::sqlite {

class Database : public db::Connection {
 public:
  enum class Access { read_write_create, read_only };
  Database(const std::filesystem::path& path, Access access, int busy_timeout_ms);
  ~Database() override;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  Database(Database&& other) noexcept;

  void exec(const char* sql) override;
  db::Statement prepare(std::string_view sql) override;
  int changes() const override;
  // BEGIN IMMEDIATE: the write lock up front, so a second writer waits on the
  // busy timeout.
  void begin() override { exec("BEGIN IMMEDIATE"); }
  void commit() override { exec("COMMIT"); }
  void rollback() noexcept override;
  bool has_table(std::string_view name) override;
  const std::string& where() const override { return where_; }
  const std::filesystem::path& path() const { return path_; }

  // Throws perfwatch::Error for a failed call, naming the file and what to
  // do: exit 3 when it is locked past the busy timeout, read-only, full or
  // failing; exit 2 for a corrupt or foreign file or a path it cannot open.
  [[noreturn]] void fail(int code, std::string_view what) const;

 private:
  [[noreturn]] void fail(int code, std::string_view what, const std::string& detail) const;
  sqlite3* db_ = nullptr;
  std::filesystem::path path_;
  std::string where_;
  int busy_timeout_ms_ = 0;
};

using Transaction = db::Transaction;

}  // namespace perfwatch::sqlite
