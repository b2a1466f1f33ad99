#pragma once
// Interleaved reruns of two commits on one machine (good, tonight, tonight,
// good, ...): each round gives one paired difference, and a cheap sequential
// rule says after each round whether the effect is clearly above or below a
// boundary. Pure functions; the runs themselves are cli/interleave's.
#include <optional>
#include <vector>

#include "detect/policy.hpp"
#include "detect/verdict.hpp"
#include "model/confirmation.hpp"

namespace perfwatch {

// A result reruns can confirm: an alerting regression, or a screened result
// (significant on its own only), not judged within tonight's own run
// (reruns would only repeat that test).
bool is_rerun_candidate(const MetricResult& r);

// Whether a p95 candidate is judged on the reruns' median: its whole
// distribution moved (its significance came from the median, or tonight's
// median moved past the p95's threshold too), the median at least half as
// far as the p95 (in log). A p95 of a few repetitions a run is too noisy on
// a shared machine to confirm in 12 rounds; the median of the same runs is
// not. A regression of the tail keeps its p95, even where the tail dragged
// the median along: that median moves too little to clear the p95's bar
// (synthetic B's slow tails: medians x1.2-1.6 against bars of x1.5-2).
bool judge_on_median(const std::vector<MetricResult>& results, const MetricResult& candidate, const Policy& policy);

// Whether candidate `a`'s reruns go before `b`'s, for a budget that may
// not reach them all: regressions before screened results, then the one
// with the stronger evidence of its own (the smaller own_p).
bool reruns_before(const MetricResult& a, const MetricResult& b);

// How many baseline nights back the good commit for the reruns is: 1 (the
// last night), or 2 when a candidate is the second night of a step (the last
// night already ran the step's commit: reruns against it would see nothing).
int nights_back_to_good(const std::vector<MetricResult>& results);

// Round r's order: good first on even rounds, tonight first on odd ones
// (ABBA), so a drift of the machine during the reruns hits both sides alike.
inline bool good_runs_first(int round) { return round % 2 == 0; }

// One round's difference, positive when `tonight` is worse: log(tonight /
// good) for latency and memory, log(good / tonight) for throughput, tonight −
// good (points) for the error rate. nullopt when a ratio has a value <= 0.
std::optional<double> paired_difference(Metric metric, double good, double tonight);

// The effect a difference stands for, as Effect shows it (a ratio of
// tonight to good; error rate: points).
double effect_of(Metric metric, double difference);

// Where "a regression" begins for confirmation: half the policy's threshold
// (p95 +20 % -> log 1.10). A rerun effect below it is not the regression the
// nightly saw, even when it is significant.
double confirm_boundary(Metric metric, const Thresholds& thresholds);

// The boundary reruns of candidate `r` must clear: confirm_boundary, or
// the level its history returns to when that is higher (the reruns of a
// two-level benchmark's build on its upper level show that level, which is
// no regression).
double rerun_boundary(const MetricResult& r, const Thresholds& thresholds);

// What reruns of `candidate` measure (its median when judge_on_median, else
// its own metric) and the boundary they must clear (rerun_boundary of the
// candidate: on the median too, the candidate's history sets the bar, since
// the median's own lower bar confirmed two-level builds on the tuning seed).
struct RerunProbe {
  Metric metric = Metric::p95_latency;
  double boundary = 0;
};
RerunProbe rerun_probe(const std::vector<MetricResult>& results, const MetricResult& candidate, const Policy& policy);

enum class PairedCall { above, below, undecided };

struct PairedSummary {
  int rounds = 0;
  double mean = 0;          // of the differences
  double low = 0, high = 0; // its two-sided interval at `level` (Student t)
};
PairedSummary summarize_pairs(const std::vector<double>& differences, double level);

// The sequential rule: from `min_rounds` on, "above" once the 99 % interval
// lies above `boundary`, "below" once it lies below; else undecided. Looking
// after every round makes the overall error larger than 1 %; with at most a
// dozen looks it stays a few per cent, which the nightly's own test already
// cut down (this rule only runs on its candidates).
PairedCall sequential_call(const PairedSummary& s, double boundary, int min_rounds);

// When the rounds or the budget run out undecided: the side of the boundary
// the mean is on (nullopt with fewer than `min_rounds` rounds).
std::optional<PairedCall> final_call(const PairedSummary& s, double boundary, int min_rounds);

// The summary as an Effect of `metric`.
Effect effect_from(Metric metric, const PairedSummary& s);

inline constexpr double kPairedLevel = 0.99;
inline constexpr int kMinRounds = 3;
inline constexpr int kMaxRounds = 12;

// Bisection over commits oldest first, c[0..n-1], c[n-1] known bad, the
// commit before c[0] known good: the index to test next, given the newest
// known good `good` (-1: before c[0]) and the oldest known bad `bad`;
// nullopt when they are adjacent (c[bad] is the first bad commit).
std::optional<int> bisect_midpoint(int good, int bad);

}  // namespace perfwatch
