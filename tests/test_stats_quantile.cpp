#include <doctest/doctest.h>

#include <algorithm>

#include <cmath>
#include <random>
#include <vector>

#include "stats/quantile.hpp"

using perfwatch::stats::quantile;
using perfwatch::stats::summarize;

// Reference values from numpy 1.24.2 (Debian python3-numpy), whose default
// "linear" method is Hyndman & Fan type 7, run once by hand:
//   x = [1204.5, 1190.2, 1311.0, 1250.0, 1199.9, 1402.3, 1222.2]
//   [np.quantile(x, q) for q in (0.5, 0.95, 0.99, 0.999)]
//   -> 1222.2, 1374.9099999999999, 1396.822, 1401.7522
//   np.quantile([5.0], 0.95) -> 5.0 ; np.quantile([1.0, 2.0], 0.95) -> 1.95
TEST_CASE("stats::quantile") {
  const std::vector<double> x = {1204.5, 1190.2, 1311.0, 1250.0, 1199.9, 1402.3, 1222.2};
  CHECK(quantile(x, 0.5) == doctest::Approx(1222.2).epsilon(1e-12));
  CHECK(quantile(x, 0.95) == doctest::Approx(1374.9099999999999).epsilon(1e-12));
  CHECK(quantile(x, 0.99) == doctest::Approx(1396.822).epsilon(1e-12));
  CHECK(quantile(x, 0.999) == doctest::Approx(1401.7522).epsilon(1e-12));

  SUBCASE("one value is every quantile") { CHECK(quantile(std::vector<double>{5.0}, 0.95) == 5.0); }
  SUBCASE("two values interpolate") { CHECK(quantile(std::vector<double>{2.0, 1.0}, 0.95) == doctest::Approx(1.95)); }
  SUBCASE("empty input is NaN") { CHECK(std::isnan(quantile(std::vector<double>{}, 0.5))); }
  SUBCASE("extremes are min and max") {
    CHECK(quantile(x, 0.0) == 1190.2);
    CHECK(quantile(x, 1.0) == 1402.3);
  }
}

TEST_CASE("stats::summarize") {
  const std::vector<double> x = {1204.5, 1190.2, 1311.0, 1250.0, 1199.9, 1402.3, 1222.2};
  const auto s = summarize(x);
  CHECK(s.n == 7);
  CHECK(s.p95 == doctest::Approx(1374.91));
  CHECK(s.min == 1190.2);
  CHECK(s.max == 1402.3);
  // np.mean(x) -> 1254.3
  CHECK(s.mean == doctest::Approx(1254.3));
  CHECK(std::isnan(summarize(std::vector<double>{}).p50));
}

TEST_CASE("stats::harrell_davis") {
  // Reference: scipy 1.10.1. Estimates: scipy.stats.mstats.hdquantiles(x, prob=[0.5, 0.95, 0.99]) ->
  // [1242.2769807519458, 1858.4975821505525, 1937.1064067222055]. Maritz-Jarrett standard errors, from
  // w = numpy.diff(scipy.stats.beta.cdf(numpy.arange(0, n + 1) / n, (n + 1) * q, (n + 1) * (1 - q))):
  // sqrt(w @ x**2 - (w @ x)**2) -> q 0.95: 210.16027119170028, q 0.5: 41.172640976782134.
  std::vector<double> x = {1204.5, 1190.2, 1311.0, 1250.3, 1198.7, 1402.9, 1222.1, 1189.9, 1275.4, 1950.0};
  std::sort(x.begin(), x.end());
  const auto p50 = perfwatch::stats::harrell_davis(x, 0.5);
  const auto p95 = perfwatch::stats::harrell_davis(x, 0.95);
  CHECK(p50.estimate == doctest::Approx(1242.2769807519458).epsilon(1e-12));
  CHECK(p95.estimate == doctest::Approx(1858.4975821505525).epsilon(1e-12));
  CHECK(perfwatch::stats::harrell_davis(x, 0.99).estimate == doctest::Approx(1937.1064067222055).epsilon(1e-12));
  CHECK(p50.se == doctest::Approx(41.172640976782134).epsilon(1e-9));
  CHECK(p95.se == doctest::Approx(210.16027119170028).epsilon(1e-9));
  SUBCASE("one value is itself, with no noise; none is NaN") {
    CHECK(perfwatch::stats::harrell_davis(std::vector<double>{7}, 0.95).estimate == 7);
    CHECK(perfwatch::stats::harrell_davis(std::vector<double>{7}, 0.95).se == 0);
    CHECK(std::isnan(perfwatch::stats::harrell_davis(std::vector<double>{}, 0.95).estimate));
  }
}

TEST_CASE("stats::median") {
  // The same value as quantile(v, 0.5), bit for bit, odd and even sizes, ties included.
  std::mt19937_64 rng(3);
  std::uniform_int_distribution<int> size(1, 40), value(0, 9);
  for (int trial = 0; trial < 500; ++trial) {
    std::vector<double> v(static_cast<size_t>(size(rng)));
    for (double& x : v) x = value(rng) * 0.37;
    CHECK(perfwatch::stats::median(v) == perfwatch::stats::quantile(v, 0.5));
  }
  CHECK(std::isnan(perfwatch::stats::median(std::vector<double>{})));
  CHECK(perfwatch::stats::median(std::vector<double>{4, 1, 3, 2}) == 2.5);
}
