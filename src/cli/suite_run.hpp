#pragma once
// Runs the suite from the config and records one run (`run` and `nightly`).
#include <filesystem>
#include <string>
#include <vector>

#include "cli/context.hpp"
#include "runner/instruction_count.hpp"
#include "runner/suite.hpp"

namespace perfwatch {

struct SuiteRunOptions {
  std::string commit = "HEAD";
  std::string at;    // ISO 8601; now when empty
  std::string only;  // glob over benchmark names; every one when empty
  std::string env;   // --env: the environment's name ("" : PERFWATCH_ENV, the suite's, else the class)
};

struct SuiteRunOutcome {
  RunInfo run;
  CommitInfo commit;
  bool command_missing = false;  // recorded as a failure; the caller exits 3
};

// The suite file read and every option checked, before anything runs or the
// history is opened (bad input is exit 2 with nothing written).
struct PlannedRun {
  std::vector<SuiteEntry> entries;
  std::filesystem::path suite_dir;  // commands run from the suite file's folder
  RunRecord record;                 // everything but the results
  // The counter of "measure": "instructions" entries, probed before anything
  // runs (none on this machine: exit 3); nullopt when no entry counts.
  std::optional<CountSource> counter;
};
PlannedRun plan_suite_run(Context& ctx, const SuiteRunOptions& options);

// Each entry in turn, with progress on stderr; a failure is recorded and the
// suite goes on. SIGINT/SIGTERM stop the running benchmark and record nothing
// (exit 3).
SuiteRunOutcome run_suite(Context& ctx, Store& store, PlannedRun plan);

}  // namespace perfwatch
