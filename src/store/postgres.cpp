#include "store/postgres.hpp"

#include <libpq-fe.h>

#include <charconv>
#include <chrono>
#include <cstdlib>
#include <map>
#include <thread>
#include <vector>

#include "store/postgres_text.hpp"
#include "util/error.hpp"

namespace perfwatch::postgres {
namespace {

constexpr int kConnectTries = 3;

std::string first_line(const char* message) {
  std::string text = message ? message : "";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  if (const size_t nl = text.find('\n'); nl != std::string::npos) text.resize(nl);
  return text;
}

// Notices ("relation already exists, skipping") are not the user's business.
void ignore_notice(void*, const char*) {}

// Text-format result columns as numbers; the server wrote them, so they parse.
std::int64_t parse_int(const char* text) {
  std::int64_t value = 0;
  std::from_chars(text, text + std::char_traits<char>::length(text), value);
  return value;
}
double parse_double(const char* text) { return std::strtod(text, nullptr); }  // also "NaN", "Infinity"

class Cursor : public db::Cursor {
 public:
  Cursor(Connection& db, std::string_view sql) : db_(db) {
    int count = 0;
    sql_ = numbered_placeholders(sql, &count);
    values_.resize(static_cast<size_t>(count));
    bound_.resize(static_cast<size_t>(count), false);
    binary_.resize(static_cast<size_t>(count), 0);
  }
  ~Cursor() override { PQclear(result_); }
  Cursor(const Cursor&) = delete;
  Cursor& operator=(const Cursor&) = delete;

  void bind_int(int index, std::int64_t value) override { set(index, std::to_string(value), false); }
  void bind_double(int index, double value) override {
    char buffer[32];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);  // shortest exact form
    set(index, std::string(buffer, end), false);
  }
  void bind_text(int index, std::string_view text) override { set(index, std::string(text), false); }
  void bind_blob(int index, std::span<const std::byte> blob) override {
    set(index, std::string(reinterpret_cast<const char*>(blob.data()), blob.size()), true);
  }
  void bind_null(int index) override { bound_.at(static_cast<size_t>(index - 1)) = false; }

  bool step() override {
    if (!result_) {
      run();
      row_ = 0;
    } else {
      ++row_;
    }
    blobs_.clear();
    return row_ < PQntuples(result_);
  }
  void reset() override {
    PQclear(result_);
    result_ = nullptr;
    std::fill(bound_.begin(), bound_.end(), false);
    blobs_.clear();
  }

  bool is_null(int column) const override { return PQgetisnull(result_, row_, column) != 0; }
  std::int64_t column_int(int column) const override {
    return is_null(column) ? 0 : parse_int(PQgetvalue(result_, row_, column));
  }
  double column_double(int column) const override {
    return is_null(column) ? 0.0 : parse_double(PQgetvalue(result_, row_, column));
  }
  std::string column_text(int column) const override {
    return std::string(PQgetvalue(result_, row_, column), static_cast<size_t>(PQgetlength(result_, row_, column)));
  }
  std::span<const std::byte> column_blob(int column) const override {
    if (is_null(column)) return {};
    auto [it, fresh] = blobs_.try_emplace(column);
    if (fresh) {
      auto bytes = decode_bytea_hex(PQgetvalue(result_, row_, column));
      if (!bytes) db_.fail("read", "", "expected a bytea column in hex form (bytea_output = hex)");
      it->second = std::move(*bytes);
    }
    return it->second;
  }

 private:
  void set(int index, std::string value, bool binary) {
    const size_t i = static_cast<size_t>(index - 1);
    values_.at(i) = std::move(value);
    bound_[i] = true;
    binary_[i] = binary ? 1 : 0;
  }

  void run() {
    std::vector<const char*> pointers(values_.size());
    std::vector<int> lengths(values_.size());
    for (size_t i = 0; i < values_.size(); ++i) {
      pointers[i] = bound_[i] ? values_[i].data() : nullptr;
      lengths[i] = static_cast<int>(values_[i].size());
    }
    result_ = PQexecParams(db_.handle(), sql_.c_str(), static_cast<int>(values_.size()), nullptr, pointers.data(),
                           lengths.data(), binary_.data(), 0);
    const ExecStatusType status = PQresultStatus(result_);
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
      const char* state = PQresultErrorField(result_, PG_DIAG_SQLSTATE);
      const std::string message = first_line(PQresultErrorMessage(result_));
      db_.fail("statement", state ? state : "", message.empty() ? first_line(PQerrorMessage(db_.handle())) : message);
    }
    const char* changed = PQcmdTuples(result_);
    db_.set_changes(changed && *changed ? std::atoi(changed) : 0);
  }

  Connection& db_;
  std::string sql_;
  std::vector<std::string> values_;
  std::vector<bool> bound_;
  std::vector<int> binary_;
  PGresult* result_ = nullptr;
  int row_ = 0;
  mutable std::map<int, std::vector<std::byte>> blobs_;  // decoded bytea, by column, for this row
};

}  // namespace

std::unique_ptr<Connection> Connection::open(const std::string& url, int lock_timeout_ms) {
  const std::string shown = redact(url);
  char* parse_error = nullptr;
  PQconninfoOption* parsed = PQconninfoParse(url.c_str(), &parse_error);
  if (!parsed) {
    const std::string why = first_line(parse_error);
    PQfreemem(parse_error);
    throw input_error(shown + ": --db: expected a PostgreSQL URL such as postgresql://user@host:5432/dbname (" + why + ")");
  }
  PQconninfoFree(parsed);
  // The URL's own parameters (connect_timeout=..., sslmode=...) win over these defaults.
  const char* const keywords[] = {"connect_timeout", "application_name", "dbname", nullptr};
  const char* const values[] = {"10", "perfwatch", url.c_str(), nullptr};
  std::string why;
  for (int attempt = 1; attempt <= kConnectTries; ++attempt) {
    PGconn* conn = PQconnectdbParams(keywords, values, 1);
    if (conn && PQstatus(conn) == CONNECTION_OK) {
      PQsetNoticeProcessor(conn, ignore_notice, nullptr);
      std::unique_ptr<Connection> c(new Connection(conn, shown));
      c->exec("SET client_min_messages = warning");
      c->lock_timeout_ms_ = lock_timeout_ms;
      c->exec(("SET lock_timeout = " + std::to_string(lock_timeout_ms)).c_str());
      return c;
    }
    why = first_line(conn ? PQerrorMessage(conn) : "out of memory");
    PQfinish(conn);
    if (attempt < kConnectTries) std::this_thread::sleep_for(std::chrono::milliseconds(500 * attempt));
  }
  throw environment_error(shown + ": cannot connect to PostgreSQL at " + host_of(url) + " (" +
                          std::to_string(kConnectTries) + " tries): " + why +
                          "; check that the server is up and accepts this user, then run again (nothing was stored)");
}

Connection::~Connection() { PQfinish(conn_); }

void Connection::fail(const std::string& what, const std::string& sqlstate, const std::string& detail) const {
  const std::string where = where_ + ": ";
  if (PQstatus(conn_) != CONNECTION_OK || sqlstate.starts_with("08") || sqlstate.starts_with("57P")) {
    throw environment_error(where + "lost the connection to PostgreSQL (" + detail +
                            "); run again when the server is back (this run's transaction was not committed)");
  }
  if (sqlstate == "55P03") {
    throw environment_error(where + "history database is locked by another writer (waited " +
                            std::to_string(lock_timeout_ms_) + " ms; PERFWATCH_BUSY_TIMEOUT_MS raises it)");
  }
  if (sqlstate == "40P01" || sqlstate == "40001") {
    throw environment_error(where + "another writer's transaction conflicted with this one (" + detail +
                            "); run again (nothing of this run was stored)");
  }
  if (sqlstate == "42501") {
    throw environment_error(where + "this user may not do that (" + detail +
                            "): grant it CREATE and USAGE on the schema, and rights on perfwatch's tables");
  }
  if (sqlstate.starts_with("53")) {
    throw environment_error(where + "the server is out of resources (" + detail +
                            "): free space or connections there and run again; nothing of this run was stored");
  }
  throw environment_error(where + what + ": " + detail);
}

void Connection::exec(const char* sql) {
  PGresult* result = PQexec(conn_, sql);
  const ExecStatusType status = PQresultStatus(result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
    const std::string state_text = state ? state : "";
    const std::string detail = first_line(result ? PQresultErrorMessage(result) : PQerrorMessage(conn_));
    PQclear(result);
    fail(sql, state_text, detail);
  }
  PQclear(result);
}

db::Statement Connection::prepare(std::string_view sql) { return db::Statement(std::make_unique<Cursor>(*this, sql)); }

void Connection::commit() {
  PGresult* result = PQexec(conn_, "COMMIT");
  const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK && std::string_view(PQcmdStatus(result)) == "COMMIT";
  const std::string detail = first_line(PQresultErrorMessage(result));
  PQclear(result);
  if (!ok) fail("commit", "", detail.empty() ? "the server rolled the transaction back" : detail);
}

void Connection::rollback() noexcept { PQclear(PQexec(conn_, "ROLLBACK")); }

bool Connection::has_table(std::string_view name) {
  auto stmt = prepare("SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = ?");
  stmt.bind(1, name);
  return stmt.step();
}

void Connection::hold_lock(std::int64_t key, const std::function<void()>& on_wait) {
  auto attempt = prepare("SELECT pg_try_advisory_lock(?)");
  attempt.bind(1, key);
  attempt.step();
  if (attempt.column_text(0) == "t") return;
  on_wait();
  exec("SET lock_timeout = 0");  // as long as the other one files: the file lock waits so too
  auto wait = prepare("SELECT pg_advisory_lock(?)");
  wait.bind(1, key);
  wait.step();
  exec(("SET lock_timeout = " + std::to_string(lock_timeout_ms_)).c_str());
}

}  // namespace perfwatch::postgres
