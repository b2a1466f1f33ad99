#pragma once
// The decision: is tonight worse than the baseline nights, honestly?
//
// A night is not a bag of independent samples: the runner, the boot and the
// neighbours shift all of a night's samples together. So each metric is
// reduced to one value per night (its p95, its median throughput...) and
// tonight is tested against the spread of the baseline nights' values — a
// prediction test on the log scale:
//   t = (log tonight - median log baseline) / (s * sqrt(1 + pi / 2k)),
//   Student's t with k - 1 degrees of freedom,
// where s is the larger of the nights' robust spread (1.4826 * MAD), the
// nights' own sampling noise, and the policy's noise floor. Robust centre and
// spread keep one bad night in the baseline from hiding the next regression.
// Error rates use a two-proportion test of tonight against the pooled
// baseline nights. p-values are one-sided, in the direction of the change:
// an alert asks "is it worse?", an improvement "is it better?". Then Benjamini-Hochberg across every alerting test of the
// run (p95, throughput, error rate; p50/p99 form a separate, reported-only
// family), and a regression needs both the threshold and q <= alpha (memory:
// threshold only, as SPEC says).
//
// Variance: a night's value varies by a between-night part (estimated from
// the k baseline nights, k - 1 degrees of freedom) plus its own sampling
// noise (known from the night's samples); Welch-Satterthwaite combines them.
// Seven nights say little about a spread, so the between-night variances of
// all benchmarks in the run are moderated toward a shared prior (empirical
// Bayes, limma's method): alike benchmarks lend each other degrees of freedom.
// With one value a night (aggregate-only data) and no moderation this is the
// plain df = k - 1 test.
//
// Persistence: when last night and tonight moved the same way and their
// two-night level is past the threshold, that level is also tested against
// the nights before them, and the smaller p-value counts twice (Bonferroni
// for choosing between the two tests).
#include <map>
#include <string>
#include <vector>

#include "detect/nightly.hpp"
#include "detect/policy.hpp"
#include "detect/verdict.hpp"

namespace perfwatch {

// One benchmark's baseline nights (oldest first) and tonight.
struct BenchmarkNights {
  std::string name;
  std::vector<BenchmarkResult> baseline;
  BenchmarkResult current;
  // Per metric, the first baseline night that counts (a triage accept
  // restarted that metric's baseline); absent: every night counts.
  std::map<Metric, size_t> first_night;
  // The nights before `baseline` (oldest first, the longer lookback of
  // Policy::history_days): what the noise model learns from. Metrics with an
  // accept inside `baseline` ignore it; the caller drops nights before an accept.
  std::vector<NightValues> history;
};

// Ratio, interval and raw p-value of one metric on its own: no moderation
// across benchmarks (verdict not yet decided).
// `current_nights`: how many nights `current` averages (geometric mean).
MetricResult test_metric(const std::vector<NightValue>& baseline, const NightValue& current, Metric metric,
                         double noise_floor, int current_nights = 1);

// Error rate of tonight against the pooled baseline nights.
MetricResult test_error_rate(const std::vector<ErrorCount>& baseline, const ErrorCount& current);

// Benjamini-Hochberg across the run's alerting tests, then each verdict.
void decide(std::vector<MetricResult>& results, const Policy& policy);

// The whole run: every metric of every benchmark, the between-night variances
// moderated toward a prior fitted to all benchmarks of the run (per metric),
// then decide.
std::vector<MetricResult> compare_nights(const std::vector<BenchmarkNights>& benchmarks, const Policy& policy);

// regression when any result is; else unchanged (or insufficient-baseline
// when every result is).
Verdict overall_verdict(const std::vector<MetricResult>& results);

}  // namespace perfwatch
