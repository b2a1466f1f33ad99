#include <doctest/doctest.h>

#include <vector>

#include "stats/tests.hpp"

using namespace perfwatch::stats;

namespace {
// Two samples used by scipy's own documentation examples.
const std::vector<double> kX = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
const std::vector<double> kY = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};
}  // namespace

// References: Debian python3-scipy 1.10.1, run once by hand.
TEST_CASE("stats::mann_whitney_u") {
  SUBCASE("exact, no ties") {
    const std::vector<double> y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.07, 3.14, 1.28};  // kY without ties
    // scipy.stats.mannwhitneyu(x, y, alternative='two-sided', method='exact') -> U=58.0, p=0.13591114767585355
    const auto r = mann_whitney_u(kX, y, Alternative::two_sided);
    CHECK(r.statistic == 58.0);
    CHECK(r.p_value == doctest::Approx(0.13591114767585355).epsilon(1e-12));
    // alternative='greater' -> p=0.06795557383792677
    CHECK(mann_whitney_u(kX, y, Alternative::greater).p_value == doctest::Approx(0.06795557383792677).epsilon(1e-12));
  }
  SUBCASE("ties in a small sample fall back to the normal approximation") {
    // mannwhitneyu(x, kY, alternative='two-sided', method='asymptotic') -> U=58.0, p=0.13291945818531892
    CHECK(mann_whitney_u(kX, kY, Alternative::two_sided).p_value == doctest::Approx(0.13291945818531892).epsilon(1e-10));
  }
  SUBCASE("normal approximation with ties") {
    const std::vector<double> a = {1, 2, 2, 3, 3, 3, 4, 5, 6, 7, 7, 8};
    const std::vector<double> b = {3, 4, 4, 5, 6, 6, 7, 8, 8, 9, 10, 10, 11};
    // mannwhitneyu(a, b, alternative='two-sided', method='asymptotic', use_continuity=True) -> U=33.0, p=0.014929128911705957
    const auto r = mann_whitney_u(a, b, Alternative::two_sided);
    CHECK(r.statistic == 33.0);
    CHECK(r.p_value == doctest::Approx(0.014929128911705957).epsilon(1e-10));
    // alternative='less' -> p=0.0074645644558529786
    CHECK(mann_whitney_u(a, b, Alternative::less).p_value == doctest::Approx(0.0074645644558529786).epsilon(1e-10));
  }
  SUBCASE("edge cases") {
    CHECK(mann_whitney_u(std::vector<double>{}, kY, Alternative::two_sided).p_value == 1.0);
    const std::vector<double> same = {1, 1, 1};
    CHECK(mann_whitney_u(same, same, Alternative::two_sided).p_value == 1.0);
  }
}

TEST_CASE("stats::welch_t_test") {
  // scipy.stats.ttest_ind(x, y, equal_var=False) -> t=1.2051727991066508, p=0.24588283853317092
  const auto r = welch_t_test(kX, kY, Alternative::two_sided);
  CHECK(r.statistic == doctest::Approx(1.2051727991066508).epsilon(1e-12));
  CHECK(r.p_value == doctest::Approx(0.24588283853317092).epsilon(1e-10));
  // alternative='greater' -> p=0.12294141926658546
  CHECK(welch_t_test(kX, kY, Alternative::greater).p_value == doctest::Approx(0.12294141926658546).epsilon(1e-10));
  SUBCASE("nothing to test") {
    CHECK(welch_t_test(std::vector<double>{1.0}, kY, Alternative::two_sided).p_value == 1.0);
    const std::vector<double> flat = {2, 2, 2};
    CHECK(welch_t_test(flat, flat, Alternative::two_sided).p_value == 1.0);
  }
}

TEST_CASE("stats::two_proportion_z_test") {
  // p = (30+12)/2000; z = (0.030-0.012)/sqrt(p*(1-p)*(1/1000+1/1000)) -> 2.8070911436484303
  // 2*scipy.stats.norm.sf(z) -> 0.004999109504464619 ; norm.sf(z) -> 0.0024995547522323096
  const auto r = two_proportion_z_test(30, 1000, 12, 1000, Alternative::two_sided);
  CHECK(r.statistic == doctest::Approx(2.8070911436484303).epsilon(1e-12));
  CHECK(r.p_value == doctest::Approx(0.004999109504464619).epsilon(1e-10));
  CHECK(two_proportion_z_test(30, 1000, 12, 1000, Alternative::greater).p_value ==
        doctest::Approx(0.0024995547522323096).epsilon(1e-10));
  CHECK(two_proportion_z_test(0, 100, 0, 100, Alternative::greater).p_value == 1.0);
  CHECK(two_proportion_z_test(1, 0, 0, 100, Alternative::greater).p_value == 1.0);
}

TEST_CASE("stats::benjamini_hochberg") {
  // numpy: o = argsort(p); q = minimum.accumulate((p[o]*m/arange(1,m+1))[::-1])[::-1]; adj[o] = q
  const std::vector<double> p = {0.01, 0.04, 0.03, 0.005, 0.5, 0.2, 0.0001};
  const std::vector<double> expected = {0.023333333333333334, 0.05600000000000001, 0.0525, 0.0175, 0.5,
                                        0.23333333333333336, 0.0007};
  const auto q = benjamini_hochberg(p);
  REQUIRE(q.size() == expected.size());
  for (size_t i = 0; i < q.size(); ++i) CHECK(q[i] == doctest::Approx(expected[i]).epsilon(1e-12));
  CHECK(benjamini_hochberg(std::vector<double>{}).empty());
}

TEST_CASE("stats::student_t_sf") {
  // scipy.stats.t.sf(2.5, 6) -> 0.02326411614208364 ; t.ppf(0.975, 6) -> 2.4469118487916806
  CHECK(student_t_sf(2.5, 6) == doctest::Approx(0.02326411614208364).epsilon(1e-12));
  CHECK(student_t_quantile(0.975, 6) == doctest::Approx(2.4469118487916806).epsilon(1e-9));
}
