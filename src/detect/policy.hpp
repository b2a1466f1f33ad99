#pragma once
// The regression policy: thresholds, significance level, baseline rules, and
// per-benchmark overrides by glob (baselines/thresholds.json).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "detect/verdict.hpp"

namespace perfwatch {

struct Thresholds {
  double p95_increase = 0.20;         // regression when current / baseline > 1.20
  double throughput_decrease = 0.15;  // regression when current / baseline < 0.85
  double error_rate_increase = 0.05;  // regression when current - baseline > 5 points
  double memory_increase = 0.30;      // regression when current / baseline > 1.30
  // Present: p99.9 alerts past current / baseline > 1 + this; absent, it is
  // reported only (judged by the p95 rule, as p50 and p99 are).
  std::optional<double> p999_increase;
  // Steady resident-memory growth within one process that alerts (bytes an
  // hour, the key is in MB an hour), when its trend is significant too.
  double memory_growth_per_hour = 2e6;
  // Instruction counts hardly move between nights on any machine (issue 16):
  // regression when current / baseline > 1.05.
  double instructions_increase = 0.05;
  // A tool's counts per operation (go test's B/op and allocs/op, Google
  // Benchmark's user counters, cargo bench's cycles/iter: model/units
  // is_count_unit): regression when the median count / baseline > 1.05.
  double count_increase = 0.05;
  // Measurement warnings this benchmark does not get (detect/measurement_warnings).
  std::vector<WarningKind> silenced;
};

struct Override {
  std::string glob;
  Thresholds thresholds;
};

struct Policy {
  double alpha = 0.01;          // after Benjamini-Hochberg across the run
  // A result past the threshold with a raw p this small, though not
  // significant across the run, is still rerun by nightly (see screened):
  // the reruns are a test of their own, on new data, so this level trades
  // rerun time for recall, not false alarms for recall. (On synthetic B's
  // tuning seed, 0.005 -> 0.05: first nights filed 41 -> 55 %, reruns 11
  // -> 16 benchmarks a run of 400.) thresholds.json: rerun_alpha.
  double screen_alpha = 0.05;
  int min_baseline_nights = 3;  // fewer: insufficient-baseline
  int window_days = 7;
  // How far back the noise model reads the benchmark's history (the baseline
  // stays window_days): seven nights cannot pin a spread down.
  int history_days = 90;
  // Nightly variation below this (relative) is not trusted to be real: the
  // noise estimate never goes under it, so two near-identical weeks cannot
  // make a tiny wobble "significant".
  double noise_floor = 0.01;
  Thresholds defaults;
  std::vector<Override> overrides;  // the last matching glob wins

  const Thresholds& for_benchmark(std::string_view benchmark) const;
};

// Whether `metric` can raise an alert under `t` (is_alerting, or p99.9 with p999_increase).
bool alerts(Metric metric, const Thresholds& t);

// The ratio of current to baseline past which `metric` regresses under `t`
// (throughput: under it; error rate: points, not a ratio). p50 and p99 take
// the p95's rule, though they never alert.
double regression_threshold(Metric metric, const Thresholds& t);

// Parses a thresholds file; errors name `source` and the key (exit 2).
Policy parse_policy(std::string_view text, const std::string& source);

// Globs in `policy` that match none of `benchmarks` (to warn about).
std::vector<std::string> unmatched_globs(const Policy& policy, const std::vector<std::string>& benchmarks);

}  // namespace perfwatch
