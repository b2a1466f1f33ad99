#pragma once
// The two reference detectors perfwatch is scored against. Both apply the
// same thresholds as perfwatch's policy.
#include <vector>

#include "detect/policy.hpp"
#include "model/result.hpp"

namespace perfwatch::accuracy {

// "Previous run only, ratio over threshold": tonight against last night.
bool previous_run_alerts(const BenchmarkResult& previous, const BenchmarkResult& tonight, const Thresholds& t);

// "All 7 days' samples pooled, Mann-Whitney U at 0.05, plus threshold".
bool pooled_mwu_alerts(const std::vector<BenchmarkResult>& baseline, const BenchmarkResult& tonight,
                       const Thresholds& t);

}  // namespace perfwatch::accuracy
