#pragma once
// Which runs form the baseline of a run (SPEC "Baseline").
#include <functional>
#include <string>
#include <vector>

#include "model/run.hpp"

namespace perfwatch {

// True when `ancestor` is `descendant` or one of its ancestors (libgit2 in
// production; injected so the rule runs without a repository in tests).
using IsAncestor = std::function<bool(const std::string& ancestor, const std::string& descendant)>;

// The runs of the `window_days` before `current` (by run time) on ancestors of
// its commit, on the same environment, complete (not interrupted or
// invalidated), and not `current` itself; oldest first.
std::vector<RunInfo> select_baseline(const std::vector<RunInfo>& candidates, const RunInfo& current,
                                     int window_days, const IsAncestor& is_ancestor);

// One line when tonight's machine differs from the baseline nights' within
// one identity: "tonight ran on AMD EPYC 7763; 5 of 7 baseline nights on Intel
// Xeon 8370C" (the commonest other CPU model); "" when every night ran on the same.
std::string describe_machine_change(const std::vector<RunInfo>& baseline, const RunInfo& tonight);

}  // namespace perfwatch
