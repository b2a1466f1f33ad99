#include <doctest/doctest.h>

#include "stats/shape.hpp"

using namespace perfwatch::stats;

// References: scipy 1.10.1 (Debian's python3-scipy), run once by hand:
//   stats.skew(x), stats.kurtosis(x)  (bias=True, Fisher: the defaults)
TEST_CASE("shape_of") {
  const auto s = shape_of({3.1, 2.7, 5.9, 4.4, 3.3, 8.2, 3.0, 2.9, 4.1, 3.6});
  REQUIRE(s);
  CHECK(s->skewness == doctest::Approx(1.5122995302195805).epsilon(1e-12));
  CHECK(s->excess_kurtosis == doctest::Approx(1.180687209122146).epsilon(1e-12));
  const auto even = shape_of({1, 2, 3, 4, 5});
  REQUIRE(even);
  CHECK(even->skewness == doctest::Approx(0.0));
  CHECK(even->excess_kurtosis == doctest::Approx(-1.3).epsilon(1e-12));
  CHECK_FALSE(shape_of({1, 2}));
  CHECK_FALSE(shape_of({4, 4, 4, 4}));
}
