#include "detect/decide.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <span>

#include "detect/benchmark_evidence.hpp"
#include "detect/evidence.hpp"
#include "detect/history_test.hpp"
#include "detect/measurement_warnings.hpp"
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
  const double limit = regression_threshold(r.metric, t);
  const double worse = higher_is_better(r.metric) ? 1 / r.ratio : r.ratio;
  const double worse_limit = higher_is_better(r.metric) ? 1 / limit : limit;
  // Memory too needs significance now (issue 14): its measurement can jump
  // between nights, so a ratio alone can be pure noise.
  const bool convincing = significant;
  if (worse > worse_limit && convincing) return r.alerting ? Verdict::regression : Verdict::unchanged;
  if (worse < 1 / worse_limit && convincing) return Verdict::improvement;
  return Verdict::unchanged;
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
    const int worse = higher_is_better(p.result.metric) ? -1 : 1;
    p.result.noise.worse_excursions = excursions_toward(*p.history, worse);
    // Fewer than kNoisyShare of the nights: at most this many went further.
    const int allowed = static_cast<int>(std::ceil(kNoisyShare * p.history->model.nights)) - 1;
    p.result.noise.quiet_limit = deviation_beyond(*p.history, worse, allowed);
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

using Deviations = std::map<std::pair<Metric, int>, std::vector<double>>;

// Only the pools of kMinPooledNights nights or more.
DeviationPools pools_from(Deviations deviations) {
  DeviationPools pools;
  for (auto& [key, values] : deviations)
    if (values.size() >= kMinPooledNights) pools[key] = pool_deviations(std::move(values));
  return pools;
}

// The run's pools: how far its benchmarks' nights went, each in its own spread.
DeviationPools pools_of(const std::vector<Pending>& pending, double noise_floor) {
  Deviations deviations;
  for (const Pending& p : pending) {
    if (!p.history) continue;
    const std::vector<double> past = standardized_past(*p.history, noise_floor);
    std::vector<double>& into = deviations[{p.result.metric, p.history->direction}];
    into.insert(into.end(), past.begin(), past.end());
  }
  return pools_from(std::move(deviations));
}

// How far the run's baseline nights went, each against its benchmark's
// other baseline nights: what a night of a benchmark with too little
// history is judged against (seven nights cannot show a heavy tail; the
// run's hundreds of benchmarks can).
DeviationPools left_out_pools_of(const std::vector<Pending>& pending) {
  Deviations deviations;
  for (const Pending& p : pending) {
    if (p.left_out.empty()) continue;
    std::vector<double>& up = deviations[{p.result.metric, 1}];
    std::vector<double>& down = deviations[{p.result.metric, -1}];
    for (double z : p.left_out) {
      up.push_back(z);
      down.push_back(-z);
    }
  }
  return pools_from(std::move(deviations));
}

// The pooled share as far out as tonight; without a history, in the spread
// of the baseline nights, and the larger of the two pools' shares.
double pooled_share_of(const Pending& p, const DeviationPools& pools, const DeviationPools& left_out,
                       double noise_floor) {
  double z = 0;
  int direction = 1;
  if (p.history) {
    z = standardized_tonight(*p.history, noise_floor);
    direction = p.history->direction;
  } else if (p.single) {
    z = in_spreads(std::fabs(p.single->effect), std::sqrt(p.single->spread2), noise_floor);
    direction = p.single->effect >= 0 ? 1 : -1;
  }
  const auto share = [&](const DeviationPools& from) {
    const auto it = from.find({p.result.metric, direction});
    return it == from.end() ? 0 : pooled_share(it->second, z);
  };
  return p.history ? share(pools) : std::max(share(pools), share(left_out));
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

// With too little history at alpha at most: seven nights' p-values are trusted less far.
bool significant_alone(const MetricResult& r, const Policy& policy) {
  return own_p(r) <= (r.noise.from_history ? policy.screen_alpha : std::min(policy.alpha, policy.screen_alpha));
}

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
    // A result the run's test held back is rerun when its own evidence is
    // strong (a first-week step of a quiet benchmark, against a run pool
    // of noisy ones: synthetic A); a two-night persistence only where a
    // history says how seldom the benchmark was at that level.
    if (r.alerting && r.verdict == Verdict::unchanged && r.too_few_samples == 0) {
      const bool alone = significant_alone(r, policy);
      const bool at_new_level = r.noise.from_history && persisted_at_new_level(r);
      r.screened = verdict_of(r, t, alone || at_new_level) == Verdict::regression;
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
  std::map<Metric, std::pair<std::vector<double>, std::vector<double>>> spreads;  // variances, degrees of freedom
  for (const Pending& p : pending) {
    if (!p.single) continue;
    auto& [variances, dfs] = spreads[p.result.metric];
    variances.push_back(p.single->spread2);
    dfs.push_back(p.single->k - 1);
  }
  std::map<Metric, stats::VariancePrior> priors;
  for (const auto& [m, s] : spreads) priors[m] = stats::fit_variance_prior(s.first, s.second);
  const DeviationPools pools = pools_of(pending, policy.noise_floor), left_out = left_out_pools_of(pending);
  std::vector<MetricResult> results;
  for (Pending& p : pending) {
    if (p.single)
      finish(p, priors[p.result.metric], policy.noise_floor, pooled_share_of(p, pools, left_out, policy.noise_floor));
    results.push_back(std::move(p.result));
  }
  lend_median_evidence(results);
  decide(results, policy);
  return results;
}

bool past_size_rule(const MetricResult& r, const Thresholds& t) { return verdict_of(r, t, true) == Verdict::regression; }

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
