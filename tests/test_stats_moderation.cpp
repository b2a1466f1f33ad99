#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "stats/moderation.hpp"

using namespace perfwatch::stats;

// Reference: limma's fitFDist / trigammaInverse (Smyth 2004) implemented
// independently in Python with scipy.special (digamma, polygamma), Debian
// python3-scipy 1.10.1, run once by hand:
//   z = log(x); e = z - digamma(d/2) + log(d/2); ev = var(e, ddof=1) - mean(polygamma(1, d/2))
//   d0 = 2*trigamma_inverse(ev); s0 = exp(mean(e) + digamma(d0/2) - log(d0/2))
TEST_CASE("stats::fit_variance_prior") {
  SUBCASE("unlike variances: a finite prior") {
    const std::vector<double> x = {0.0005, 0.003, 0.0012, 0.006, 0.0008, 0.0025, 0.0002, 0.004};
    const std::vector<double> d(8, 6.0);
    const auto prior = fit_variance_prior(x, d);
    CHECK(prior.s0_squared == doctest::Approx(0.0011765811935220479).epsilon(1e-9));
    CHECK(prior.d0 == doctest::Approx(2.9967695565515347).epsilon(1e-9));
  }
  SUBCASE("fractional degrees of freedom") {
    const std::vector<double> x = {0.001, 0.05, 0.0002, 0.01, 0.3, 0.0007};
    const std::vector<double> d(6, 2.2);
    const auto prior = fit_variance_prior(x, d);
    CHECK(prior.s0_squared == doctest::Approx(0.0019351253984061934).epsilon(1e-9));
    CHECK(prior.d0 == doctest::Approx(0.8575884582326055).epsilon(1e-9));
  }
  SUBCASE("variances closer than chance: an infinitely strong prior") {
    const std::vector<double> x = {0.001, 0.0011, 0.00105, 0.00098};
    const std::vector<double> d(4, 6.0);
    const auto prior = fit_variance_prior(x, d);
    CHECK(std::isinf(prior.d0));
    CHECK(prior.s0_squared == doctest::Approx(0.0012297395054079504).epsilon(1e-9));
  }
  SUBCASE("too few to fit: no moderation") {
    const std::vector<double> x = {0.001, 0.002};
    const std::vector<double> d(2, 6.0);
    CHECK(fit_variance_prior(x, d).d0 == 0);
  }
}

TEST_CASE("stats::trigamma_inverse") {
  // trigamma_inverse(0.7) -> 1.8741947852056653 ; trigamma_inverse(5.0) -> 0.496168734704107
  CHECK(trigamma_inverse(0.7) == doctest::Approx(1.8741947852056653).epsilon(1e-8));
  CHECK(trigamma_inverse(5.0) == doctest::Approx(0.496168734704107).epsilon(1e-8));
}

TEST_CASE("stats::moderated_variance") {
  CHECK(moderated_variance(0.004, 6, {0.001, 6}) == doctest::Approx(0.0025));
  CHECK(moderated_variance(0.004, 6, {0.001, 0}) == 0.004);
  CHECK(moderated_variance(0.004, 6, {0.001, INFINITY}) == 0.001);
}
