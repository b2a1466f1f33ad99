#pragma once
// What maintainers' triage decisions mean for a comparison (SPEC "Baseline":
// minus invalidated runs, minus everything before an accept). Pure functions
// over the decision log; invalidation itself is a run status the store keeps.
#include <optional>
#include <string>
#include <vector>

#include "detect/verdict.hpp"
#include "model/decision.hpp"

namespace perfwatch {

// Where `metric` of `benchmark` starts its baseline for a run at `run_time`:
// the newest accept of that benchmark (of this metric or of every metric)
// that starts at or before `run_time`. nullopt when nothing was accepted.
std::optional<UnixTime> accepted_since(const std::vector<Decision>& log, const std::string& benchmark, Metric metric,
                                       UnixTime run_time);

// The ignore covering `benchmark` at `run_time` (the newest matching ignore,
// not expired, not undone by a later unignore that matches), or nullptr.
const Decision* active_ignore(const std::vector<Decision>& log, const std::string& benchmark, UnixTime run_time);

// Regressions of ignored benchmarks become unchanged, marked `ignored`, so
// they are still shown but never alert, fail the run or file an issue.
void apply_ignores(std::vector<MetricResult>& results, const std::vector<Decision>& log, UnixTime run_time);

}  // namespace perfwatch
