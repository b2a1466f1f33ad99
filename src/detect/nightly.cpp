#include "detect/nightly.hpp"

#include <algorithm>
#include <cmath>

#include "detect/memory_growth.hpp"
#include "stats/quantile.hpp"

namespace perfwatch {
namespace {

// Harrell-Davis, not type 7: a night of 40 samples has its type-7 p95 on two
// order statistics, and its night-to-night noise hid real tail regressions
// (bench/accuracy_bench: recall by the second night 93.1 % with type 7,
// 97.7 % with Harrell-Davis, false alarms 2 -> 1 of 17,929). Its
// Maritz-Jarrett standard error is the night's own sampling noise, on the
// log scale by the delta method.
NightValue sorted_quantile(const std::vector<double>& sorted, double q) {
  const stats::HarrellDavis hd = stats::harrell_davis(sorted, q);
  const double relative_se = hd.estimate > 0 ? hd.se / hd.estimate : 0;
  return NightValue{hd.estimate, relative_se * relative_se};
}

std::vector<double> sorted_values(const Series& series) {
  std::vector<double> sorted = series.values;
  std::sort(sorted.begin(), sorted.end());
  return sorted;
}

std::optional<NightValue> quantile_value(const Series& series, double q) {
  if (series.values.empty()) return std::nullopt;
  return sorted_quantile(sorted_values(series), q);
}

std::optional<NightValue> peak_memory_value(const BenchmarkResult& result) {
  if (!result.peak_rss_bytes) return std::nullopt;
  return NightValue{static_cast<double>(*result.peak_rss_bytes), 0};
}

std::optional<NightValue> throughput_value(const BenchmarkResult& result) {
  return result.throughput ? quantile_value(*result.throughput, 0.50) : std::nullopt;
}

}  // namespace

std::optional<LatencyQuantiles> latency_quantiles(const BenchmarkResult& result) {
  if (!result.latency || result.latency->values.empty()) return std::nullopt;
  const std::vector<double> sorted = sorted_values(*result.latency);
  LatencyQuantiles q{sorted_quantile(sorted, 0.50), sorted_quantile(sorted, 0.95), sorted_quantile(sorted, 0.99),
                     std::nullopt};
  if (sorted.size() >= kMinSamplesP999) q.p999 = sorted_quantile(sorted, 0.999);
  return q;
}

std::optional<NightValue> night_value(const BenchmarkResult& result, Metric metric) {
  return night_values(result).of(metric);
}

NightValues night_values(const BenchmarkResult& result) {
  std::optional<NightValue> growth;
  if (result.memory)
    if (const auto g = memory_growth(*result.memory)) growth = NightValue{g->bytes_per_hour, 0};
  std::optional<NightValue> instructions;
  if (result.instructions) instructions = quantile_value(*result.instructions, 0.50);
  return {latency_quantiles(result), throughput_value(result), peak_memory_value(result), growth, instructions,
          result.instructions_source};
}

std::optional<NightValue> NightValues::of(Metric metric) const {
  switch (metric) {
    case Metric::p50_latency: return latency ? std::optional(latency->p50) : std::nullopt;
    case Metric::p95_latency: return latency ? std::optional(latency->p95) : std::nullopt;
    case Metric::p99_latency: return latency ? std::optional(latency->p99) : std::nullopt;
    case Metric::p999_latency: return latency ? latency->p999 : std::nullopt;
    case Metric::throughput: return throughput;
    case Metric::peak_memory: return peak_memory;
    case Metric::memory_growth: return memory_growth;
    case Metric::instructions: return instructions;
    case Metric::count: return latency ? std::optional(latency->p50) : std::nullopt;  // the median count
    case Metric::error_rate: return std::nullopt;
  }
  return std::nullopt;
}

std::optional<ErrorCount> night_errors(const BenchmarkResult& result) {
  if (result.errors) {
    const std::int64_t requests = result.requests.value_or(std::max<std::int64_t>(*result.errors, 1));
    return ErrorCount{*result.errors, std::max(requests, *result.errors)};
  }
  if (result.failure) return ErrorCount{1, 1};
  if (result.requests) return ErrorCount{0, *result.requests};
  return std::nullopt;
}

std::optional<double> metric_value(const BenchmarkResult& result, Metric metric) {
  if (metric == Metric::error_rate) {
    const auto e = night_errors(result);
    if (!e || e->requests == 0) return std::nullopt;
    return static_cast<double>(e->errors) / static_cast<double>(e->requests);
  }
  const auto v = night_value(result, metric);
  return v ? std::optional<double>(v->value) : std::nullopt;
}

}  // namespace perfwatch
