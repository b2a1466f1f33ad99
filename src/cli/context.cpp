#include "cli/context.hpp"

#include <cstdlib>

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
  if (const char* env = std::getenv("PERFWATCH_DB"); env && *env) return env;
  return repo().workdir() / ".perfwatch" / "history.db";
}

Store Context::open_store(Store::Mode mode) { return Store::open(db_path(), mode); }

}  // namespace perfwatch
