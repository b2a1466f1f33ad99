#pragma once
// What every command gets: the global options, the output streams, and lazy
// access to the repository and the history.
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "cli/settings.hpp"
#include "git/repository.hpp"
#include "store/store.hpp"

namespace perfwatch {

struct GlobalOptions {
  std::string db;       // --db, else PERFWATCH_DB, else <repo>/.perfwatch/history.db
  std::string repo = ".";
  std::string config;   // --config, else <repo>/perfwatch.json
  bool verbose = false;
  bool quiet = false;
};

class Context {
 public:
  // Reads the clock once: every "now" of one command is the same instant.
  Context(GlobalOptions options, Settings settings, std::ostream& out, std::ostream& err)
      : options_(std::move(options)), settings_(std::move(settings)), now_(settings_.clock()), out_(out), err_(err) {}

  const GlobalOptions& options() const { return options_; }
  const Settings& settings() const { return settings_; }
  UnixTime now() const { return now_; }
  // The run time an `--at` option names (now() when empty); exit 2 when it is not ISO 8601.
  UnixTime run_time(const std::string& at) const;
  std::ostream& out() { return out_; }
  // Progress and notes for people; silent under --quiet.
  std::ostream& info();
  std::ostream& err() { return err_; }

  const git::Repository& repo();
  std::filesystem::path db_path();
  // The suite file: --config, else perfwatch.json in the repository root.
  std::filesystem::path suite_path();
  Store open_store(Store::Mode mode);

 private:
  GlobalOptions options_;
  Settings settings_;
  UnixTime now_;
  std::ostream& out_;
  std::ostream& err_;
  std::optional<git::Repository> repo_;
};

}  // namespace perfwatch
