#pragma once
// The PostgreSQL engine behind db::Connection, through libpq. No PQ* call
// lives outside store/.
#include <functional>
#include <memory>
#include <string>

#include "store/connection.hpp"

struct pg_conn;

namespace perfwatch::postgres {

class Connection : public db::Connection {
 public:
  // Connects as libpq does (the URL, PGPASSWORD, ~/.pgpass, sslmode and the
  // other parameters pass through), trying 3 times. A URL libpq cannot read
  // is exit 2; a server that is down or refuses is exit 3, naming the host.
  // Waits for another writer's locks up to `lock_timeout_ms` (0: forever),
  // then exit 3.
  static std::unique_ptr<Connection> open(const std::string& url, int lock_timeout_ms = 0);
  ~Connection() override;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void exec(const char* sql) override;
  db::Statement prepare(std::string_view sql) override;
  int changes() const override { return changes_; }
  void begin() override { exec("BEGIN"); }
  void commit() override;
  void rollback() noexcept override;
  bool has_table(std::string_view name) override;
  const std::string& where() const override { return where_; }

  // A session-wide advisory lock on `key`, held until the connection closes;
  // `on_wait` is called once when another session holds it.
  void hold_lock(std::int64_t key, const std::function<void()>& on_wait);

  // For the cursors: runs through here so failures read alike.
  [[noreturn]] void fail(const std::string& what, const std::string& sqlstate, const std::string& detail) const;
  pg_conn* handle() const { return conn_; }
  void set_changes(int n) { changes_ = n; }

 private:
  Connection(pg_conn* conn, std::string where) : conn_(conn), where_(std::move(where)) {}
  pg_conn* conn_;
  std::string where_;
  int changes_ = 0;
  int lock_timeout_ms_ = 0;
};

}  // namespace perfwatch::postgres
