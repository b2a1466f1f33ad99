#include "detect/nightly.hpp"

#include <algorithm>
#include <cmath>

#include "stats/quantile.hpp"

namespace perfwatch {
namespace {

std::optional<NightValue> quantile_value(const Series& series, double q) {
  if (series.values.empty()) return std::nullopt;
  std::vector<double> sorted = series.values;
  std::sort(sorted.begin(), sorted.end());
  return NightValue{stats::quantile_sorted(sorted, q), log_quantile_variance(sorted, q)};
}

}  // namespace

double log_quantile_variance(const std::vector<double>& sorted, double q) {
  const double n = static_cast<double>(sorted.size());
  if (sorted.size() < 2) return 0;
  // +-1 standard error of the rank: the interval stays clear of the extreme
  // order statistics, which outliers own, so one wild sample cannot inflate it.
  const double z = 1.0;
  const double half_width = z * std::sqrt(n * q * (1 - q));
  const auto rank = [&](double r) { return static_cast<size_t>(std::clamp(r, 1.0, n)) - 1; };
  const double lo = sorted[rank(std::floor(n * q - half_width))];
  const double hi = sorted[rank(std::ceil(n * q + half_width))];
  if (lo <= 0 || hi <= 0) return 0;
  const double spread = (std::log(hi) - std::log(lo)) / (2 * z);
  return spread * spread;
}

std::optional<NightValue> night_value(const BenchmarkResult& result, Metric metric) {
  switch (metric) {
    case Metric::p50_latency: return result.latency ? quantile_value(*result.latency, 0.50) : std::nullopt;
    case Metric::p95_latency: return result.latency ? quantile_value(*result.latency, 0.95) : std::nullopt;
    case Metric::p99_latency: return result.latency ? quantile_value(*result.latency, 0.99) : std::nullopt;
    case Metric::throughput: return result.throughput ? quantile_value(*result.throughput, 0.50) : std::nullopt;
    case Metric::peak_memory:
      if (!result.peak_rss_bytes) return std::nullopt;
      return NightValue{static_cast<double>(*result.peak_rss_bytes), 0};
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

}  // namespace perfwatch
