#include <doctest/doctest.h>

#include <vector>

#include "stats/trend.hpp"

using namespace perfwatch::stats;

// Reference values: scipy 1.10.1 (Debian 12's python3-scipy), run once by hand:
//   scipy.stats.theilslopes(y, x, alpha=level)
//   scipy.stats.kendalltau(x, y, alternative='greater', method='exact')
TEST_CASE("sen_slope") {
  const std::vector<double> x{0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
  SUBCASE("a rising series") {
    const std::vector<double> y{1.0, 2.5, 2.0, 4.1, 3.9, 6.2, 5.8, 8.1, 7.7, 9.9};
    const SenSlope s = sen_slope(x, y);
    CHECK(s.slope == doctest::Approx(0.95));
    CHECK(s.low == doctest::Approx(0.7428571428571429));
    CHECK(s.high == doctest::Approx(1.0500000000000003));
  }
  SUBCASE("no trend: the interval spans zero") {
    const std::vector<double> y{5, 3, 6, 2, 7, 1, 8, 0, 9, 4};
    const SenSlope s = sen_slope(x, y);
    CHECK(s.slope == doctest::Approx(0.3333333333333333));
    CHECK(s.low == doctest::Approx(-0.7142857142857143));
    CHECK(s.high == doctest::Approx(0.75));
  }
  SUBCASE("uneven x, a 90 % interval") {
    const std::vector<double> x3{0.5, 1.7, 2.2, 3.9, 4.1, 5.6, 7.0}, y3{10, 10.4, 10.1, 11.0, 11.3, 11.2, 12.5};
    const SenSlope s = sen_slope(x3, y3, 0.90);
    CHECK(s.slope == doctest::Approx(0.3611111111111113));
    CHECK(s.low == doctest::Approx(0.20512820512820487));
    CHECK(s.high == doctest::Approx(0.5000000000000001));
  }
}

TEST_CASE("kendall_increasing_p") {
  const std::vector<double> x{0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
  CHECK(kendall_increasing_p(x, std::vector<double>{1.0, 2.5, 2.0, 4.1, 3.9, 6.2, 5.8, 8.1, 7.7, 9.9}) ==
        doctest::Approx(0.00017884700176366844));
  CHECK(kendall_increasing_p(x, std::vector<double>{5, 3, 6, 2, 7, 1, 8, 0, 9, 4}) == doctest::Approx(0.43090029761904763));
  const std::vector<double> x3{0.5, 1.7, 2.2, 3.9, 4.1, 5.6, 7.0}, y3{10, 10.4, 10.1, 11.0, 11.3, 11.2, 12.5};
  CHECK(kendall_increasing_p(x3, y3) == doctest::Approx(0.005357142857142857));
  // Perfect order of ten points: 1 / 10!.
  CHECK(kendall_increasing_p(x, x) == doctest::Approx(1.0 / 3628800));
  // Every value tied: no trend at all.
  CHECK(kendall_increasing_p(x, std::vector<double>(10, 7.0)) == 1.0);
  // A falling series is not a rising one.
  CHECK(kendall_increasing_p(x, std::vector<double>{9, 8, 7, 6, 5, 4, 3, 2, 1, 0}) > 0.99);
}
