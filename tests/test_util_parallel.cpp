#include <doctest/doctest.h>

#include <stdexcept>
#include <vector>

#include "util/parallel.hpp"

using namespace perfwatch;

TEST_CASE("parallel_for") {
  SUBCASE("every index once, each result in its own slot") {
    for (size_t n : {0, 1, 63, 64, 1000, 1001}) {
      std::vector<int> seen(n, 0);
      parallel_for(n, [&](size_t i) { seen[i] += static_cast<int>(i % 7) + 1; }, 8);
      for (size_t i = 0; i < n; ++i) REQUIRE(seen[i] == static_cast<int>(i % 7) + 1);
    }
  }
  SUBCASE("an exception in any slice reaches the caller, after every thread is done") {
    std::vector<int> done(1000, 0);
    CHECK_THROWS_WITH_AS(parallel_for(1000, [&](size_t i) {
                           if (i == 900) throw std::runtime_error("index 900");
                           done[i] = 1;
                         }, 8),
                         "index 900", std::runtime_error);
    CHECK(done[0] == 1);  // the first slice ran to its end
  }
}
