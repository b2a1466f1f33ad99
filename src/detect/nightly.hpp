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

// p50/p95/p99/p99.9 of the latency samples (Harrell-Davis), the median throughput, or peak memory.
// nullopt when the night did not measure it (error_rate: see night_errors).
std::optional<NightValue> night_value(const BenchmarkResult& result, Metric metric);

// A quantile q rests on the samples past it: with fewer than 1 / (1 - q) a
// night has not one sample there on average, and the estimate is the largest
// sample dressed up as a percentile. Such a night's p99.9 is "too few
// samples"; a p95 that short is computed but warned about
// (detect/measurement_warnings).
inline constexpr size_t kP95MinSamples = 20;
inline constexpr size_t kMinSamplesP999 = 1000;

// p50, p95, p99 and p99.9 of the latency samples at once (one sort), as
// night_value gives them one by one; nullopt without latency samples.
struct LatencyQuantiles {
  NightValue p50, p95, p99;
  std::optional<NightValue> p999;  // nullopt below kMinSamplesP999 samples
};
std::optional<LatencyQuantiles> latency_quantiles(const BenchmarkResult& result);

// Every metric's value of one night at once, the latency samples sorted once:
// what compare needs of each night. of(error_rate) is nullopt; memory_growth
// is bytes an hour (detect/memory_growth), its variance unused (0).
struct NightValues {
  std::optional<LatencyQuantiles> latency;
  std::optional<NightValue> throughput, peak_memory, memory_growth;
  std::optional<NightValue> instructions;  // the median count of the night's processes
  std::string instructions_source;         // BenchmarkResult::instructions_source
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
