#include "detect/verdict.hpp"

#include <cmath>

namespace perfwatch {

const char* to_string(Metric m) {
  switch (m) {
    case Metric::p50_latency: return "p50_latency";
    case Metric::p95_latency: return "p95_latency";
    case Metric::p99_latency: return "p99_latency";
    case Metric::p999_latency: return "p999_latency";
    case Metric::throughput: return "throughput";
    case Metric::error_rate: return "error_rate";
    case Metric::peak_memory: return "peak_memory";
    case Metric::memory_growth: return "memory_growth";
    case Metric::instructions: return "instructions";
    case Metric::count: return "count";
  }
  return "?";
}

const char* to_string(Verdict v) {
  switch (v) {
    case Verdict::regression: return "regression";
    case Verdict::improvement: return "improvement";
    case Verdict::unchanged: return "unchanged";
    case Verdict::insufficient_baseline: return "insufficient-baseline";
  }
  return "?";
}

std::optional<Metric> parse_metric(const std::string& text) {
  for (Metric m : kMetrics) {
    if (text == to_string(m)) return m;
  }
  return std::nullopt;
}

std::vector<std::string> metric_names() {
  std::vector<std::string> names;
  for (Metric m : kMetrics) names.emplace_back(to_string(m));
  return names;
}

bool is_alerting(Metric m) {
  return m != Metric::p50_latency && m != Metric::p99_latency && m != Metric::p999_latency;
}

bool higher_is_better(Metric m) { return m == Metric::throughput; }

double bad_way_change(const MetricResult& r) {
  if (r.metric == Metric::error_rate) return r.current - r.baseline;
  if (std::isnan(r.ratio)) return NAN;
  return higher_is_better(r.metric) ? 1 - r.ratio : r.ratio - 1;
}

}  // namespace perfwatch
