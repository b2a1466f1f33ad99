#pragma once
// How far a benchmark's metric moves from night to night, learned from its
// own history rather than from seven nights.
//
// Seven nights cannot pin a spread down, and CI data has no one shape (heavy
// tails, two-level benchmarks, one-night spikes, 1-5 samples a night). So
// nothing is assumed about the shape: each past night is replayed as perfwatch
// would have judged it (its log value against the median of the nights just
// before it), and tonight's deviation is ranked among those past deviations.
// Beyond the largest past deviation the tail is extrapolated with an
// exponential fitted to the upper quarter (peaks over a threshold): a tail as
// heavy as the history's, not a normal one. A past excursion at least as
// large as tonight's keeps the p-value at least its share of the nights.
#include <optional>
#include <span>
#include <vector>

namespace perfwatch {

// Deviations of past nights, in one direction (regressions positive).
struct NoiseModel {
  int nights = 0;                 // past nights replayed (the model rests on them)
  double spread = 0;              // robust scale (1.4826 MAD) of a night's log deviation
  std::vector<double> single;     // one night against the nights before it, sorted
  std::vector<double> pair;       // the lesser deviation of two nights in a row (against the nights before them), sorted
  double pair_spread = 0;         // robust scale of `pair` about its median
};

// Fewer replayed nights than this: the history says too little and the
// decision falls back to the baseline nights alone, conservatively.
inline constexpr int kMinModelNights = 10;

// centres[j]: the median of the nights [j - window, j) of `logs` (at least 3
// of them), NaN before; logs.size() + 1 entries. The replays of a history
// and of any prefix of it share them.
std::vector<double> night_centres(std::span<const double> logs, int window);

// The index of `logs` (oldest first) from which the history is one regime:
// after the last step that held for three nights past `min_shift` (log) and
// past four times the history's spread, and stayed (the nights since it sit,
// at their median, half that bar from the 14 nights before it).
// 0 when there is none.
size_t regime_start(std::span<const double> logs, int window, double min_shift);
size_t regime_start(std::span<const double> logs, std::span<const double> centres, double min_shift);

// Each night's deviation from the centre before it (`centres` as
// night_centres gives them), in `sign`'s direction, oldest first: the
// replay learn_noise sorts, without the sorting.
std::vector<double> replayed_deviations(std::span<const double> logs, std::span<const double> centres, int sign);

// The model of `logs` (log values of past nights, oldest first, tonight not
// among them) with baselines of up to `window` nights; `sign` is +1 when
// higher is worse, -1 when lower is worse. nullopt below kMinModelNights.
std::optional<NoiseModel> learn_noise(std::span<const double> logs, int window, int sign);
// The same with night_centres(logs) (or the centres of a longer history `logs` begins).
std::optional<NoiseModel> learn_noise(std::span<const double> logs, std::span<const double> centres, int sign);

// One-sided p-value of a deviation `worse` (log, regressions positive) among
// `sorted` past deviations: the rank while past nights reach it, an
// exponential tail fitted to the upper quarter beyond, never below
// (count at or above) / (n + 1). The tail's scale is never below `floor`
// (log): a history of identical values does not make any change certain.
// A light tail (every past deviation within kLightTail `spread`s) is a
// Student t with n - 1 degrees of freedom instead.
inline constexpr double kLightTail = 4;
inline constexpr double kLightTailDf = 10;
double tail_p_value(std::span<const double> sorted, double spread, double worse, double floor);

// How often the benchmark was already at tonight's level: the shares of
// `logs` (oldest first, last night last; last night itself not counted, as
// on a step's second night it is the step) at least as bad as tonight, and
// as the lesser of last night and tonight, each within one usual
// night-to-night `spread` (a level has its own noise). `sign` is +1 when
// tonight moved up (higher is then worse), -1 when down.
struct Seen {
  double single = 0, pair = 0;
};
Seen seen_levels(std::span<const double> logs, double tonight, double spread, int sign);

// From this share of the nights on, a level counts as seen, however far it
// lies from the centre (a two-level benchmark's upper level): the p-value
// is then at least that share.
inline constexpr double kSeenShare = 0.05;
double unless_seen(double p, double seen);

// The level (log, against `centre`, worse positive) that kLevelShare of
// `logs` (oldest first; last night not counted, as in seen_levels) reached
// or passed the way `sign` says; 0 when none was worse than the centre.
// Reruns that show a change no larger than it show a level the benchmark
// returns to (a two-level benchmark's build landing on its upper level).
// Twice kSeenShare: reruns redraw the machine's one-night spikes (rarer
// than that), but not a build's level, so only a level that recurs that
// often raises the bar for them. (At kSeenShare the spikes of a noisy
// benchmark put the bar past real steps: synthetic A's tuning seed lost 2
// of its 120 steps by the second night.)
inline constexpr double kLevelShare = 2 * kSeenShare;
double returned_level(std::span<const double> logs, double centre, int sign);

// The share a reader is told of: tonight moved past `limit` (`change`, log)
// and its level was seen that often; else 0.
double shown_seen(const Seen& seen, double change, double limit);

}  // namespace perfwatch
