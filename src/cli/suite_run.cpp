// Runs the suite from the config and records one run (`run` and `nightly`).
#include "cli/suite_run.hpp"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <iostream>

#include "runner/environment.hpp"
#include "runner/execute.hpp"
#include "util/error.hpp"
#include "util/file.hpp"
#include "util/text.hpp"
#include "version.hpp"

namespace perfwatch {
namespace {

std::atomic<bool> g_stop{false};

// SIGINT/SIGTERM while the suite runs: stop the children, record nothing.
class StopOnSignals {
 public:
  StopOnSignals() {
    g_stop = false;
    struct sigaction action {};
    action.sa_handler = [](int) { g_stop = true; };
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &old_int_);
    sigaction(SIGTERM, &action, &old_term_);
  }
  ~StopOnSignals() {
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
  }

 private:
  struct sigaction old_int_ {}, old_term_ {};
};

std::vector<SuiteEntry> selected(const Suite& suite, const std::string& only, const std::string& source) {
  std::vector<SuiteEntry> entries;
  std::string names;
  for (const SuiteEntry& e : suite.benchmarks) {
    names += (names.empty() ? "" : ", ") + e.name;
    if (only.empty() || glob_match(only, e.name)) entries.push_back(e);
  }
  if (entries.empty()) throw input_error(source + ": --only \"" + only + "\": expected a glob matching a benchmark (known: " + names + ")");
  return entries;
}

// How long each entry took last time (the sum of its recorded wall times), for the ETA.
std::vector<double> expected_seconds(Store& store, const std::vector<SuiteEntry>& entries) {
  std::vector<double> expected;
  for (const SuiteEntry& e : entries) {
    double seconds = 0;
    if (const auto last = store.latest_result(e.name); last && last->latency) {
      for (double ns : last->latency->values) seconds += ns / 1e9;
    }
    expected.push_back(seconds);
  }
  return expected;
}

}  // namespace

PlannedRun plan_suite_run(Context& ctx, const SuiteRunOptions& o) {
  const std::filesystem::path config = ctx.suite_path();
  const Suite suite = parse_suite(read_file(config), config.string());
  PlannedRun plan;
  plan.entries = selected(suite, o.only, config.string());
  plan.suite_dir = std::filesystem::absolute(config).parent_path();
  for (const SuiteEntry& e : plan.entries)
    if (e.count_instructions) plan.counter = probe_count_source();
  RunRecord& record = plan.record;
  record.commit = ctx.repo().resolve(o.commit);
  record.time = ctx.run_time(o.at);
  const std::string named = !o.env.empty()                               ? o.env
                            : !ctx.settings().get("PERFWATCH_ENV").empty() ? ctx.settings().get("PERFWATCH_ENV")
                                                                           : suite.environment;
  record.environment = capture_environment(ctx.settings().get("RUNNER_NAME"), named);
  record.suite = suite.name;
  record.tool_version = kVersion;
  record.source_format = "run";
  return plan;
}

SuiteRunOutcome run_suite(Context& ctx, Store& store, PlannedRun plan) {
  const std::vector<SuiteEntry>& entries = plan.entries;
  RunRecord& record = plan.record;

  const auto work_dir = ctx.repo().workdir() / ".perfwatch" / "work" / std::to_string(ctx.now());
  std::filesystem::create_directories(work_dir);
  const bool live = !ctx.options().quiet && ctx.settings().stderr_is_terminal;
  Progress progress(ctx.info(), live, expected_seconds(store, entries));
  const std::filesystem::path& suite_dir = plan.suite_dir;
  bool missing = false;
  size_t failed = 0;
  std::string memory_source;
  {
    StopOnSignals signals;
    for (size_t i = 0; i < entries.size(); ++i) {
      progress.start(i, entries[i].name);
      EntryOutcome outcome = run_entry(entries[i], suite_dir, work_dir, &g_stop, &progress);
      if (outcome.interrupted || g_stop) {
        progress.finish(outcome.seconds, "interrupted");
        throw environment_error("interrupted by a signal: stopped the running benchmark; nothing was recorded");
      }
      const bool ok = !outcome.results.front().failure;
      failed += !ok;
      missing = missing || outcome.command_missing;
      progress.finish(outcome.seconds, ok ? "ok" : "FAILED: " + *outcome.results.front().failure);
      memory_source = describe(outcome.memory_source);
      for (BenchmarkResult& b : outcome.results) record.results.push_back(std::move(b));
    }
  }
  const std::int64_t id = store.record_run(record);
  ctx.info() << "perfwatch: recorded run " << id << " of suite " << record.suite << ": " << entries.size()
             << " benchmarks (" << failed << " failed) for " << record.commit.sha.substr(0, 8) << " ("
             << record.commit.subject << "); outputs in " << work_dir.string() << "\n";
  if (plan.counter) ctx.info() << "perfwatch: instructions counted by " << count_source_note(*plan.counter) << "\n";
  if (!memory_source.empty())
    ctx.info() << "perfwatch: peak memory from " << memory_source << " (below " << kMemoryFloorBytes / (1024 * 1024)
               << " MiB: unknown)\n";
  SuiteRunOutcome outcome;
  outcome.run = {id,           record.time,  record.commit.sha, identity_of(record.environment),
                 record.status, record.suite, record.environment.cpu};
  outcome.commit = record.commit;
  outcome.command_missing = missing;
  return outcome;
}

}  // namespace perfwatch
