#pragma once
// A monotone trend in (x, y) pairs, without assuming a shape: Sen's slope
// (the median of the pairwise slopes) with its interval, and Kendall's test
// that y rises with x.
#include <span>

namespace perfwatch::stats {

struct SenSlope {
  double slope = 0, low = 0, high = 0;  // the median pairwise slope and its interval
};

// As scipy.stats.theilslopes(y, x, alpha=level): pairs with equal x are
// left out; the interval is Sen (1968), eq. 2.6, ties corrected. Needs at
// least two distinct x.
SenSlope sen_slope(std::span<const double> x, std::span<const double> y, double level = 0.95);

// One-sided p-value that y increases with x (Kendall's tau > 0): exact when
// nothing is tied (as scipy.stats.kendalltau(x, y, alternative='greater',
// method='exact')), else the Mann-Kendall normal approximation with the tie
// correction and a continuity correction of 1.
double kendall_increasing_p(std::span<const double> x, std::span<const double> y);

}  // namespace perfwatch::stats
