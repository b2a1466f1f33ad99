#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "report/sparkline.hpp"

using perfwatch::sparkline;

TEST_CASE("sparkline") {
  CHECK(sparkline(std::vector<double>{1, 2, 3, 4, 5, 6, 7, 8}) == "▁▂▃▄▅▆▇█");
  CHECK(sparkline(std::vector<double>{10, 10, 10}) == "▄▄▄");
  CHECK(sparkline(std::vector<double>{0, NAN, 7}) == "▁ █");
  CHECK(sparkline(std::vector<double>{}).empty());
  // A single spike stands out at full height, the rest at the floor.
  CHECK(sparkline(std::vector<double>{100, 100, 200, 100}) == "▁▁█▁");
  // 562 instructions more in 103.6 million (the demo's counts under another environment) is flat.
  CHECK(sparkline(std::vector<double>{103622572, 103622572, 103623134}) == "▄▄▄");
  CHECK(sparkline(std::vector<double>{1000, 1000, 1002}) == "▁▁█");  // 0.2 % is drawn
}
