#include "stats/moderation.hpp"

#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/polygamma.hpp>
#include <boost/math/special_functions/trigamma.hpp>
#include <cmath>
#include <limits>
#include <vector>

namespace perfwatch::stats {

double trigamma_inverse(double x) {
  if (x > 1e7) return 1 / std::sqrt(x);
  if (x < 1e-6) return 1 / x;
  double y = 0.5 + 1 / x;
  for (int i = 0; i < 50; ++i) {
    const double tri = boost::math::trigamma(y);
    const double dif = tri * (1 - tri / x) / boost::math::polygamma(2, y);
    y += dif;
    if (-dif / y < 1e-8) break;
  }
  return y;
}

VariancePrior fit_variance_prior(std::span<const double> variances, std::span<const double> dfs) {
  const size_t n = variances.size();
  if (n < 3) return {0, 0};
  std::vector<double> e(n);
  double mean = 0, mean_trigamma = 0;
  for (size_t i = 0; i < n; ++i) {
    const double half = dfs[i] / 2;
    e[i] = std::log(variances[i]) - boost::math::digamma(half) + std::log(half);
    mean += e[i] / static_cast<double>(n);
    mean_trigamma += boost::math::trigamma(half) / static_cast<double>(n);
  }
  double spread = 0;
  for (double v : e) spread += (v - mean) * (v - mean);
  spread = spread / static_cast<double>(n - 1) - mean_trigamma;
  if (spread <= 0) return {std::exp(mean), std::numeric_limits<double>::infinity()};
  const double d0 = 2 * trigamma_inverse(spread);
  return {std::exp(mean + boost::math::digamma(d0 / 2) - std::log(d0 / 2)), d0};
}

double moderated_variance(double variance, double df, const VariancePrior& prior) {
  if (prior.d0 <= 0) return variance;
  if (std::isinf(prior.d0)) return prior.s0_squared;
  return (prior.d0 * prior.s0_squared + df * variance) / (prior.d0 + df);
}

}  // namespace perfwatch::stats
