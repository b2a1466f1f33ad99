#include "stats/trend.hpp"

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <map>
#include <vector>

namespace perfwatch::stats {
namespace {

// Sum of t(t-1)(2t+5) over groups of equal values: what ties take from S's variance.
double tie_term(std::span<const double> v) {
  std::map<double, double> counts;
  for (double x : v) counts[x] += 1;
  double sum = 0;
  for (const auto& [value, t] : counts) sum += t * (t - 1) * (2 * t + 5);
  return sum;
}

double variance_of_s(std::span<const double> x, std::span<const double> y) {
  const double n = static_cast<double>(y.size());
  return (n * (n - 1) * (2 * n + 5) - tie_term(x) - tie_term(y)) / 18;
}

double upper_normal(double z) { return boost::math::cdf(boost::math::complement(boost::math::normal(), z)); }

// P(at most d inversions) for a random permutation of n: Mahonian numbers,
// row by row (n stays small here: a trend's points, not its raw samples).
double inversions_cdf(int n, long long d) {
  std::vector<double> row{1.0};  // permutations of 1 element by inversions, as probabilities
  for (int m = 2; m <= n; ++m) {
    std::vector<double> next(row.size() + static_cast<size_t>(m - 1), 0.0);
    for (size_t k = 0; k < row.size(); ++k)
      for (int j = 0; j < m; ++j) next[k + static_cast<size_t>(j)] += row[k] / m;
    row = std::move(next);
  }
  double p = 0;
  for (long long k = 0; k <= d && k < static_cast<long long>(row.size()); ++k) p += row[static_cast<size_t>(k)];
  return std::min(1.0, p);
}

}  // namespace

SenSlope sen_slope(std::span<const double> x, std::span<const double> y, double level) {
  std::vector<double> slopes;
  for (size_t i = 0; i < x.size(); ++i)
    for (size_t j = i + 1; j < x.size(); ++j)
      if (x[j] != x[i]) slopes.push_back((y[j] - y[i]) / (x[j] - x[i]));
  SenSlope s;
  if (slopes.empty()) return s;
  std::sort(slopes.begin(), slopes.end());
  const size_t n = slopes.size();
  s.slope = n % 2 == 1 ? slopes[n / 2] : (slopes[n / 2 - 1] + slopes[n / 2]) / 2;
  const double z = boost::math::quantile(boost::math::normal(), (1 + level) / 2);
  const double sigma = std::sqrt(std::max(0.0, variance_of_s(x, y)));
  // numpy rounds half to even, as nearbyint does in the default rounding mode.
  const double nt = static_cast<double>(n);
  const long long upper = std::min(static_cast<long long>(std::nearbyint((nt + z * sigma) / 2)), static_cast<long long>(n) - 1);
  const long long lower = std::max(static_cast<long long>(std::nearbyint((nt - z * sigma) / 2)) - 1, 0LL);
  s.low = slopes[static_cast<size_t>(lower)];
  s.high = slopes[static_cast<size_t>(upper)];
  return s;
}

double kendall_increasing_p(std::span<const double> x, std::span<const double> y) {
  long long concordant = 0, discordant = 0;
  bool ties = false;
  for (size_t i = 0; i < x.size(); ++i)
    for (size_t j = i + 1; j < x.size(); ++j) {
      const double sign = (x[j] - x[i]) * (y[j] - y[i]);
      if (sign > 0) ++concordant;
      else if (sign < 0) ++discordant;
      else ties = true;
    }
  if (x.size() < 2) return 1;
  if (!ties) return inversions_cdf(static_cast<int>(x.size()), discordant);
  const double s = static_cast<double>(concordant - discordant);
  const double variance = variance_of_s(x, y);
  if (variance <= 0) return 1;  // every value tied: no trend to speak of
  const double corrected = s > 0 ? s - 1 : s < 0 ? s + 1 : 0;
  return upper_normal(corrected / std::sqrt(variance));
}

}  // namespace perfwatch::stats
