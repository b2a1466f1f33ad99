#include <doctest/doctest.h>

#include "detect/memory_growth.hpp"

using namespace perfwatch;

namespace {

// `n` samples over `seconds`, bytes from `shape(t)`.
template <class F>
MemorySeries series(int n, double seconds, F shape) {
  MemorySeries s;
  for (int i = 0; i < n; ++i) {
    const double t = seconds * i / (n - 1);
    s.seconds.push_back(t);
    s.bytes.push_back(shape(t));
  }
  return s;
}

}  // namespace

TEST_CASE("memory_growth") {
  SUBCASE("steady growth after warm-up: its rate, an interval around it, a tiny p") {
    // 100 MB at start (warm-up), then 1 MB a minute with a 64 KiB wobble.
    const auto s = series(600, 600, [](double t) { return 100e6 + t / 60 * 1e6 + ((static_cast<int>(t) % 3) - 1) * 65536.0; });
    const auto g = memory_growth(s);
    REQUIRE(g);
    CHECK(g->bytes_per_hour == doctest::Approx(60e6).epsilon(0.02));
    CHECK(g->low <= g->bytes_per_hour);
    CHECK(g->high >= g->bytes_per_hour);
    CHECK(g->low > 50e6);
    CHECK(g->p_value == doctest::Approx(1.0 / 3628800));  // all ten segments in order
    CHECK(g->seconds == doctest::Approx(480).epsilon(0.01));
  }
  SUBCASE("warm-up is left out: a fast start then flat is no leak") {
    const auto s = series(300, 300, [](double t) { return t < 30 ? 10e6 + t * 3e6 : 100e6; });
    const auto g = memory_growth(s);
    REQUIRE(g);
    CHECK(g->bytes_per_hour == 0);
    CHECK(g->p_value == 1.0);
  }
  SUBCASE("one step mid-run is not steady growth") {
    const auto s = series(300, 300, [](double t) { return t < 170 ? 80e6 + (static_cast<int>(t) % 5) * 1e5 : 120e6 + (static_cast<int>(t) % 5) * 1e5; });
    const auto g = memory_growth(s);
    REQUIRE(g);
    CHECK(g->p_value > 1e-3);  // two groups in order, not ten segments (steady growth: 2.8e-7)
    CHECK(g->p_value < 0.05);
  }
  SUBCASE("too few samples after warm-up: unknown") {
    CHECK_FALSE(memory_growth(series(24, 60, [](double t) { return 1e6 * t; })));
    CHECK(memory_growth(series(26, 60, [](double t) { return 1e6 * t; })));
    CHECK_FALSE(memory_growth(MemorySeries{}));
  }
}
