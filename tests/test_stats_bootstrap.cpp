#include <doctest/doctest.h>

#include <cmath>
#include <numeric>
#include <vector>

#include "stats/bootstrap.hpp"
#include "stats/quantile.hpp"

using namespace perfwatch::stats;

namespace {

const std::vector<double> kSkewed = {12.1, 9.8,  10.4, 11.0, 30.5, 10.9, 9.5,  10.2, 13.7, 10.0,
                                     11.8, 9.9,  10.6, 18.2, 10.3, 10.8, 9.7,  12.5, 10.1, 22.4};

double mean(std::span<const double> x) { return std::accumulate(x.begin(), x.end(), 0.0) / static_cast<double>(x.size()); }

BootstrapOptions with(BootstrapMethod method, int resamples = 20000) {
  BootstrapOptions o;
  o.method = method;
  o.resamples = resamples;
  return o;
}

}  // namespace

TEST_CASE("SeededDraws::below") {
  SUBCASE("the same seed gives the same draws") {
    SeededDraws a(7), b(7), c(8);
    std::vector<size_t> da, db, dc;
    for (int i = 0; i < 100; ++i) {
      da.push_back(a.below(20));
      db.push_back(b.below(20));
      dc.push_back(c.below(20));
    }
    CHECK(da == db);
    CHECK(da != dc);
  }
  SUBCASE("every value in range comes up about equally often") {
    SeededDraws d(1);
    std::vector<int> counts(7, 0);
    for (int i = 0; i < 70000; ++i) ++counts[d.below(7)];
    for (int c : counts) CHECK(std::abs(c - 10000) < 400);  // 4 binomial SDs (sd = 92.6)
  }
  SUBCASE("a range of one is always 0") {
    SeededDraws d(3);
    for (int i = 0; i < 10; ++i) CHECK(d.below(1) == 0);
  }
}

// Reference: scipy 1.10.1, run once by hand (the Monte Carlo spread of each
// bound over 20 seeds at 20,000 resamples is given beside it; the tolerance is
// five of those SDs):
//   x = numpy.array([12.1, 9.8, ..., 22.4])   # kSkewed
//   scipy.stats.bootstrap((x,), f, n_resamples=400000, method=m, random_state=1, vectorized=True)
//   f=np.mean,   m='percentile' -> (10.805, 15.245)             sd 0.010, 0.021
//   f=np.mean,   m='BCa'        -> (11.125, 16.235)             sd 0.013, 0.048
//   f=np.median, m='percentile' -> (10.15, 11.95)               identical for every seed
//   f=np.median, m='BCa'        -> (10.15, 11.95)               identical for every seed
TEST_CASE("stats::bootstrap_interval") {
  SUBCASE("percentile interval of a mean") {
    const Interval ci = bootstrap_interval(kSkewed, mean, with(BootstrapMethod::percentile));
    CHECK(std::fabs(ci.low - 10.805) < 0.05);
    CHECK(std::fabs(ci.high - 15.245) < 0.10);
  }
  SUBCASE("BCa interval of a mean: shifted toward the long tail, as scipy's") {
    const Interval ci = bootstrap_interval(kSkewed, mean, with(BootstrapMethod::bca));
    CHECK(std::fabs(ci.low - 11.125) < 0.065);
    CHECK(std::fabs(ci.high - 16.235) < 0.24);
  }
  SUBCASE("median: a discrete distribution, so exactly scipy's figures") {
    for (BootstrapMethod m : {BootstrapMethod::percentile, BootstrapMethod::bca}) {
      const Interval ci = bootstrap_interval(kSkewed, median, with(m));
      CHECK(ci.low == doctest::Approx(10.15));
      CHECK(ci.high == doctest::Approx(11.95));
    }
  }
  SUBCASE("seeded: a rerun gives the same numbers, another seed slightly different ones") {
    BootstrapOptions o = with(BootstrapMethod::bca, 2000);
    const Interval a = bootstrap_interval(kSkewed, mean, o), b = bootstrap_interval(kSkewed, mean, o);
    CHECK(a.low == b.low);
    CHECK(a.high == b.high);
    o.seed += 1;
    const Interval c = bootstrap_interval(kSkewed, mean, o);
    CHECK(c.high != a.high);
    CHECK(std::fabs(c.high - a.high) < 0.5);
  }
  SUBCASE("the level widens the interval") {
    BootstrapOptions o = with(BootstrapMethod::percentile, 5000);
    const Interval ninety_five = bootstrap_interval(kSkewed, mean, o);
    o.level = 0.80;
    const Interval eighty = bootstrap_interval(kSkewed, mean, o);
    CHECK(eighty.low > ninety_five.low);
    CHECK(eighty.high < ninety_five.high);
  }
  SUBCASE("constant data: both bounds are the value") {
    const std::vector<double> same(10, 4.0);
    const Interval ci = bootstrap_interval(same, mean);
    CHECK(ci.low == 4.0);
    CHECK(ci.high == 4.0);
  }
  SUBCASE("fewer than two values: no interval") {
    CHECK(std::isnan(bootstrap_interval(std::vector<double>{1.0}, mean).low));
    CHECK(std::isnan(bootstrap_interval(std::vector<double>{}, mean).high));
  }
}
