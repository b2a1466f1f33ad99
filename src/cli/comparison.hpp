#pragma once
// Loads what a comparison needs from the history and the repository, then
// hands plain structs to detect/ (shared by compare, status and nightly).
#include <string>

#include "cli/context.hpp"
#include "detect/policy.hpp"
#include "detect/verdict.hpp"
#include "model/confirmation_log.hpp"
#include "report/comparison_view.hpp"

namespace perfwatch {

// baselines/thresholds.json in the repository when present (or `path` when
// given), else the built-in defaults, which are the same as the shipped file.
Policy load_policy(Context& ctx, const std::string& path);

// The newest run of `commit` (named `rev` by the user); exit 2 when it has none.
RunInfo latest_run_or_fail(Store& store, const std::string& rev, const CommitInfo& commit);

// Compares `run` (of `commit`) with its baseline.
Comparison compare_run(Store& store, const git::Repository& repo, const RunInfo& run, const CommitInfo& commit,
                       const Policy& policy);

// Writes each record into its result and sets the verdict again: a refuted
// candidate no longer makes the run a regression.
void apply_confirmations(Comparison& c, const std::vector<ConfirmationRecord>& records);

// `c` on ctx.out() as "text" (colour on a terminal), "json" or "markdown".
void print_comparison(Context& ctx, const Comparison& c, const std::string& format, Rows rows);

}  // namespace perfwatch
