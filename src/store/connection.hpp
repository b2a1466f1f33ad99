#pragma once
// One interface over the two engines a history lives in (SQLite, PostgreSQL):
// statements with `?` placeholders, rows read by column, transactions. The
// store speaks only this; store/sqlite.cpp and store/postgres.cpp adapt it.
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace perfwatch::db {

// One prepared statement of one engine: what Statement forwards to.
class Cursor {
 public:
  virtual ~Cursor() = default;
  virtual void bind_int(int index, std::int64_t value) = 0;
  virtual void bind_double(int index, double value) = 0;
  virtual void bind_text(int index, std::string_view text) = 0;
  virtual void bind_blob(int index, std::span<const std::byte> blob) = 0;
  virtual void bind_null(int index) = 0;
  virtual bool step() = 0;
  virtual void reset() = 0;
  virtual bool is_null(int column) const = 0;
  virtual std::int64_t column_int(int column) const = 0;
  virtual double column_double(int column) const = 0;
  virtual std::string column_text(int column) const = 0;
  // Valid until the next step() or reset().
  virtual std::span<const std::byte> column_blob(int column) const = 0;
};

class Statement {
 public:
  explicit Statement(std::unique_ptr<Cursor> cursor) : cursor_(std::move(cursor)) {}

  Statement& bind(int index, std::int64_t value) { return cursor_->bind_int(index, value), *this; }
  Statement& bind(int index, double value) { return cursor_->bind_double(index, value), *this; }
  Statement& bind(int index, std::string_view text) { return cursor_->bind_text(index, text), *this; }
  Statement& bind_blob(int index, std::span<const std::byte> blob) { return cursor_->bind_blob(index, blob), *this; }
  Statement& bind_null(int index) { return cursor_->bind_null(index), *this; }
  template <class T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind_null(index);
  }

  // Advances; true while a row is available.
  bool step() { return cursor_->step(); }
  // Ready to run again, its bindings cleared.
  void reset() { cursor_->reset(); }

  bool is_null(int column) const { return cursor_->is_null(column); }
  std::int64_t column_int(int column) const { return cursor_->column_int(column); }
  double column_double(int column) const { return cursor_->column_double(column); }
  std::string column_text(int column) const { return cursor_->column_text(column); }
  std::span<const std::byte> column_blob(int column) const { return cursor_->column_blob(column); }

 private:
  std::unique_ptr<Cursor> cursor_;
};

class Connection {
 public:
  virtual ~Connection() = default;
  virtual void exec(const char* sql) = 0;
  virtual Statement prepare(std::string_view sql) = 0;
  // Rows changed by the last INSERT, UPDATE or DELETE.
  virtual int changes() const = 0;
  // Starts a write transaction; SQLite takes its write lock up front, so a
  // second writer waits on the busy timeout rather than failing mid-run.
  virtual void begin() = 0;
  virtual void commit() = 0;
  // Never throws: called from destructors when a transaction is abandoned.
  virtual void rollback() noexcept = 0;
  virtual bool has_table(std::string_view name) = 0;
  // What messages name: the file, or the URL without its password.
  virtual const std::string& where() const = 0;
};

// begin() on construction, rollback() unless commit() was called.
class Transaction {
 public:
  explicit Transaction(Connection& db) : db_(db) { db_.begin(); }
  ~Transaction() {
    if (!done_) db_.rollback();
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit() {
    db_.commit();
    done_ = true;
  }

 private:
  Connection& db_;
  bool done_ = false;
};

}  // namespace perfwatch::db
