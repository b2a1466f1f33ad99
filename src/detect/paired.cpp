#include "detect/paired.hpp"

#include <algorithm>
#include <cmath>

#include "stats/tests.hpp"

namespace perfwatch {

bool is_rerun_candidate(const MetricResult& r) {
  return (r.verdict == Verdict::regression || r.screened) && r.alerting && !r.ignored && !judged_within_night(r.metric);
}

bool judge_on_median(const std::vector<MetricResult>& results, const MetricResult& candidate, const Policy& policy) {
  if (candidate.metric != Metric::p95_latency) return false;
  for (const MetricResult& m : results) {
    if (m.benchmark != candidate.benchmark || m.metric != Metric::p50_latency) continue;
    if (std::log(m.ratio) < 0.5 * std::log(candidate.ratio)) return false;
    return candidate.whole_distribution || m.ratio > 1 + policy.for_benchmark(candidate.benchmark).p95_increase;
  }
  return candidate.whole_distribution;
}

bool reruns_before(const MetricResult& a, const MetricResult& b) {
  const bool a_regression = a.verdict == Verdict::regression, b_regression = b.verdict == Verdict::regression;
  if (a_regression != b_regression) return a_regression;
  return own_p(a) < own_p(b);
}

int nights_back_to_good(const std::vector<MetricResult>& results) {
  for (const MetricResult& r : results)
    if (is_rerun_candidate(r) && r.nights_in_row >= 2) return 2;
  return 1;
}

std::optional<double> paired_difference(Metric metric, double good, double tonight) {
  if (metric == Metric::error_rate) return tonight - good;
  if (!(good > 0) || !(tonight > 0)) return std::nullopt;
  const double d = std::log(tonight / good);
  return higher_is_better(metric) ? -d : d;
}

double effect_of(Metric metric, double difference) {
  if (metric == Metric::error_rate) return difference;
  return std::exp(higher_is_better(metric) ? -difference : difference);
}

double rerun_boundary(const MetricResult& r, const Thresholds& t) {
  return std::max(confirm_boundary(r.metric, t), r.noise.returns_to);
}

RerunProbe rerun_probe(const std::vector<MetricResult>& results, const MetricResult& candidate, const Policy& policy) {
  const Metric judged = judge_on_median(results, candidate, policy) ? Metric::p50_latency : candidate.metric;
  return {judged, rerun_boundary(candidate, policy.for_benchmark(candidate.benchmark))};
}

double confirm_boundary(Metric metric, const Thresholds& t) {
  if (metric == Metric::error_rate) return t.error_rate_increase / 2;  // points
  // Halfway to the threshold: 1 + increase / 2, or 1 - decrease / 2 for throughput.
  const double half = (1 + regression_threshold(metric, t)) / 2;
  return higher_is_better(metric) ? -std::log(half) : std::log(half);
}

PairedSummary summarize_pairs(const std::vector<double>& d, double level) {
  PairedSummary s;
  s.rounds = static_cast<int>(d.size());
  if (d.empty()) return s;
  for (double x : d) s.mean += x;
  s.mean /= static_cast<double>(d.size());
  if (d.size() < 2) {
    s.low = -INFINITY;
    s.high = INFINITY;
    return s;
  }
  double ss = 0;
  for (double x : d) ss += (x - s.mean) * (x - s.mean);
  const double n = static_cast<double>(d.size());
  const double se = std::sqrt(ss / (n - 1) / n);
  const double half = stats::student_t_quantile(1 - (1 - level) / 2, n - 1) * se;
  s.low = s.mean - half;
  s.high = s.mean + half;
  return s;
}

PairedCall sequential_call(const PairedSummary& s, double boundary, int min_rounds) {
  if (s.rounds < min_rounds) return PairedCall::undecided;
  if (s.low > boundary) return PairedCall::above;
  if (s.high < boundary) return PairedCall::below;
  return PairedCall::undecided;
}

std::optional<PairedCall> final_call(const PairedSummary& s, double boundary, int min_rounds) {
  if (s.rounds < min_rounds) return std::nullopt;
  return s.mean > boundary ? PairedCall::above : PairedCall::below;
}

Effect effect_from(Metric metric, const PairedSummary& s) {
  Effect e;
  e.rounds = s.rounds;
  e.ratio = effect_of(metric, s.mean);
  const double a = effect_of(metric, s.low), b = effect_of(metric, s.high);
  e.low = std::min(a, b);
  e.high = std::max(a, b);
  return e;
}

std::optional<int> bisect_midpoint(int good, int bad) {
  if (bad - good <= 1) return std::nullopt;
  return good + (bad - good) / 2;
}

}  // namespace perfwatch
