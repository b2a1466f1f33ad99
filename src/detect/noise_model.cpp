#include "detect/noise_model.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

#include "stats/quantile.hpp"
#include "stats/tests.hpp"

namespace perfwatch {
namespace {

constexpr size_t kMinCentreNights = 3;  // a past night is replayed once this many nights precede it

// stats::median of `v` (the same arithmetic, so the same bits), reordering it instead of copying.
double median_in_place(std::vector<double>& v) {
  const size_t mid = v.size() / 2;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid), v.end());
  if (v.size() % 2 == 1) return v[mid];
  const double upper = v[mid];
  const double lower = *std::max_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid));
  return lower + 0.5 * (upper - lower);
}

double robust_spread(std::vector<double> values) {
  const double centre = median_in_place(values);
  for (double& v : values) v = std::fabs(v - centre);
  return 1.4826 * median_in_place(values);
}

// robust_spread of values already sorted: their median needs no selection.
double spread_of_sorted(const std::vector<double>& sorted) {
  const double centre = stats::quantile_sorted(sorted, 0.5);  // = stats::median
  std::vector<double> deviations(sorted.size());
  for (size_t i = 0; i < sorted.size(); ++i) deviations[i] = std::fabs(sorted[i] - centre);
  return 1.4826 * median_in_place(deviations);
}

}  // namespace

std::vector<double> night_centres(std::span<const double> logs, int window) {
  // A sorted copy of the window slides along: one insertion and one removal
  // a night instead of a selection (this runs for every night of every
  // metric of every benchmark, 90 nights deep).
  std::vector<double> centres(logs.size() + 1, NAN);
  std::vector<double> sorted;
  const size_t w = static_cast<size_t>(std::max(window, 1));
  for (size_t end = 1; end <= logs.size(); ++end) {
    if (end > w) sorted.erase(std::lower_bound(sorted.begin(), sorted.end(), logs[end - 1 - w]));
    sorted.insert(std::upper_bound(sorted.begin(), sorted.end(), logs[end - 1]), logs[end - 1]);
    if (end < kMinCentreNights) continue;
    const size_t mid = sorted.size() / 2;  // the type-7 median, halfway as centres always took it
    centres[end] = sorted.size() % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
  return centres;
}

std::vector<double> replayed_deviations(std::span<const double> logs, std::span<const double> centres, int sign) {
  std::vector<double> out;
  out.reserve(logs.size());
  for (size_t j = 0; j < logs.size(); ++j)
    if (!std::isnan(centres[j])) out.push_back(sign * (logs[j] - centres[j]));
  return out;
}

namespace {

// Each past night's deviation from the nights before it, and each pair's.
struct Replay {
  std::vector<double> single, pair;
};

Replay replay(std::span<const double> logs, std::span<const double> centres, int sign) {
  Replay r;
  r.single = replayed_deviations(logs, centres, sign);
  r.pair.reserve(logs.size());
  // The lesser of two nights' deviations: high only when both nights are.
  for (size_t j = 1; j < logs.size(); ++j)
    if (!std::isnan(centres[j - 1]))
      r.pair.push_back(std::min(sign * (logs[j - 1] - centres[j - 1]), sign * (logs[j] - centres[j - 1])));
  return r;
}

// The nights from a step on sit, at their median, past `shift` from the
// nights before it: the regime's last kBeforeStep, more than the 7-night
// centre, which a two-level benchmark's run on its other level moves too,
// and fewer than the whole regime, whose median a regression that held for
// weeks before its fix moves.
constexpr size_t kBeforeStep = 14;
bool stays(std::span<const double> before, std::span<const double> after, double shift) {
  const double moved = stats::median(after) - stats::median(before);
  return shift > 0 ? moved > shift : moved < shift;
}

}  // namespace

size_t regime_start(std::span<const double> logs, int window, double min_shift) {
  return regime_start(logs, night_centres(logs, window), min_shift);
}

size_t regime_start(std::span<const double> logs, std::span<const double> centres, double min_shift) {
  const Replay all = replay(logs, centres, +1);
  if (all.single.size() < kMinCentreNights) return 0;
  const double limit = std::max(min_shift, 4 * robust_spread(all.single));
  size_t start = 0;
  bool previous = false;  // the night before also began such a run: the step began there
  for (size_t j = kMinCentreNights; j + 3 <= logs.size(); ++j) {
    const double c = centres[j];
    const double a = logs[j] - c, b = logs[j + 1] - c, d = logs[j + 2] - c;
    const bool up = a > limit && b > limit && d > limit, down = a < -limit && b < -limit && d < -limit;
    // A run that came back (a two-level benchmark's three nights on its other
    // level) is the benchmark's noise: cutting there would forget that level.
    const size_t from = std::max(start, j > kBeforeStep ? j - kBeforeStep : 0);
    if ((up || down) && !previous && stays(logs.subspan(from, j - from), logs.subspan(j), (up ? 1 : -1) * limit / 2))
      start = j;
    previous = up || down;
  }
  return start;
}

std::optional<NoiseModel> learn_noise(std::span<const double> logs, int window, int sign) {
  return learn_noise(logs, night_centres(logs, window), sign);
}

std::optional<NoiseModel> learn_noise(std::span<const double> logs, std::span<const double> centres, int sign) {
  Replay r = replay(logs, centres, sign);
  if (r.single.size() < static_cast<size_t>(kMinModelNights)) return std::nullopt;
  NoiseModel m;
  m.nights = static_cast<int>(r.single.size());
  std::sort(r.single.begin(), r.single.end());
  std::sort(r.pair.begin(), r.pair.end());
  m.spread = spread_of_sorted(r.single);
  m.pair_spread = r.pair.empty() ? 0 : spread_of_sorted(r.pair);
  m.single = std::move(r.single);
  m.pair = std::move(r.pair);
  return m;
}

double tail_p_value(std::span<const double> sorted, double spread, double worse, double floor) {
  const double n = static_cast<double>(sorted.size());
  if (sorted.empty()) return 1;
  const double reached = static_cast<double>(sorted.end() - std::lower_bound(sorted.begin(), sorted.end(), worse));
  const double rank_p = (reached + 1) / (n + 1);
  const double u = stats::quantile_sorted(sorted, 0.75);
  if (worse <= u) return rank_p;
  // A light-tailed history (nothing past 4 spreads, as in 30-90 normal
  // nights) earns a Student t tail: an exponential one would be far too
  // conservative for it, and the run-wide Benjamini-Hochberg needs small p.
  if (spread > 0 && std::max(sorted.back(), -sorted.front()) <= kLightTail * spread) {
    const double t = stats::student_t_sf(worse / std::max(spread, floor), std::min(n - 1, kLightTailDf));
    return std::max(reached / (n + 1), std::min(rank_p, t));
  }
  // Exponential tail over u: its scale the larger of the mean excess and the
  // one that puts the largest past night at its own rank, so a history with
  // spikes has a tail as heavy as its spikes.
  const auto above = std::upper_bound(sorted.begin(), sorted.end(), u);
  const double k = static_cast<double>(sorted.end() - above);
  double excess = 0;
  for (auto it = above; it != sorted.end(); ++it) excess += *it - u;
  const double mean_excess = k > 0 ? excess / k : 0;
  const double anchored = k > 0 ? (sorted.back() - u) / std::log(k + 1) : 0;
  const double scale = std::max({mean_excess, anchored, floor});
  const double tail = (k + 1) / (n + 1) * std::exp(-(worse - u) / scale);
  return std::max(reached / (n + 1), std::min(rank_p, tail));
}

namespace {

double share_at_least(std::span<const double> logs, double level, int sign) {
  if (logs.empty()) return 0;
  const auto n = std::count_if(logs.begin(), logs.end(), [&](double v) { return sign * (v - level) >= 0; });
  return static_cast<double>(n) / static_cast<double>(logs.size());
}

}  // namespace

Seen seen_levels(std::span<const double> logs, double tonight, double spread, int sign) {
  if (logs.empty()) return {};
  const double lesser = sign * std::min(sign * logs.back(), sign * tonight);
  const std::span<const double> before = logs.first(logs.size() - 1);  // on a step's second night, last night is the step
  return {share_at_least(before, tonight - sign * spread, sign), share_at_least(before, lesser - sign * spread, sign)};
}

double returned_level(std::span<const double> logs, double centre, int sign) {
  if (logs.size() < 2) return 0;
  std::vector<double> worse;
  for (double v : logs.first(logs.size() - 1)) worse.push_back(sign * (v - centre));
  // The smallest count that is kLevelShare of the nights: that many reached it.
  const size_t count = static_cast<size_t>(std::ceil(kLevelShare * static_cast<double>(worse.size()) - 1e-9));
  const auto nth = worse.begin() + static_cast<std::ptrdiff_t>(std::max<size_t>(count, 1) - 1);
  std::nth_element(worse.begin(), nth, worse.end(), std::greater<>());
  return std::max(*nth, 0.0);
}

double unless_seen(double p, double seen) { return seen >= kSeenShare ? std::max(p, seen) : p; }

double shown_seen(const Seen& seen, double change, double limit) {
  return std::fabs(change) > limit && seen.single >= kSeenShare ? seen.single : 0;
}

}  // namespace perfwatch
