#pragma once
// What detection produces: one result per (benchmark, metric), and a run's comparison.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/confirmation.hpp"
#include "util/time.hpp"

namespace perfwatch {

// `count`: a tool's own count per operation in place of a time (model/units:
// is_count_unit), judged by the night's median, lower is better.
enum class Metric { p50_latency, p95_latency, p99_latency, p999_latency, throughput, error_rate, peak_memory, memory_growth, instructions, count };
enum class Verdict { regression, improvement, unchanged, insufficient_baseline };

// Every metric, in the order results list them.
inline constexpr Metric kMetrics[] = {Metric::p50_latency, Metric::p95_latency, Metric::p99_latency,
                                      Metric::p999_latency, Metric::throughput, Metric::error_rate,
                                      Metric::peak_memory,  Metric::memory_growth, Metric::instructions,
                                      Metric::count};
// Every metric's name, in kMetrics' order: what a --metric option accepts.
std::vector<std::string> metric_names();

const char* to_string(Metric m);
const char* to_string(Verdict v);
std::optional<Metric> parse_metric(const std::string& text);

// These raise alerts by default (SPEC, and memory growth, issue 16); p50,
// p99 and p99.9 are reported (a policy's p999_increase makes p99.9 alert:
// MetricResult::alerting is what decided it).
bool is_alerting(Metric m);
bool higher_is_better(Metric m);
// Judged on tonight's own run (memory growth: a trend within it), not
// against other nights: no change against a baseline, nothing to rerun.
inline bool judged_within_night(Metric m) { return m == Metric::memory_growth; }

// What tonight was judged against, for the one-line reason.
struct NoiseBasis {
  bool from_history = false;  // the benchmark's own longer history; else the baseline nights alone
  int nights = 0;             // nights the spread rests on
  double spread = 0;          // usual night-to-night spread of the log value (about relative)
  // Past nights beyond the threshold the way tonight moved: when there are
  // any, one night is not enough and only two nights in a row can alert.
  int excursions = 0;
  // The share of past nights already at tonight's level or worse, when
  // tonight went past the threshold and that many were (detect/noise_model's
  // kSeenShare): a level the benchmark keeps returning to; 0 otherwise.
  double seen = 0;
  // The level (log, worse positive) the benchmark returned to on at least
  // kSeenShare of its past nights (detect/noise_model's returned_level):
  // reruns must show more than it to confirm a regression.
  double returns_to = 0;
  // The share of the run's benchmarks' past nights (each in its own spread)
  // as far out as tonight, when tonight went past the threshold and that
  // share, not the benchmark's own tail, set its p-value; 0 otherwise.
  double pooled = 0;
  // Past nights beyond the threshold the worse way (slower, fewer a second),
  // whichever way tonight moved: how often this benchmark's noise alone
  // looks like a regression of the threshold's size (warning too_noisy).
  int worse_excursions = 0;
  // The worse-way change (log, positive) that fewer than kNoisyShare of the
  // past nights went past: a threshold this benchmark's noise could be
  // guarded at (warning too_noisy says it).
  double quiet_limit = 0;
};

struct MetricResult {
  std::string benchmark;
  Metric metric = Metric::p95_latency;
  std::string unit;
  double baseline = 0;  // median of the baseline nights (error rate: pooled)
  double current = 0;
  double ratio = 0;      // current / baseline (NaN when baseline is 0)
  double ci_low = 0, ci_high = 0;  // 95 % interval of the ratio (error rate: of the difference)
  double p_value = 1;   // raw, one-sided in the direction of the change
  double q_value = 1;   // after Benjamini-Hochberg across the run
  int baseline_nights = 0;
  Verdict verdict = Verdict::unchanged;
  // This result can raise an alert (is_alerting, or p99.9 under a policy's
  // p999_increase): set by compare_nights.
  bool alerting = false;
  // > 0: tonight had only this many samples, fewer than the statistic needs
  // (kMinSamplesP999 for p99.9): shown as such, never as a number.
  int too_few_samples = 0;
  // instructions: what counted them ("perf_event_open", "callgrind").
  std::string counted_by;
  // memory_growth: the seconds of the run its slope rests on (after warm-up).
  double trend_seconds = 0;
  // p50/p99 past the regression rule: reported, but they never alert.
  bool worse_not_alerting = false;
  // The p-value came from the two-night test (last night and tonight against
  // the nights before); ratio and interval are still tonight's alone.
  bool two_night = false;
  // A regression of a benchmark a maintainer ignores (`triage ignore`):
  // shown, but its verdict is unchanged and it never alerts.
  bool ignored = false;
  NoiseBasis noise;
  // Nights in a row (tonight included) past the threshold the way tonight
  // moved: 0 (tonight is not), 1 or 2 (last night was too).
  int nights_in_row = 0;
  // p95 only: the significance came from the median moving the same way
  // (a shift of the whole distribution), the size still from the p95.
  bool whole_distribution = false;
  // Past the threshold but not significant across the run (q > alpha), yet
  // worth rerunning: significant on its own (p <= Policy::screen_alpha), or
  // its second night in a row at a level the benchmark seldom reached
  // (`persisted`). Unchanged, yet a candidate nightly's reruns judge.
  // Confirmed, it becomes a regression (apply_confirmations).
  bool screened = false;
  bool persisted = false;  // screened as a second night, not by its p-value
  // Tonight alone against the benchmark's own history (history_test's
  // night_p): p_value may be 1 where past one-night excursions held a first
  // night back, or raised by the run's pool. The screen judges the smaller
  // of the two: reruns on new data can tell a step from an excursion.
  // Without a history, p_value.
  double night_p = 1;
  // What interleaved reruns said (nightly only); none when nothing was rerun.
  std::optional<Confirmation> confirmation;
};

// The result's evidence on its own, as screening and the rerun order judge
// it: the smaller of the run's p-value and tonight alone's (night_p).
inline double own_p(const MetricResult& r) { return r.p_value < r.night_p ? r.p_value : r.night_p; }

// A candidate the reruns did not confirm (refuted, or not told from the
// noise): recorded, never filed, not the run's verdict.
inline bool refuted(const MetricResult& r) { return r.confirmation && r.confirmation->confirmed == false; }

// How far a result moved the bad way: the ratio's change signed so that worse
// is positive (throughput down, latency up), the error rate's rise in points;
// negative when it improved, NaN without a ratio.
double bad_way_change(const MetricResult& r);

// A result that is not a measurement (detect/measurement_warnings).
enum class WarningKind {
  constant,
  implausible_change,
  below_resolution,
  synthetic_shape,
  too_few_samples,
  reported_twice,
  too_noisy
};
const char* to_string(WarningKind kind);
std::optional<WarningKind> parse_warning_kind(const std::string& text);

struct MeasurementWarning {
  std::string benchmark;
  WarningKind kind = WarningKind::constant;
  std::string detail;
};

struct BaselineWindow {
  int runs = 0;
  UnixTime from = 0, to = 0;
};

struct Comparison {
  std::string commit;
  std::string subject;
  std::int64_t run_id = 0;
  UnixTime run_time = 0;
  std::string environment;       // the identity baselines match on
  std::string environment_note;  // "" or "tonight ran on X; 5 of 7 baseline nights on Y"
  std::string suite;
  BaselineWindow baseline;
  // The newest baseline run's commit, or the one before it when a candidate
  // is a step's second night (detect/paired's nights_back_to_good); "" without a baseline.
  std::string last_good_commit;
  std::vector<MetricResult> results;
  std::vector<std::pair<std::string, std::string>> failures;  // benchmark, why
  std::vector<MeasurementWarning> warnings;
  Verdict verdict = Verdict::unchanged;  // regression when any result is
};

}  // namespace perfwatch
