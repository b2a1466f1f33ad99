#include "detect/decide.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <span>

#include "detect/evidence.hpp"
#include "detect/history_test.hpp"
#include "detect/memory_growth.hpp"
#include "detect/noise_model.hpp"
#include "detect/population.hpp"
#include "model/units.hpp"
#include "stats/quantile.hpp"
#include "stats/tests.hpp"
#include "util/parallel.hpp"

namespace perfwatch {
namespace {

double median(const std::vector<double>& v) { return stats::median(v); }

MetricResult untested(Metric metric, int nights) {
  MetricResult r;
  r.metric = metric;
  r.baseline_nights = nights;
  r.ratio = r.ci_low = r.ci_high = NAN;
  return r;
}

ErrorCount pooled(const std::vector<ErrorCount>& nights) {
  ErrorCount all;
  for (const ErrorCount& c : nights) {
    all.errors += c.errors;
    all.requests += c.requests;
  }
  return all;
}

double rate(const ErrorCount& c) {
  return c.requests > 0 ? static_cast<double>(c.errors) / static_cast<double>(c.requests) : 0;
}

// Too few baseline nights: no baseline value to show ("-", JSON null), never a 0.
MetricResult insufficient(Metric metric, int nights) {
  MetricResult r = untested(metric, nights);
  r.verdict = Verdict::insufficient_baseline;
  r.baseline = NAN;
  return r;
}

// Regression threshold of `metric` as a ratio (error rate: as points).
double threshold(Metric metric, const Thresholds& t) {
  switch (metric) {
    case Metric::throughput: return 1 - t.throughput_decrease;
    case Metric::error_rate: return t.error_rate_increase;
    case Metric::peak_memory: return 1 + t.memory_increase;
    case Metric::instructions: return 1 + t.instructions_increase;
    case Metric::count: return 1 + t.count_increase;
    case Metric::p999_latency: return 1 + t.p999_increase.value_or(t.p95_increase);
    default: return 1 + t.p95_increase;  // p50 and p99 are judged by the p95 rule, but never alert
  }
}

// `significant`: the test the caller asks for (q across the run, or p alone).
Verdict verdict_of(const MetricResult& r, const Thresholds& t, bool significant) {
  if (r.verdict == Verdict::insufficient_baseline) return r.verdict;
  if (r.metric == Metric::error_rate) {
    const double change = r.current - r.baseline;
    if (significant && change > t.error_rate_increase) return Verdict::regression;
    if (significant && change < -t.error_rate_increase) return Verdict::improvement;
    return Verdict::unchanged;
  }
  // Growth inside tonight's own process: past the limit and a significant trend.
  if (r.metric == Metric::memory_growth)
    return significant && r.current > t.memory_growth_per_hour && resolved(r.ci_low, r.trend_seconds)
               ? Verdict::regression
               : Verdict::unchanged;
  if (std::isnan(r.ratio)) return Verdict::unchanged;
  // In log space a regression of the limit's size and an improvement mirror each other.
  const double limit = threshold(r.metric, t);
  const double worse = higher_is_better(r.metric) ? 1 / r.ratio : r.ratio;
  const double worse_limit = higher_is_better(r.metric) ? 1 / limit : limit;
  // Memory too needs significance now (issue 14): its measurement can jump
  // between nights, so a ratio alone can be pure noise.
  const bool convincing = significant;
  if (worse > worse_limit && convincing) return r.alerting ? Verdict::regression : Verdict::unchanged;
  if (worse < 1 / worse_limit && convincing) return Verdict::improvement;
  return Verdict::unchanged;
}

// Nights that ran but carried no error counts count as 0 errors of 1.
ErrorCount errors_or_clean(const BenchmarkResult& r) { return night_errors(r).value_or(ErrorCount{0, 1}); }

// One metric of one benchmark before the run-wide steps: its result so far
// and the evidence still to be turned into a p-value.
struct Pending {
  MetricResult result;
  std::optional<Evidence> single;  // tonight against the baseline nights
  std::optional<Evidence> pair;    // the two-night level, when it applies
  std::optional<HistoryEvidence> history;
  // Without a history: how often the baseline nights were already at
  // tonight's level (history_test has the same of the history).
  Seen seen;
  double limit = 0;  // the size threshold (log)
};

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
  const double limit = std::fabs(std::log(threshold(metric, t)));
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
constexpr Metric kNightMetrics[] = {Metric::p50_latency, Metric::p95_latency, Metric::p99_latency,
                                    Metric::p999_latency, Metric::throughput, Metric::peak_memory,
                                    Metric::instructions, Metric::count};
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
      const double limit = std::fabs(std::log(threshold(m, t)));
      p.limit = limit;
      if (positive) {  // a night at 0 has no log: the baseline test says "not tested"
        p.history = history_evidence(series, k, std::log(tonight->value), limit, policy.window_days,
                                     policy.min_baseline_nights);
        p.result.nights_in_row = nights_in_row(series, k, std::log(tonight->value), limit);
      }
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
      p.result = insufficient(Metric::error_rate, k);
      p.result.baseline = rate(pooled(base));  // still shown, as the other metrics show their values
      p.result.current = rate(tonight);
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

void finish(Pending& p, const stats::VariancePrior& prior, double noise_floor, double pooled) {
  if (p.history) {
    const HistoryOutcome o = finish_history_test(*p.history, noise_floor, pooled);
    p.result.ratio = o.ratio;
    p.result.ci_low = o.ci_low;
    p.result.ci_high = o.ci_high;
    p.result.p_value = o.p_value;
    p.result.two_night = o.two_night;
    p.result.night_p = o.night_p;
    p.result.noise = o.noise;
    return;
  }
  p.result.noise.nights = p.single->k;  // its seen and returns_to came from gather_benchmark
  p.result.noise.spread = std::sqrt(p.single->spread2);
  const TestOutcome single = finish_test(*p.single, prior, noise_floor);
  p.result.ratio = single.ratio;
  p.result.ci_low = single.ci_low;
  p.result.ci_high = single.ci_high;
  // The run's pool too, in the spread of the baseline nights (history_test does the same).
  const double own = unless_seen(single.p_value, p.seen.single);
  const double single_p = std::max(own, pooled);
  if (pooled > own && std::fabs(std::log(single.ratio)) > p.limit) p.result.noise.pooled = pooled;
  p.result.p_value = single_p;
  if (p.pair) {  // the smaller p of two tests counts twice (Bonferroni)
    const double pair = unless_seen(finish_test(*p.pair, prior, noise_floor).p_value, p.seen.pair);
    p.result.p_value = std::min(1.0, 2 * std::min(single_p, pair));
    p.result.two_night = pair < single_p;
  }
  p.result.night_p = p.result.p_value;
}

// The run's pools: how far its benchmarks' nights went, each in its own spread.
DeviationPools pools_of(const std::vector<Pending>& pending, double noise_floor) {
  std::map<std::pair<Metric, int>, std::vector<double>> deviations;
  for (const Pending& p : pending) {
    if (!p.history) continue;
    const std::vector<double> past = standardized_past(*p.history, noise_floor);
    std::vector<double>& into = deviations[{p.result.metric, p.history->direction}];
    into.insert(into.end(), past.begin(), past.end());
  }
  DeviationPools pools;
  for (auto& [key, values] : deviations) pools[key] = pool_deviations(std::move(values));
  return pools;
}

// The pooled share as far out as tonight; without a history, in the spread
// of the baseline nights.
double pooled_share_of(const Pending& p, const DeviationPools& pools, double noise_floor) {
  double z = 0;
  int direction = 1;
  if (p.history) {
    z = standardized_tonight(*p.history, noise_floor);
    direction = p.history->direction;
  } else if (p.single) {
    z = in_spreads(std::fabs(p.single->effect), std::sqrt(p.single->spread2), noise_floor);
    direction = p.single->effect >= 0 ? 1 : -1;
  }
  const auto it = pools.find({p.result.metric, direction});
  return it == pools.end() ? 0 : pooled_share(it->second, z);
}

// A shift of the whole distribution shows in every quantile, and the median
// of a night pins it down far better than its p95: when a benchmark's p50
// moved the same way as its p95, p95's p-value is the smaller of the two,
// counted twice (Bonferroni). The size rule stays on the p95's own change.
void lend_median_evidence(std::vector<MetricResult>& results) {
  std::map<std::string, const MetricResult*> medians;
  for (const MetricResult& r : results)
    if (r.metric == Metric::p50_latency && r.verdict != Verdict::insufficient_baseline) medians[r.benchmark] = &r;
  for (MetricResult& r : results) {
    if (r.metric != Metric::p95_latency || r.verdict == Verdict::insufficient_baseline) continue;
    const auto it = medians.find(r.benchmark);
    if (it == medians.end() || std::isnan(it->second->ratio) || std::isnan(r.ratio)) continue;
    if ((it->second->ratio > 1) != (r.ratio > 1)) continue;
    const double median_p = it->second->p_value;
    r.whole_distribution = median_p < r.p_value;
    r.p_value = std::min(1.0, 2 * std::min(r.p_value, median_p));
    r.night_p = std::min(1.0, 2 * std::min(r.night_p, it->second->night_p));
  }
}

}  // namespace

MetricResult test_metric(const std::vector<NightValue>& baseline, const NightValue& current, Metric metric,
                         double noise_floor, int current_nights) {
  MetricResult r = untested(metric, static_cast<int>(baseline.size()));
  std::vector<double> values;
  for (const NightValue& v : baseline) values.push_back(v.value);
  r.baseline = median(values);
  r.current = current.value;
  if (const auto e = gather_evidence(baseline, current, current_nights)) {
    const TestOutcome o = finish_test(*e, {}, noise_floor);
    r.ratio = o.ratio;
    r.ci_low = o.ci_low;
    r.ci_high = o.ci_high;
    r.p_value = o.p_value;
  }
  return r;
}

MetricResult test_error_rate(const std::vector<ErrorCount>& baseline, const ErrorCount& current) {
  MetricResult r;
  r.metric = Metric::error_rate;
  r.unit = "fraction";
  r.baseline_nights = static_cast<int>(baseline.size());
  const ErrorCount base = pooled(baseline);
  const std::int64_t errors = base.errors, requests = base.requests;
  r.baseline = rate(base);
  r.current = rate(current);
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

namespace {

// Benjamini-Hochberg over the results `in_family` selects (insufficient ones excluded).
void adjust(std::vector<MetricResult>& results, bool (*in_family)(const MetricResult&)) {
  std::vector<double> p_values;
  std::vector<size_t> tested;
  for (size_t i = 0; i < results.size(); ++i) {
    const MetricResult& r = results[i];
    if (r.verdict == Verdict::insufficient_baseline || r.too_few_samples > 0 || !in_family(r)) continue;
    p_values.push_back(results[i].p_value);
    tested.push_back(i);
  }
  const std::vector<double> q = stats::benjamini_hochberg(p_values);
  for (size_t j = 0; j < tested.size(); ++j) results[tested[j]].q_value = q[j];
}

bool significant_alone(const MetricResult& r, const Policy& policy) { return own_p(r) <= policy.screen_alpha; }

// A noisy benchmark's step can hold for two nights without either being
// rare on its own; reruns can tell. Not at a level the benchmark keeps
// returning to (kLevelShare of its nights): that is no step, and reruns of
// a build on that level would show it again.
bool persisted_at_new_level(const MetricResult& r) { return r.nights_in_row >= 2 && r.noise.seen < kLevelShare; }

}  // namespace

void decide(std::vector<MetricResult>& results, const Policy& policy) {
  // The false-discovery rate that matters is among alerts, so the family is
  // every test that can raise one (p95, throughput, error rate, memory);
  // p50/p99 are adjusted in a family of their own and only reported.
  adjust(results, [](const MetricResult& r) { return r.alerting; });
  adjust(results, [](const MetricResult& r) { return !r.alerting; });
  for (MetricResult& r : results) {
    const Thresholds& t = policy.for_benchmark(r.benchmark);
    r.verdict = verdict_of(r, t, r.q_value <= policy.alpha);
    // Only where the benchmark's own history judged it: with too little,
    // the baseline nights' p-values are not trusted that far.
    if (r.alerting && r.verdict == Verdict::unchanged && r.too_few_samples == 0 && r.noise.from_history) {
      const bool alone = significant_alone(r, policy);
      r.screened = verdict_of(r, t, alone || persisted_at_new_level(r)) == Verdict::regression;
      r.persisted = r.screened && !alone;
    }
    if (!r.alerting && r.verdict == Verdict::unchanged) {
      MetricResult as_alerting = r;
      as_alerting.alerting = true;  // same direction and rule, but allowed to say "regression"
      r.worse_not_alerting = verdict_of(as_alerting, t, r.q_value <= policy.alpha) == Verdict::regression;
    }
  }
}

std::vector<MetricResult> compare_nights(const std::vector<BenchmarkNights>& benchmarks, const Policy& policy) {
  // Each benchmark on its own (the noise model is most of compare's time), in parallel, then in order.
  std::vector<std::vector<Pending>> each(benchmarks.size());
  parallel_for(benchmarks.size(), [&](size_t i) { each[i] = gather_benchmark(benchmarks[i], policy); });
  std::vector<Pending> pending;
  for (std::vector<Pending>& p : each) pending.insert(pending.end(), std::make_move_iterator(p.begin()), std::make_move_iterator(p.end()));
  // One prior per metric, fitted to every benchmark's nightly spread in this run.
  std::map<Metric, stats::VariancePrior> priors;
  for (Metric m : kNightMetrics) {
    std::vector<double> variances, dfs;
    for (const Pending& p : pending) {
      if (p.result.metric != m || !p.single) continue;
      variances.push_back(p.single->spread2);
      dfs.push_back(p.single->k - 1);
    }
    priors[m] = stats::fit_variance_prior(variances, dfs);
  }
  const DeviationPools pools = pools_of(pending, policy.noise_floor);
  std::vector<MetricResult> results;
  for (Pending& p : pending) {
    if (p.single) finish(p, priors[p.result.metric], policy.noise_floor, pooled_share_of(p, pools, policy.noise_floor));
    results.push_back(std::move(p.result));
  }
  lend_median_evidence(results);
  decide(results, policy);
  return results;
}

Verdict overall_verdict(const std::vector<MetricResult>& results) {
  if (results.empty()) return Verdict::unchanged;
  bool all_insufficient = true;
  for (const MetricResult& r : results) {
    if (r.verdict == Verdict::regression && !refuted(r)) return Verdict::regression;
    // A p99.9 of too few samples says nothing of the baseline either way.
    all_insufficient = all_insufficient && (r.verdict == Verdict::insufficient_baseline || r.too_few_samples > 0);
  }
  return all_insufficient ? Verdict::insufficient_baseline : Verdict::unchanged;
}

}  // namespace perfwatch
