#pragma once
// The two reference detectors perfwatch is scored against. Both apply the
// same thresholds as perfwatch's policy.
#include <vector>

#include "detect/policy.hpp"
#include "model/result.hpp"

namespace perfwatch::accuracy {

// "Previous run only, ratio over threshold": tonight against last night.
// The change is measured once; thresholds can then be tried against it.
struct PreviousRunChange {
  double p95_ratio = 1, throughput_ratio = 1, memory_ratio = 1, error_rate_increase = 0;
};
PreviousRunChange previous_run_change(const BenchmarkResult& previous, const BenchmarkResult& tonight);
bool previous_run_alerts(const PreviousRunChange& change, const Thresholds& t);

// "All 7 days' samples pooled, Mann-Whitney U at 0.05, plus threshold".
bool pooled_mwu_alerts(const std::vector<BenchmarkResult>& baseline, const BenchmarkResult& tonight,
                       const Thresholds& t);

}  // namespace perfwatch::accuracy
