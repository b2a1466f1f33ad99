#pragma once
// The decision: is tonight worse than the baseline nights, honestly?
//
// A night is not a bag of independent samples: the runner, the boot and the
// neighbours shift all of a night's samples together. So each metric is
// reduced to one value per night (its p95, its median throughput...) and
// tonight's log value is compared with the median of the baseline nights.
//
// How far that may move by chance comes from the benchmark's own longer
// history when it has one (noise_model.hpp: past nights replayed, tonight
// ranked among their deviations, a tail as heavy as theirs; one night is not
// enough where past nights went past the threshold alone; two nights in a
// row are tested by the lesser of their deviations). With too short a
// history, the baseline nights alone decide, conservatively (evidence.hpp: a
// t prediction test on the larger of their robust spread and standard
// deviation, moderated across the run's benchmarks, limma's method).
//
// p-values are one-sided, in the direction of the change. Then
// Benjamini-Hochberg across every alerting test of the run (p95, throughput,
// error rate, peak memory; p50/p99 form a separate, reported-only family),
// and a regression needs both the threshold and q <= alpha. Error rates use a
// two-proportion test of tonight against the pooled baseline nights.
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
  // night_values() of each `baseline` night, as the store kept them at
  // ingest (so compare does not summarise those samples again); empty:
  // computed from `baseline`.
  std::vector<NightValues> baseline_values;
  std::optional<NightValues> current_values;  // the same of `current`
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

// Past its regression threshold the worse way, whatever the tests said: the
// size rule alone (an alerting result; memory growth also needs its trend
// resolved).
bool past_size_rule(const MetricResult& r, const Thresholds& t);

// regression when any result is; else unchanged (or insufficient-baseline
// when every result is).
Verdict overall_verdict(const std::vector<MetricResult>& results);

}  // namespace perfwatch
