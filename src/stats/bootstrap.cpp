#include "stats/bootstrap.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "stats/quantile.hpp"
#include "stats/tests.hpp"

namespace perfwatch::stats {

std::uint64_t SeededDraws::next() {
  std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

size_t SeededDraws::below(size_t n) {
  // Draws below 2^64 mod n would make the low residues more likely; redraw them.
  const std::uint64_t bound = n, reject_below = (0 - bound) % bound;
  std::uint64_t x = next();
  while (x < reject_below) x = next();
  return static_cast<size_t>(x % bound);
}

namespace {

Interval not_available() { return {NAN, NAN}; }

// Percentile interval of the sorted bootstrap distribution at the two tail
// probabilities (type 7, as numpy.percentile).
Interval percentiles(std::span<const double> sorted, double lower, double upper) {
  return {quantile_sorted(sorted, lower), quantile_sorted(sorted, upper)};
}

// Efron's bias correction z0 and jackknife acceleration a, then the adjusted
// tail probabilities (Efron & Tibshirani eq. 14.9-14.15; scipy's _bca_interval).
Interval bca_tails(std::span<const double> data, const Statistic& statistic, std::span<const double> sorted,
                   double alpha) {
  const double estimate = statistic(data);
  const auto below = std::lower_bound(sorted.begin(), sorted.end(), estimate) - sorted.begin();
  const auto at_or_below = std::upper_bound(sorted.begin(), sorted.end(), estimate) - sorted.begin();
  const double share = static_cast<double>(below + at_or_below) / (2.0 * static_cast<double>(sorted.size()));
  const double z0 = normal_quantile(std::clamp(share, 1e-12, 1 - 1e-12));

  const size_t n = data.size();
  std::vector<double> leave_one_out(n), rest(n - 1);
  for (size_t i = 0; i < n; ++i) {
    std::copy(data.begin(), data.begin() + static_cast<long>(i), rest.begin());
    std::copy(data.begin() + static_cast<long>(i) + 1, data.end(), rest.begin() + static_cast<long>(i));
    leave_one_out[i] = statistic(rest);
  }
  const double mean = std::accumulate(leave_one_out.begin(), leave_one_out.end(), 0.0) / static_cast<double>(n);
  double cubes = 0, squares = 0;
  for (double t : leave_one_out) {
    cubes += std::pow(mean - t, 3);
    squares += std::pow(mean - t, 2);
  }
  const double a = squares > 0 ? cubes / (6 * std::pow(squares, 1.5)) : 0;
  const auto adjusted = [&](double z) {
    const double denominator = 1 - a * (z0 + z);
    if (denominator <= 0) return z < 0 ? 0.0 : 1.0;  // past the formula's range: the distribution's end
    return normal_sf(-(z0 + (z0 + z) / denominator));  // the CDF
  };
  const double z_alpha = normal_quantile(alpha);
  return {adjusted(z_alpha), adjusted(-z_alpha)};
}

}  // namespace

Interval bootstrap_interval(std::span<const double> data, const Statistic& statistic, const BootstrapOptions& options) {
  if (data.size() < 2 || options.resamples < 1) return not_available();
  SeededDraws draws(options.seed);
  std::vector<double> resample(data.size()), distribution;
  distribution.reserve(static_cast<size_t>(options.resamples));
  for (int b = 0; b < options.resamples; ++b) {
    for (double& x : resample) x = data[draws.below(data.size())];
    distribution.push_back(statistic(resample));
  }
  std::sort(distribution.begin(), distribution.end());
  const double alpha = (1 - options.level) / 2;
  if (options.method == BootstrapMethod::percentile) return percentiles(distribution, alpha, 1 - alpha);
  if (distribution.front() == distribution.back()) return {distribution.front(), distribution.front()};
  const Interval tails = bca_tails(data, statistic, distribution, alpha);
  return percentiles(distribution, tails.low, tails.high);
}

}  // namespace perfwatch::stats
