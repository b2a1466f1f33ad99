#include "detect/decide.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "stats/quantile.hpp"
#include "stats/tests.hpp"

namespace perfwatch {
namespace {

double median(std::vector<double> v) { return stats::quantile(v, 0.5); }

// 1.4826 * median absolute deviation: the SD for normal data, robust to one wild night.
double robust_spread(const std::vector<double>& v, double centre) {
  std::vector<double> deviations;
  for (double x : v) deviations.push_back(std::fabs(x - centre));
  return 1.4826 * median(deviations);
}

MetricResult insufficient(Metric metric, int nights) {
  MetricResult r;
  r.metric = metric;
  r.baseline_nights = nights;
  r.ratio = r.ci_low = r.ci_high = NAN;
  r.verdict = Verdict::insufficient_baseline;
  return r;
}

// Regression threshold of `metric` as a ratio (error rate: as points).
double threshold(Metric metric, const Thresholds& t) {
  switch (metric) {
    case Metric::throughput: return 1 - t.throughput_decrease;
    case Metric::error_rate: return t.error_rate_increase;
    case Metric::peak_memory: return 1 + t.memory_increase;
    default: return 1 + t.p95_increase;  // p50 and p99 are judged by the p95 rule, but never alert
  }
}

Verdict verdict_of(const MetricResult& r, const Thresholds& t, double alpha) {
  if (r.verdict == Verdict::insufficient_baseline) return r.verdict;
  const bool significant = r.q_value <= alpha;
  if (r.metric == Metric::error_rate) {
    const double change = r.current - r.baseline;
    if (significant && change > t.error_rate_increase) return Verdict::regression;
    if (significant && change < -t.error_rate_increase) return Verdict::improvement;
    return Verdict::unchanged;
  }
  if (std::isnan(r.ratio)) return Verdict::unchanged;
  // In log space a regression of the limit's size and an improvement mirror each other.
  const double limit = threshold(r.metric, t);
  const double worse = higher_is_better(r.metric) ? 1 / r.ratio : r.ratio;
  const double worse_limit = higher_is_better(r.metric) ? 1 / limit : limit;
  const bool needs_significance = r.metric != Metric::peak_memory;  // SPEC: memory by ratio alone
  const bool convincing = significant || !needs_significance;
  if (worse > worse_limit && convincing) return is_alerting(r.metric) ? Verdict::regression : Verdict::unchanged;
  if (worse < 1 / worse_limit && convincing) return Verdict::improvement;
  return Verdict::unchanged;
}

// When last night and tonight both moved the same way and their two-night
// level is past the threshold, that level is tested against the nights before
// them: the second night of a real step carries the first night's evidence.
// Returns 1 when that does not apply.
double sustained_p_value(const std::vector<NightValue>& base, const NightValue& tonight, Metric metric,
                         const Policy& policy, const Thresholds& t) {
  if (static_cast<int>(base.size()) - 1 < policy.min_baseline_nights) return 1;
  const std::vector<NightValue> before(base.begin(), base.end() - 1);
  const NightValue& last = base.back();
  const NightValue pair{std::sqrt(last.value * tonight.value), (last.log_variance + tonight.log_variance) / 4};
  // log of "how much worse", so that a regression and an improvement mirror each other
  auto worse = [&](const NightValue& v) {
    const double log_ratio = std::log(test_metric(before, v, metric, policy.noise_floor).ratio);
    return higher_is_better(metric) ? -log_ratio : log_ratio;
  };
  const double limit = std::fabs(std::log(threshold(metric, t)));
  const double w_tonight = worse(tonight), w_last = worse(last), w_pair = worse(pair);
  const bool same_way = (w_tonight > 0) == (w_last > 0);
  if (!same_way || std::fabs(w_pair) <= limit) return 1;
  return test_metric(before, pair, metric, policy.noise_floor, 2).p_value;
}

// Nights that ran but carried no error counts count as 0 errors of 1.
ErrorCount errors_or_clean(const BenchmarkResult& r) { return night_errors(r).value_or(ErrorCount{0, 1}); }

}  // namespace

MetricResult test_metric(const std::vector<NightValue>& baseline, const NightValue& current, Metric metric,
                         double noise_floor, int current_nights) {
  const int k = static_cast<int>(baseline.size());
  MetricResult r;
  r.metric = metric;
  r.baseline_nights = k;
  r.current = current.value;
  std::vector<double> logs, values, within;
  for (const NightValue& n : baseline) {
    values.push_back(n.value);
    logs.push_back(std::log(std::max(n.value, 1e-300)));
    within.push_back(n.log_variance);
  }
  r.baseline = median(values);
  if (k < 2 || r.baseline <= 0 || current.value <= 0) {
    r.ratio = r.baseline > 0 ? current.value / r.baseline : NAN;
    r.ci_low = r.ci_high = NAN;
    return r;
  }
  const double centre = median(logs);
  const double centre_factor = std::numbers::pi / (2 * k);  // variance of a median of k, relative to one value
  // A night's spread = between-night variance (tau^2) + its sampling variance.
  const double night_spread = robust_spread(logs, centre);
  const double sampling = median(within);
  const double tau2 = std::max(night_spread * night_spread - sampling, 0.0);
  // Two parts of the prediction variance of (tonight - centre): the
  // between-night part, estimated from k nights (k - 1 df), and the sampling
  // part, known from hundreds of samples (taken as 10 df a night).
  const double between = tau2 * (1.0 / current_nights + centre_factor);
  const double samples = current.log_variance + centre_factor * sampling;
  double variance = between + samples;
  double df = variance * variance /
              (between * between / (k - 1) + samples * samples / (10.0 * (k + 1)) + 1e-300);
  const double floor = noise_floor * noise_floor * (1 + centre_factor);
  if (variance < floor) {
    variance = floor;
    df = k - 1;  // the floor stands in for a spread we could not measure: stay conservative
  }
  df = std::clamp(df, static_cast<double>(k - 1), 1000.0);
  const double scale = std::sqrt(variance);
  const double effect = std::log(current.value) - centre;
  r.ratio = std::exp(effect);
  r.p_value = stats::student_t_sf(std::fabs(effect / scale), df);  // one-sided, in the change's direction
  const double half = stats::student_t_quantile(0.975, df) * scale;
  r.ci_low = std::exp(effect - half);
  r.ci_high = std::exp(effect + half);
  return r;
}

MetricResult test_error_rate(const std::vector<ErrorCount>& baseline, const ErrorCount& current) {
  MetricResult r;
  r.metric = Metric::error_rate;
  r.unit = "fraction";
  r.baseline_nights = static_cast<int>(baseline.size());
  std::int64_t errors = 0, requests = 0;
  for (const ErrorCount& c : baseline) {
    errors += c.errors;
    requests += c.requests;
  }
  r.baseline = requests > 0 ? static_cast<double>(errors) / static_cast<double>(requests) : 0;
  r.current = current.requests > 0 ? static_cast<double>(current.errors) / static_cast<double>(current.requests) : 0;
  r.ratio = r.baseline > 0 ? r.current / r.baseline : NAN;
  r.p_value = stats::two_proportion_z_test(current.errors, current.requests, errors, requests,
                                           r.current >= r.baseline ? stats::Alternative::greater
                                                                   : stats::Alternative::less).p_value;
  // Wald interval of the difference in rates (points), for the reader.
  const double n1 = static_cast<double>(std::max<std::int64_t>(current.requests, 1));
  const double n2 = static_cast<double>(std::max<std::int64_t>(requests, 1));
  const double se = std::sqrt(r.current * (1 - r.current) / n1 + r.baseline * (1 - r.baseline) / n2);
  r.ci_low = r.current - r.baseline - 1.96 * se;
  r.ci_high = r.current - r.baseline + 1.96 * se;
  return r;
}

std::vector<MetricResult> test_benchmark(const BenchmarkNights& nights, const Policy& policy) {
  std::vector<MetricResult> results;
  const int k = static_cast<int>(nights.baseline.size());
  for (Metric m : {Metric::p50_latency, Metric::p95_latency, Metric::p99_latency, Metric::throughput,
                   Metric::peak_memory}) {
    const auto tonight = night_value(nights.current, m);
    if (!tonight) continue;
    std::vector<NightValue> base;
    for (const BenchmarkResult& b : nights.baseline)
      if (auto v = night_value(b, m)) base.push_back(*v);
    MetricResult r = static_cast<int>(base.size()) < policy.min_baseline_nights
                         ? insufficient(m, static_cast<int>(base.size()))
                         : test_metric(base, *tonight, m, policy.noise_floor);
    if (r.verdict != Verdict::insufficient_baseline) {
      const double sustained = sustained_p_value(base, *tonight, m, policy, policy.for_benchmark(nights.name));
      if (sustained < 1) r.p_value = std::min(1.0, 2 * std::min(r.p_value, sustained));
    }
    r.current = tonight->value;
    r.unit = m == Metric::throughput ? nights.current.throughput->unit
             : m == Metric::peak_memory ? "bytes"
                                        : nights.current.latency->unit;
    results.push_back(std::move(r));
  }
  // Error rate, when any night speaks of errors.
  bool any = night_errors(nights.current).has_value();
  for (const BenchmarkResult& b : nights.baseline) any = any || night_errors(b).has_value();
  if (any) {
    std::vector<ErrorCount> base;
    for (const BenchmarkResult& b : nights.baseline) base.push_back(errors_or_clean(b));
    MetricResult r = k < policy.min_baseline_nights ? insufficient(Metric::error_rate, k)
                                                    : test_error_rate(base, errors_or_clean(nights.current));
    r.unit = "fraction";
    results.push_back(std::move(r));
  }
  for (MetricResult& r : results) r.benchmark = nights.name;
  return results;
}

namespace {

// Benjamini-Hochberg over the results `in_family` selects (insufficient ones excluded).
void adjust(std::vector<MetricResult>& results, bool (*in_family)(Metric)) {
  std::vector<double> p_values;
  std::vector<size_t> tested;
  for (size_t i = 0; i < results.size(); ++i) {
    if (results[i].verdict == Verdict::insufficient_baseline || !in_family(results[i].metric)) continue;
    p_values.push_back(results[i].p_value);
    tested.push_back(i);
  }
  const std::vector<double> q = stats::benjamini_hochberg(p_values);
  for (size_t j = 0; j < tested.size(); ++j) results[tested[j]].q_value = q[j];
}

}  // namespace

void decide(std::vector<MetricResult>& results, const Policy& policy) {
  // The false-discovery rate that matters is among alerts, so the family is
  // every test that can raise one (p95, throughput, error rate); p50/p99 are
  // adjusted in a family of their own and only reported.
  adjust(results, [](Metric m) { return is_alerting(m) && m != Metric::peak_memory; });
  adjust(results, [](Metric m) { return !is_alerting(m); });
  for (MetricResult& r : results) {
    const Thresholds& t = policy.for_benchmark(r.benchmark);
    r.verdict = verdict_of(r, t, policy.alpha);
    if (!is_alerting(r.metric) && r.verdict == Verdict::unchanged) {
      MetricResult as_alerting = r;
      as_alerting.metric = Metric::p95_latency;  // same direction and rule, but allowed to say "regression"
      r.worse_not_alerting = verdict_of(as_alerting, t, policy.alpha) == Verdict::regression;
    }
  }
}

std::vector<MetricResult> compare_nights(const std::vector<BenchmarkNights>& benchmarks, const Policy& policy) {
  std::vector<MetricResult> results;
  for (const BenchmarkNights& b : benchmarks) {
    auto r = test_benchmark(b, policy);
    results.insert(results.end(), std::make_move_iterator(r.begin()), std::make_move_iterator(r.end()));
  }
  decide(results, policy);
  return results;
}

Verdict overall_verdict(const std::vector<MetricResult>& results) {
  if (results.empty()) return Verdict::unchanged;
  bool all_insufficient = true;
  for (const MetricResult& r : results) {
    if (r.verdict == Verdict::regression) return Verdict::regression;
    all_insufficient = all_insufficient && r.verdict == Verdict::insufficient_baseline;
  }
  return all_insufficient ? Verdict::insufficient_baseline : Verdict::unchanged;
}

}  // namespace perfwatch
