#include "cli/context.hpp"

#include "util/error.hpp"

namespace perfwatch {
namespace {

// Swallows everything: --quiet's info stream.
struct NullStream : std::ostream {
  NullStream() : std::ostream(nullptr) {}
};

}  // namespace

std::ostream& Context::info() {
  static NullStream null;
  return options_.quiet ? null : err_;
}

const git::Repository& Context::repo() {
  if (!repo_) repo_ = git::Repository::discover(options_.repo);
  return *repo_;
}

std::filesystem::path Context::db_path() {
  if (!options_.db.empty()) return options_.db;
  if (const std::string env = settings_.get("PERFWATCH_DB"); !env.empty()) return env;
  return repo().workdir() / ".perfwatch" / "history.db";
}

std::filesystem::path Context::suite_path() {
  if (!options_.config.empty()) return options_.config;
  return repo().workdir() / "perfwatch.json";
}

UnixTime Context::run_time(const std::string& at) const {
  if (at.empty()) return now_;
  const auto t = parse_iso8601(at);
  if (!t) throw input_error("--at: expected an ISO 8601 time such as 2026-11-15T02:00:00Z, got \"" + at + "\"");
  return *t;
}

Store Context::open_store(Store::Mode mode) {
  Store store = Store::open(db_path(), mode, busy_timeout_ms(settings_.get("PERFWATCH_BUSY_TIMEOUT_MS")));
  for (const std::string& note : store.migration_notes()) info() << "perfwatch: history migrated: " << note << "\n";
  return store;
}

}  // namespace perfwatch
