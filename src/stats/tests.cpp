#include "stats/tests.hpp"

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <numeric>

namespace perfwatch::stats {
namespace {

double mean(std::span<const double> v) { return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size()); }

double sample_variance(std::span<const double> v, double m) {
  double ss = 0;
  for (double x : v) ss += (x - m) * (x - m);
  return ss / static_cast<double>(v.size() - 1);
}

// p-value of a statistic with survival function `sf` (symmetric null).
template <class Sf>
double p_from_sf(double stat, Alternative alt, Sf sf) {
  switch (alt) {
    case Alternative::greater: return sf(stat);
    case Alternative::less: return sf(-stat);
    case Alternative::two_sided: return std::min(1.0, 2 * sf(std::fabs(stat)));
  }
  return 1;
}

// Midranks of the pooled sample; returns the rank sum of x and Σ(t³ - t) over tie groups.
std::pair<double, double> rank_sum_and_ties(std::span<const double> x, std::span<const double> y) {
  std::vector<std::pair<double, bool>> all;  // value, is_x
  for (double v : x) all.emplace_back(v, true);
  for (double v : y) all.emplace_back(v, false);
  std::sort(all.begin(), all.end(), [](auto& a, auto& b) { return a.first < b.first; });
  double rank_sum = 0, ties = 0;
  for (size_t i = 0; i < all.size();) {
    size_t j = i;
    while (j < all.size() && all[j].first == all[i].first) ++j;
    const double midrank = (static_cast<double>(i + j) + 1) / 2;  // ranks i+1..j
    const double t = static_cast<double>(j - i);
    ties += t * t * t - t;
    for (size_t k = i; k < j; ++k)
      if (all[k].second) rank_sum += midrank;
    i = j;
  }
  return {rank_sum, ties};
}

// P(U >= u) under H0 for sample sizes m, n without ties: counts of rank
// arrangements by U, built with f(m, n, u) = f(m-1, n, u-n) + f(m, n-1, u).
double exact_u_sf(size_t m, size_t n, double u) {
  const size_t max_u = m * n;
  // counts[i][j] is the distribution of U for sizes (i, j).
  std::vector<std::vector<std::vector<double>>> counts(m + 1, std::vector<std::vector<double>>(n + 1));
  for (size_t i = 0; i <= m; ++i) {
    for (size_t j = 0; j <= n; ++j) {
      auto& c = counts[i][j];
      c.assign(i * j + 1, 0.0);
      if (i == 0 || j == 0) {
        c[0] = 1;
        continue;
      }
      for (size_t k = 0; k <= i * j; ++k) {
        if (k >= j && k - j < counts[i - 1][j].size()) c[k] += counts[i - 1][j][k - j];
        if (k < counts[i][j - 1].size()) c[k] += counts[i][j - 1][k];
      }
    }
  }
  const auto& dist = counts[m][n];
  const double total = std::accumulate(dist.begin(), dist.end(), 0.0);
  double tail = 0;
  for (size_t k = static_cast<size_t>(std::ceil(u)); k <= max_u; ++k) tail += dist[k];
  return tail / total;
}

}  // namespace

double normal_sf(double z) {
  return boost::math::cdf(boost::math::complement(boost::math::normal_distribution<double>(), z));
}

double normal_quantile(double p) { return boost::math::quantile(boost::math::normal_distribution<double>(), p); }

double student_t_sf(double t, double df) {
  return boost::math::cdf(boost::math::complement(boost::math::students_t_distribution<double>(df), t));
}

double student_t_quantile(double p, double df) {
  return boost::math::quantile(boost::math::students_t_distribution<double>(df), p);
}

TestResult mann_whitney_u(std::span<const double> x, std::span<const double> y, Alternative alt) {
  if (x.empty() || y.empty()) return {0, 1};
  const double n1 = static_cast<double>(x.size()), n2 = static_cast<double>(y.size());
  const auto [rank_sum, ties] = rank_sum_and_ties(x, y);
  const double u1 = rank_sum - n1 * (n1 + 1) / 2;
  const double u2 = n1 * n2 - u1;
  // The tail statistic: U of the side the alternative points to.
  const double u = alt == Alternative::greater ? u1 : alt == Alternative::less ? u2 : std::max(u1, u2);
  const double scale = alt == Alternative::two_sided ? 2 : 1;
  if (ties == 0 && x.size() <= 20 && y.size() <= 20) {
    return {u1, std::min(1.0, scale * exact_u_sf(x.size(), y.size(), u))};
  }
  const double n = n1 + n2;
  const double mu = n1 * n2 / 2;
  const double sigma = std::sqrt(n1 * n2 / 12 * ((n + 1) - ties / (n * (n - 1))));
  if (sigma == 0) return {u1, 1};
  const double z = (u - mu - 0.5) / sigma;
  return {u1, std::min(1.0, scale * normal_sf(z))};
}

TestResult welch_t_test(std::span<const double> x, std::span<const double> y, Alternative alt) {
  if (x.size() < 2 || y.size() < 2) return {0, 1};
  const double mx = mean(x), my = mean(y);
  const double vx = sample_variance(x, mx) / static_cast<double>(x.size());
  const double vy = sample_variance(y, my) / static_cast<double>(y.size());
  if (vx + vy == 0) return {0, 1};
  const double t = (mx - my) / std::sqrt(vx + vy);
  const double df = (vx + vy) * (vx + vy) /
                    (vx * vx / static_cast<double>(x.size() - 1) + vy * vy / static_cast<double>(y.size() - 1));
  return {t, p_from_sf(t, alt, [df](double s) { return student_t_sf(s, df); })};
}

TestResult two_proportion_z_test(std::int64_t errors1, std::int64_t n1, std::int64_t errors2, std::int64_t n2,
                                 Alternative alt) {
  if (n1 <= 0 || n2 <= 0) return {0, 1};
  const double p1 = static_cast<double>(errors1) / static_cast<double>(n1);
  const double p2 = static_cast<double>(errors2) / static_cast<double>(n2);
  const double pooled = static_cast<double>(errors1 + errors2) / static_cast<double>(n1 + n2);
  const double se = std::sqrt(pooled * (1 - pooled) * (1.0 / static_cast<double>(n1) + 1.0 / static_cast<double>(n2)));
  if (se == 0) return {0, 1};
  const double z = (p1 - p2) / se;
  return {z, p_from_sf(z, alt, normal_sf)};
}

std::vector<double> benjamini_hochberg(std::span<const double> p_values) {
  const size_t m = p_values.size();
  std::vector<size_t> order(m);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return p_values[a] < p_values[b]; });
  std::vector<double> q(m);
  double running = 1.0;
  for (size_t r = m; r-- > 0;) {  // from the largest p down: q_(r) = min over ranks >= r
    const size_t i = order[r];
    running = std::min(running, p_values[i] * static_cast<double>(m) / static_cast<double>(r + 1));
    q[i] = running;
  }
  return q;
}

}  // namespace perfwatch::stats
