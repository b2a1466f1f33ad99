#pragma once
// Quantiles by Hyndman & Fan's type 7 (linear interpolation between order
// statistics; R's default and numpy's "linear"), so figures match what users
// get from R or numpy on the same samples.
#include <span>
#include <vector>

namespace perfwatch::stats {

// q in [0, 1] of `sorted` (ascending). Empty input gives NaN; one value gives itself.
double quantile_sorted(std::span<const double> sorted, double q);

// Copies and sorts; for one-off calls.
double quantile(std::span<const double> values, double q);

// quantile(values, 0.5), by selection instead of a sort (compare takes
// thousands of medians of a few nights each); NaN when empty.
double median(std::span<const double> values);

struct Summary {
  size_t n = 0;
  double mean = 0, p50 = 0, p95 = 0, p99 = 0, p999 = 0, min = 0, max = 0;
};

// Summary statistics of `values`; all NaN for an empty input.
Summary summarize(std::span<const double> values);

}  // namespace perfwatch::stats

namespace perfwatch::stats {

// Harrell & Davis (1982): a weighted sum of every order statistic with Beta
// weights, a quantile estimate with a much smaller variance than type 7 on
// small samples (a night's p95 of 40 samples otherwise rests on two values).
// `se` is its Maritz-Jarrett standard error. Reference: scipy.stats.mstats
// hdquantiles / hdquantiles_sd.
struct HarrellDavis {
  double estimate = 0, se = 0;
};
HarrellDavis harrell_davis(std::span<const double> sorted, double q);

}  // namespace perfwatch::stats
