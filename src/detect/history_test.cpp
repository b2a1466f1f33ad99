#include "detect/history_test.hpp"

#include <algorithm>
#include <cmath>
#include <span>

#include "detect/population.hpp"
#include "stats/quantile.hpp"

namespace perfwatch {
namespace {

double median_of(std::span<const double> v) { return stats::median(v); }

}  // namespace

std::optional<HistoryEvidence> history_evidence(const std::vector<double>& series, size_t k, double tonight,
                                                double limit, int window, int min_baseline_nights) {
  if (k < 2 || series.size() < k) return std::nullopt;
  const std::span<const double> all(series);
  HistoryEvidence h;
  h.change = tonight - median_of(all.last(k));
  h.direction = h.change >= 0 ? 1 : -1;
  // A step inside the history (not accepted) would pass for noise: learn
  // from the regime since the last one, never cutting into the baseline.
  const std::vector<double> centres = night_centres(all, window);
  const size_t cut = std::min(regime_start(all, centres, limit), series.size() - k);
  // Last night is left out: on a step's second night it is the step itself.
  const std::span<const double> learned = all.subspan(cut, series.size() - cut - 1);
  // After a cut the regime's centres start afresh (a centre only reads the nights before it).
  const std::vector<double> regime_centres = cut == 0 ? centres : night_centres(learned, window);
  auto model = learn_noise(learned, regime_centres, h.direction);
  if (!model) return std::nullopt;
  h.model = std::move(*model);
  h.limit = limit;
  h.settled = replayed_deviations(learned.first(series.size() - k - cut), regime_centres, h.direction);
  if (static_cast<int>(k) - 1 >= min_baseline_nights) {
    const double before = median_of(all.last(k).first(k - 1));
    const double both = std::min(h.direction * (series.back() - before), h.direction * (tonight - before));
    if (both > 0) h.pair_worse = both;
  }
  h.seen = seen_levels(all.subspan(cut), tonight, h.model.spread, h.direction);
  h.returns_to = returned_level(all.subspan(cut), tonight - h.change, h.direction);
  return h;
}

int excursions_toward(const HistoryEvidence& h, int way) {
  const std::vector<double>& past = h.model.single;  // sorted, in tonight's direction
  if (way == h.direction) return static_cast<int>(past.end() - std::upper_bound(past.begin(), past.end(), h.limit));
  return static_cast<int>(std::lower_bound(past.begin(), past.end(), -h.limit) - past.begin());
}

double deviation_beyond(const HistoryEvidence& h, int way, int beyond) {
  const std::vector<double>& past = h.model.single;  // sorted, in tonight's direction
  const size_t n = past.size(), b = static_cast<size_t>(std::max(beyond, 0));
  if (n <= b) return 0;
  return way == h.direction ? past[n - 1 - b] : -past[b];
}

int nights_in_row(const std::vector<double>& series, size_t k, double tonight, double limit) {
  if (k == 0 || series.size() < k) return 0;
  const std::span<const double> base = std::span<const double>(series).last(k);
  const double now = tonight - median_of(base);
  if (std::fabs(now) <= limit) return 0;
  if (k < 3) return 1;
  const double last = series.back() - median_of(base.first(k - 1));
  return (last > 0) == (now > 0) && std::fabs(last) > limit ? 2 : 1;
}

double standardized_tonight(const HistoryEvidence& h, double noise_floor) {
  return in_spreads(h.direction * h.change, h.model.spread, noise_floor);
}

std::vector<double> standardized_past(const HistoryEvidence& h, double noise_floor) {
  std::vector<double> out;
  out.reserve(h.settled.size());
  for (double d : h.settled) out.push_back(in_spreads(d, h.model.spread, noise_floor));
  return out;
}

HistoryOutcome finish_history_test(const HistoryEvidence& h, double noise_floor, double pooled) {
  HistoryOutcome o;
  const double floor = std::log1p(noise_floor);
  const auto& past = h.model.single;
  const double own = tail_p_value(past, h.model.spread, h.direction * h.change, floor);
  // The benchmark's own tail, unless the run's other benchmarks went that far more often.
  const double single = std::max(own, pooled);
  const double lo = stats::quantile_sorted(past, 0.025), hi = stats::quantile_sorted(past, 0.975);
  o.ratio = std::exp(h.change);
  o.ci_low = std::exp(h.direction > 0 ? h.change - hi : h.change + lo);
  o.ci_high = std::exp(h.direction > 0 ? h.change - lo : h.change + hi);
  // A history with one-night excursions past the threshold cannot tell a
  // first night from another excursion: there only two nights in a row count.
  const int excursions = static_cast<int>(past.end() - std::upper_bound(past.begin(), past.end(), h.limit));
  // Reruns need no pool: screening judges the benchmark's own evidence.
  o.night_p = unless_seen(own, h.seen.single);
  o.p_value = excursions > 0 ? 1.0 : unless_seen(single, h.seen.single);
  if (h.pair_worse && !h.model.pair.empty()) {  // the smaller p of two tests counts twice (Bonferroni)
    const double pair = unless_seen(tail_p_value(h.model.pair, h.model.pair_spread, *h.pair_worse, floor), h.seen.pair);
    o.p_value = std::min(1.0, 2 * std::min(o.p_value, pair));
    o.two_night = pair < single || excursions > 0;
  }
  o.noise = {true, h.model.nights, h.model.spread, excursions, shown_seen(h.seen, h.change, h.limit), h.returns_to,
             pooled > own && std::fabs(h.change) > h.limit ? pooled : 0};
  return o;
}

}  // namespace perfwatch
