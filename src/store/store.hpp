#pragma once
// The history: every run, keyed by commit, in one SQLite file or in a
// PostgreSQL database (--db postgresql://...), the same model in both.
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "detect/nightly.hpp"
#include "model/confirmation_log.hpp"
#include "model/decision.hpp"
#include "model/run.hpp"
#include "store/connection.hpp"

namespace perfwatch {

// One run's result for one benchmark, with the run's identity.
struct HistoryPoint {
  std::int64_t run_id = 0;
  UnixTime time = 0;
  std::string commit_sha;
  std::string commit_subject;
  RunStatus status = RunStatus::complete;
  BenchmarkResult result;
};

class Store {
 public:
  enum class Mode { create, read_only };

  // Opens (and for `create`, creates and migrates) the history at `path`, a
  // file or a postgresql:// URL.
  // read_only on a missing file is exit 2 with a hint to record a run first.
  // A writer waits up to `busy_timeout_ms` for another's lock (SQLite's busy
  // timeout; PostgreSQL's lock_timeout).
  static Store open(const std::filesystem::path& path, Mode mode, int busy_timeout_ms = kDefaultBusyTimeoutMs);
  static constexpr int kDefaultBusyTimeoutMs = 10000;

  // What messages name it by: the file, or the URL without its password.
  const std::string& where() const { return db_->where(); }
  // True for a history on a PostgreSQL server (a postgresql:// URL).
  bool on_server() const { return on_server_; }
  // Before filing issues: on a server, waits for any other perfwatch filing
  // from the same history (an advisory lock, held while the store is open);
  // a file history is locked by its nightly-lock file instead (cmd_nightly).
  void hold_filing_lock(const std::function<void()>& on_wait);

  // What opening it changed that a user should hear of (a migration's merges).
  const std::vector<std::string>& migration_notes() const { return notes_; }

  // Stores one run and its results in one transaction; returns its id.
  std::int64_t record_run(const RunRecord& run);
  // Stores many runs in one transaction (import): all or nothing. Runs already
  // present (same commit, environment, time and suite) are skipped, so
  // importing twice changes nothing. Returns how many were added.
  size_t record_runs(const std::vector<RunRecord>& runs);

  // A run of the same commit, environment and suite within `seconds` of
  // `run`'s time holding exactly its results (a retried job ingesting the
  // same file again), if any.
  std::optional<std::int64_t> same_run(const RunRecord& run, std::int64_t seconds);

  // Runs of `benchmark` since `since`, oldest first.
  std::vector<HistoryPoint> history(const std::string& benchmark, UnixTime since);
  // The newest recorded result of `benchmark` (one row, not its history).
  std::optional<BenchmarkResult> latest_result(const std::string& benchmark);
  std::vector<std::string> benchmark_names();
  bool has_benchmark(const std::string& benchmark);

  // The newest run of `commit_sha` (any environment), if any.
  std::optional<RunInfo> latest_run_of_commit(const std::string& commit_sha);
  // Runs on `environment` with from <= time <= to, oldest first.
  std::vector<RunInfo> runs_between(const std::string& environment, UnixTime from, UnixTime to);
  // Every run, oldest first, without results.
  std::vector<RunInfo> all_runs();
  // One run's results, by benchmark name.
  std::vector<BenchmarkResult> run_results(std::int64_t run_id);
  // One run's nightly summaries (what the noise model needs) with their
  // benchmark's name, in no particular order: kept at ingest, so reading them
  // decodes no samples.
  std::vector<std::pair<std::string, NightValues>> run_night_values(std::int64_t run_id);

  // The run with this id, if any.
  std::optional<RunInfo> run_info(std::int64_t run_id);
  // Every run of `commit_sha`, oldest first.
  std::vector<RunInfo> runs_of_commit(const std::string& commit_sha);

  // Records triage decisions in one transaction; an `invalidate` also marks
  // its run invalidated (exit 2 when the run does not exist: nothing is kept).
  void record_decisions(const std::vector<Decision>& decisions);
  // Every decision, oldest first.
  std::vector<Decision> decisions();

  // import: runs (those present skipped, as record_runs) and then decisions
  // (those present skipped; an invalidation's run found by its commit and
  // `run_times[i]`), all in one transaction. Returns how many runs were added.
  size_t import_history(const std::vector<RunRecord>& runs, std::vector<Decision> decisions,
                        const std::vector<UnixTime>& run_times);

  // A night's confirmations and its bisection steps, in one transaction
  // (a confirmation already kept for the same benchmark and metric is replaced).
  void record_confirmations(std::int64_t run_id, const std::vector<ConfirmationRecord>& records,
                            const std::vector<BisectStep>& steps);
  // `perfwatch bisect`'s steps, which belong to no run.
  void record_bisect_steps(const std::vector<BisectStep>& steps);
  // One run's confirmations, by benchmark and metric.
  std::vector<ConfirmationRecord> confirmations(std::int64_t run_id);
  // Every bisection step, oldest first.
  std::vector<BisectStep> bisect_steps();

  // Every run with its results, oldest first (export).
  void for_each_run(const std::function<void(const RunRecord&)>& visit);

  // `perfwatch migrate`: every run of `source` with its results, triage
  // decisions, confirmations and bisection steps, in one transaction. Runs
  // already here (same commit, environment, time and suite) and decisions
  // already here are skipped, so an interrupted copy is simply run again.
  // `progress` hears how many of the source's runs are done.
  struct CopyCounts {
    size_t runs = 0, skipped = 0, decisions = 0, confirmations = 0, bisect_steps = 0;
  };
  CopyCounts copy_from(Store& source, const std::function<void(size_t runs_done)>& progress);

 private:
  explicit Store(std::unique_ptr<db::Connection> db) : db_(std::move(db)) {}
  static Store open_postgres(const std::string& url, Mode mode, int busy_timeout_ms);
  std::int64_t insert_run(const RunRecord& run);
  std::optional<std::int64_t> id_of(const RunRecord& run);
  void insert_confirmations(std::int64_t run_id, const std::vector<ConfirmationRecord>& records,
                            const std::vector<BisectStep>& steps);
  void insert_bisect_step(std::optional<std::int64_t> run_id, const BisectStep& step);
  std::vector<std::pair<std::optional<std::int64_t>, BisectStep>> bisect_steps_by_run();
  // Whether `present` holds `d` already (any id): import and copy skip it.
  static bool known_decision(const Decision& d, const std::vector<Decision>& present);
  void insert_decision(const Decision& d);
  std::vector<Decision> decisions_in_store();
  std::int64_t commit_id(const CommitInfo& commit);
  std::int64_t environment_id(const Environment& env);
  // Each name's id, adding those not there yet.
  std::map<std::string, std::int64_t> benchmark_ids(std::vector<std::string> names);

  std::unique_ptr<db::Connection> db_;
  bool on_server_ = false;
  std::vector<std::string> notes_;
  std::map<std::int64_t, std::string> benchmark_names_by_id_;  // run_night_values' cache
};

// PERFWATCH_BUSY_TIMEOUT_MS's value ("" when unset) as milliseconds, else the default.
int busy_timeout_ms(const std::string& setting);

}  // namespace perfwatch
