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

}  // namespace perfwatch
