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

// Runs of one commit on one environment this close together are one night
// (issue 18): the shards of a CI matrix, or a suite's Google Benchmark and
// k6 results ingested as two files.
inline constexpr std::int64_t kNightSeconds = 12 * 3600;

// Whether `a` and `b` are parts of one night: the same commit and
// environment, less than kNightSeconds apart.
bool same_night(const RunInfo& a, const RunInfo& b);

// The runs of the `window_days` before `current` (by run time) on ancestors of
// its commit, on the same environment, complete (not interrupted or
// invalidated), and not of `current`'s own night; oldest first.
std::vector<RunInfo> select_baseline(const std::vector<RunInfo>& candidates, const RunInfo& current,
                                     int window_days, const IsAncestor& is_ancestor);

// `runs` (oldest first) as nights: each a list of runs, oldest first, where
// every run is of one night with the night's first run.
std::vector<std::vector<RunInfo>> group_nights(const std::vector<RunInfo>& runs);

// `current` and the complete runs of its night before it, oldest first.
std::vector<RunInfo> night_of(const std::vector<RunInfo>& candidates, const RunInfo& current);

// One line when tonight's machine differs from the baseline nights' within
// one identity: "tonight ran on AMD EPYC 7763; 5 of 7 baseline nights on Intel
// Xeon 8370C" (the commonest other CPU model); "" when every night ran on the same.
std::string describe_machine_change(const std::vector<RunInfo>& baseline, const RunInfo& tonight);

}  // namespace perfwatch
