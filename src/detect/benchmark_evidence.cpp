#include "detect/benchmark_evidence.hpp"

#include <algorithm>
#include <cmath>
#include <span>

#include "detect/memory_growth.hpp"
#include "model/units.hpp"
#include "stats/quantile.hpp"

namespace perfwatch {

MetricResult untested(Metric metric, int nights) {
  MetricResult r;
  r.metric = metric;
  r.baseline_nights = nights;
  r.ratio = r.ci_low = r.ci_high = NAN;
  return r;
}

namespace {

double median(const std::vector<double>& v) { return stats::median(v); }

// Too few baseline nights: no baseline value to show ("-", JSON null), never a 0.
MetricResult insufficient(Metric metric, int nights) {
  MetricResult r = untested(metric, nights);
  r.verdict = Verdict::insufficient_baseline;
  r.baseline = NAN;
  return r;
}

// Nights that ran but carried no error counts count as 0 errors of 1.
ErrorCount errors_or_clean(const BenchmarkResult& r) { return night_errors(r).value_or(ErrorCount{0, 1}); }


// How much worse (log) `e`'s value is than its baseline: regressions positive.
double worse(const Evidence& e, Metric metric) { return higher_is_better(metric) ? -e.effect : e.effect; }

// When last night and tonight each moved past the threshold the same way,
// their two-night level against the nights before them: the second night of
// a real step carries the first night's evidence too. (A last night that did
// not go past it alone is no first night of a step: with it, one large night
// after a small wobble passed for "2 nights".)
std::optional<Evidence> sustained_evidence(const std::vector<NightValue>& base, const NightValue& tonight,
                                           Metric metric, const Policy& policy, const Thresholds& t) {
  if (static_cast<int>(base.size()) - 1 < policy.min_baseline_nights) return std::nullopt;
  const std::vector<NightValue> before(base.begin(), base.end() - 1);
  const NightValue& last = base.back();
  const NightValue pair{std::sqrt(last.value * tonight.value), (last.log_variance + tonight.log_variance) / 4};
  const auto e_tonight = gather_evidence(before, tonight), e_last = gather_evidence(before, last);
  auto e_pair = gather_evidence(before, pair, 2);
  if (!e_tonight || !e_last || !e_pair) return std::nullopt;
  const bool same_way = (worse(*e_tonight, metric) > 0) == (worse(*e_last, metric) > 0);
  const double limit = std::fabs(std::log(regression_threshold(metric, t)));
  if (!same_way || std::fabs(worse(*e_last, metric)) <= limit || std::fabs(worse(*e_pair, metric)) <= limit)
    return std::nullopt;
  return e_pair;
}

// The first baseline night that counts for `metric` (after any triage accept).
size_t first_counted(const BenchmarkNights& nights, Metric metric) {
  const auto it = nights.first_night.find(metric);
  return it == nights.first_night.end() ? 0 : std::min(it->second, nights.baseline.size());
}

// The baseline nights that count for `metric`.
std::span<const BenchmarkResult> counted_nights(const BenchmarkNights& nights, Metric metric) {
  return std::span<const BenchmarkResult>(nights.baseline).subspan(first_counted(nights, metric));
}

// The metrics judged night against baseline nights, from each night's values;
// a latency slot holding counts (B/op, cycles) is judged as one count instead
// of as latency quantiles.
constexpr Metric kCountMetrics[] = {Metric::count, Metric::throughput, Metric::peak_memory, Metric::instructions};
constexpr Metric kTimeMetrics[] = {Metric::p50_latency, Metric::p95_latency, Metric::p99_latency,
                                   Metric::p999_latency, Metric::throughput, Metric::peak_memory,
                                   Metric::instructions};

std::span<const Metric> night_metrics(const BenchmarkResult& current) {
  if (current.latency && is_count_unit(current.latency->unit)) return kCountMetrics;
  return kTimeMetrics;
}

// A past night's value of `m` that tonight can be compared with: instruction
// counts only from the same counter (perf_event_open and callgrind differ).
std::optional<NightValue> comparable(const NightValues& night, const NightValues& tonight, Metric m) {
  if (m == Metric::instructions && night.instructions_source != tonight.instructions_source) return std::nullopt;
  return night.of(m);
}

// A p99.9 asked of a night with too few samples: a row that says so, never a number.
Pending too_few(const BenchmarkNights& nights, size_t samples) {
  Pending p;
  p.result = untested(Metric::p999_latency, 0);
  p.result.current = p.result.baseline = NAN;
  p.result.too_few_samples = static_cast<int>(samples);
  p.result.unit = nights.current.latency->unit;
  return p;
}

// Memory growth is judged on tonight's own series (detect/memory_growth),
// not against the baseline nights: their growth is shown beside it.
std::optional<MetricResult> growth_result(const BenchmarkNights& nights, const std::vector<NightValues>& baseline) {
  if (!nights.current.memory) return std::nullopt;
  const auto g = memory_growth(*nights.current.memory);
  if (!g) return std::nullopt;
  std::vector<double> past;
  for (size_t i = first_counted(nights, Metric::memory_growth); i < baseline.size(); ++i)
    if (baseline[i].memory_growth) past.push_back(baseline[i].memory_growth->value);
  MetricResult r = untested(Metric::memory_growth, static_cast<int>(past.size()));
  r.unit = "bytes/h";
  r.baseline = past.empty() ? NAN : median(past);
  r.current = g->bytes_per_hour;
  r.ci_low = g->low;
  r.ci_high = g->high;
  r.p_value = g->p_value;
  r.trend_seconds = g->seconds;
  return r;
}

}  // namespace

std::vector<Pending> gather_benchmark(const BenchmarkNights& nights, const Policy& policy) {
  std::vector<Pending> out;
  // Each night's values once (its latency samples sorted once), then per metric.
  const NightValues current = nights.current_values ? *nights.current_values : night_values(nights.current);
  std::vector<NightValues> computed;  // only where the store's summaries were not given
  if (nights.baseline_values.size() != nights.baseline.size())
    for (const BenchmarkResult& b : nights.baseline) computed.push_back(night_values(b));
  const std::vector<NightValues>& baseline =
      nights.baseline_values.size() == nights.baseline.size() ? nights.baseline_values : computed;
  const Thresholds& t = policy.for_benchmark(nights.name);
  for (Metric m : night_metrics(nights.current)) {
    const auto tonight = current.of(m);
    if (!tonight) {
      if (m == Metric::p999_latency && current.latency) out.push_back(too_few(nights, nights.current.latency->values.size()));
      continue;
    }
    std::vector<NightValue> base;
    for (size_t i = first_counted(nights, m); i < baseline.size(); ++i)
      if (auto v = comparable(baseline[i], current, m)) base.push_back(*v);
    Pending p;
    p.result = static_cast<int>(base.size()) < policy.min_baseline_nights ? insufficient(m, static_cast<int>(base.size()))
                                                                           : untested(m, static_cast<int>(base.size()));
    if (p.result.verdict != Verdict::insufficient_baseline && tonight->value > 0) {
      std::vector<double> values;
      for (const NightValue& v : base) values.push_back(v.value);
      p.result.baseline = median(values);
      p.single = gather_evidence(base, *tonight);
      // The longer history, unless an accept restarted this metric inside the baseline.
      std::vector<double> series;
      if (first_counted(nights, m) == 0) {
        for (const NightValues& h : nights.history)
          if (const auto v = comparable(h, current, m); v && v->value > 0) series.push_back(std::log(v->value));
      }
      const size_t k = base.size();
      bool positive = true;
      for (const NightValue& v : base) positive = positive && v.value > 0;
      for (const NightValue& v : base) series.push_back(std::log(std::max(v.value, 1e-300)));
      const double limit = std::fabs(std::log(regression_threshold(m, t)));
      p.limit = limit;
      if (positive) {  // a night at 0 has no log: the baseline test says "not tested"
        p.history = history_evidence(series, k, std::log(tonight->value), limit, policy.window_days,
                                     policy.min_baseline_nights);
        p.result.nights_in_row = nights_in_row(series, k, std::log(tonight->value), limit);
      }
      if (positive) p.left_out = left_out_deviations(std::span<const double>(series).last(k), policy.noise_floor);
      // The baseline-only two-night test, needed only where the history cannot decide.
      if (!p.history) {
        p.pair = sustained_evidence(base, *tonight, m, policy, t);
        if (p.single) {
          const std::span<const double> logs = std::span<const double>(series).last(k);
          const double change = std::log(tonight->value / p.result.baseline);
          p.seen = seen_levels(logs, std::log(tonight->value), std::sqrt(p.single->spread2), change >= 0 ? 1 : -1);
          p.result.noise.seen = shown_seen(p.seen, change, limit);
          p.result.noise.returns_to = returned_level(logs, std::log(p.result.baseline), change >= 0 ? 1 : -1);
        }
      }
    }
    p.result.current = tonight->value;
    p.result.unit = m == Metric::throughput    ? nights.current.throughput->unit
                    : m == Metric::peak_memory  ? "bytes"
                    : m == Metric::instructions ? nights.current.instructions->unit
                                                : nights.current.latency->unit;  // latency quantiles, count
    if (m == Metric::instructions) p.result.counted_by = nights.current.instructions_source;
    out.push_back(std::move(p));
  }
  // Error rate, when any night speaks of errors.
  const std::span<const BenchmarkResult> error_nights = counted_nights(nights, Metric::error_rate);
  const int k = static_cast<int>(error_nights.size());
  bool any = night_errors(nights.current).has_value();
  for (const BenchmarkResult& b : error_nights) any = any || night_errors(b).has_value();
  if (any) {
    std::vector<ErrorCount> base;
    for (const BenchmarkResult& b : error_nights) base.push_back(errors_or_clean(b));
    Pending p;
    const ErrorCount tonight = errors_or_clean(nights.current);
    if (k < policy.min_baseline_nights) {
      const MetricResult rates = test_error_rate(base, tonight);  // still shown, as the other metrics show their values
      p.result = insufficient(Metric::error_rate, k);
      p.result.baseline = rates.baseline;
      p.result.current = rates.current;
    } else {
      p.result = test_error_rate(base, tonight);
    }
    p.result.unit = "fraction";
    out.push_back(std::move(p));
  }
  if (auto growth = growth_result(nights, baseline)) out.push_back(Pending{std::move(*growth), {}, {}, {}});
  for (Pending& p : out) {
    p.result.benchmark = nights.name;
    p.result.alerting = alerts(p.result.metric, t);
  }
  return out;
}

}  // namespace perfwatch
