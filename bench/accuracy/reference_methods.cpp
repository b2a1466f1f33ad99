#include "accuracy/reference_methods.hpp"

#include "detect/nightly.hpp"
#include "stats/quantile.hpp"
#include "stats/tests.hpp"

namespace perfwatch::accuracy {
namespace {

double error_rate(const BenchmarkResult& r) {
  const auto e = night_errors(r);
  return e && e->requests > 0 ? static_cast<double>(e->errors) / static_cast<double>(e->requests) : 0;
}

std::vector<double> pooled(const std::vector<BenchmarkResult>& nights, bool latency) {
  std::vector<double> all;
  for (const BenchmarkResult& n : nights) {
    const auto& s = latency ? n.latency : n.throughput;
    if (s) all.insert(all.end(), s->values.begin(), s->values.end());
  }
  return all;
}

}  // namespace

PreviousRunChange previous_run_change(const BenchmarkResult& previous, const BenchmarkResult& tonight) {
  // The plain tool: type-7 quantiles, whatever perfwatch's own estimator is.
  const auto ratio = [&](Metric m) {
    const auto value = [m](const BenchmarkResult& r) -> std::optional<double> {
      if (m == Metric::p95_latency && r.latency && !r.latency->values.empty()) return stats::quantile(r.latency->values, 0.95);
      if (m == Metric::throughput && r.throughput && !r.throughput->values.empty()) return stats::quantile(r.throughput->values, 0.5);
      if (m == Metric::peak_memory && r.peak_rss_bytes) return static_cast<double>(*r.peak_rss_bytes);
      return std::nullopt;
    };
    const auto a = value(previous), b = value(tonight);
    return a && b && *a > 0 ? *b / *a : 1.0;
  };
  return {ratio(Metric::p95_latency), ratio(Metric::throughput), ratio(Metric::peak_memory),
          error_rate(tonight) - error_rate(previous)};
}

bool previous_run_alerts(const PreviousRunChange& change, const Thresholds& t) {
  return change.p95_ratio > 1 + t.p95_increase || change.throughput_ratio < 1 - t.throughput_decrease ||
         change.memory_ratio > 1 + t.memory_increase || change.error_rate_increase > t.error_rate_increase;
}

bool pooled_mwu_alerts(const std::vector<BenchmarkResult>& baseline, const BenchmarkResult& tonight,
                       const Thresholds& t) {
  using stats::Alternative;
  if (tonight.latency) {
    const auto base = pooled(baseline, true);
    const double ratio = stats::quantile(tonight.latency->values, 0.95) / stats::quantile(base, 0.95);
    if (ratio > 1 + t.p95_increase &&
        stats::mann_whitney_u(tonight.latency->values, base, Alternative::greater).p_value < 0.05) return true;
  }
  if (tonight.throughput) {
    const auto base = pooled(baseline, false);
    const double ratio = stats::quantile(tonight.throughput->values, 0.5) / stats::quantile(base, 0.5);
    if (ratio < 1 - t.throughput_decrease &&
        stats::mann_whitney_u(tonight.throughput->values, base, Alternative::less).p_value < 0.05) return true;
  }
  if (tonight.peak_rss_bytes) {
    double sum = 0;
    for (const auto& n : baseline) sum += static_cast<double>(n.peak_rss_bytes.value_or(0));
    if (static_cast<double>(*tonight.peak_rss_bytes) / (sum / static_cast<double>(baseline.size())) > 1 + t.memory_increase) return true;
  }
  if (const auto e = night_errors(tonight)) {
    std::int64_t errors = 0, requests = 0;
    for (const auto& n : baseline) {
      const auto b = night_errors(n).value_or(ErrorCount{0, 1});
      errors += b.errors;
      requests += b.requests;
    }
    const double base_rate = requests ? static_cast<double>(errors) / static_cast<double>(requests) : 0;
    if (error_rate(tonight) - base_rate > t.error_rate_increase &&
        stats::two_proportion_z_test(e->errors, e->requests, errors, requests, Alternative::greater).p_value < 0.05) return true;
  }
  return false;
}

}  // namespace perfwatch::accuracy
