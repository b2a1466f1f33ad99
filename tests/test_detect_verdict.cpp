#include <doctest/doctest.h>

#include <cmath>

#include "detect/verdict.hpp"

using namespace perfwatch;

namespace {

MetricResult result(Metric metric, double ratio, double baseline = 0, double current = 0) {
  MetricResult r;
  r.metric = metric;
  r.ratio = ratio;
  r.baseline = baseline;
  r.current = current;
  return r;
}

}  // namespace

TEST_CASE("bad_way_change") {
  CHECK(bad_way_change(result(Metric::p95_latency, 1.25)) == doctest::Approx(0.25));     // slower: worse
  CHECK(bad_way_change(result(Metric::p95_latency, 0.8)) == doctest::Approx(-0.2));      // faster: better
  CHECK(bad_way_change(result(Metric::throughput, 0.8)) == doctest::Approx(0.2));        // fewer a second: worse
  CHECK(bad_way_change(result(Metric::throughput, 1.1)) == doctest::Approx(-0.1));
  CHECK(bad_way_change(result(Metric::error_rate, NAN, 0.01, 0.07)) == doctest::Approx(0.06));  // points, no ratio
  CHECK(std::isnan(bad_way_change(result(Metric::peak_memory, NAN))));
}
