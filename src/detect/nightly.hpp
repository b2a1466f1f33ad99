#pragma once
// One night's value of a metric, read from that night's raw samples.
#include <cstdint>
#include <optional>

#include "detect/verdict.hpp"
#include "model/result.hpp"

namespace perfwatch {

struct NightValue {
  double value = 0;
  // Sampling variance of log(value) within the night (how precisely this
  // night's samples pin the statistic down); 0 for a single value.
  double log_variance = 0;
};

struct ErrorCount {
  std::int64_t errors = 0;
  std::int64_t requests = 0;
};

// p50/p95/p99 of the latency samples (Harrell-Davis), the median throughput, or peak memory.
// nullopt when the night did not measure it (error_rate: see night_errors).
std::optional<NightValue> night_value(const BenchmarkResult& result, Metric metric);

// p50, p95 and p99 of the latency samples at once (one sort), as night_value
// gives them one by one; nullopt without latency samples.
struct LatencyQuantiles {
  NightValue p50, p95, p99;
};
std::optional<LatencyQuantiles> latency_quantiles(const BenchmarkResult& result);

// Every metric's value of one night at once, the latency samples sorted once:
// what compare needs of each night. of(error_rate) is nullopt.
struct NightValues {
  std::optional<LatencyQuantiles> latency;
  std::optional<NightValue> throughput, peak_memory;
  std::optional<NightValue> of(Metric metric) const;
};
NightValues night_values(const BenchmarkResult& result);

// Errors and requests of the night. A benchmark that failed without counts is
// 1 error of 1; one that ran without counts is 0 of 1. nullopt when the
// night says nothing about errors at all.
std::optional<ErrorCount> night_errors(const BenchmarkResult& result);

// The night's value of any metric, error rate included (errors / requests).
std::optional<double> metric_value(const BenchmarkResult& result, Metric metric);

}  // namespace perfwatch
