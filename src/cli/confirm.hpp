#pragma once
// Confirmation before filing (nightly): tonight's candidate regressions rerun
// interleaved against the last good commit on this machine, and the
// confirmed ones bisected to their first bad commit.
#include <vector>

#include "cli/context.hpp"
#include "cli/suite_run.hpp"
#include "detect/policy.hpp"
#include "detect/verdict.hpp"
#include "model/confirmation_log.hpp"

namespace perfwatch {

struct ConfirmOptions {
  bool enabled = true;          // --no-confirm: false
  double budget_minutes = 20;   // --confirm-budget
};

struct ConfirmPhase {
  std::vector<ConfirmationRecord> records;  // one per candidate
  std::vector<BisectStep> steps;
};

// The candidates are `c`'s alerting regressions that are not ignored. Tonight
// is the checkout the suite ran in (`entries`, `suite_dir`); the good commit
// is c.last_good_commit, checked out in a worktree under .perfwatch/.
ConfirmPhase confirm_candidates(Context& ctx, const std::vector<SuiteEntry>& entries, const std::filesystem::path& suite_dir,
                                const Comparison& c, const Policy& policy, const ConfirmOptions& options);

}  // namespace perfwatch
