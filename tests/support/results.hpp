#pragma once
// Looking up one metric's result among a comparison's rows.
#include <doctest/doctest.h>

#include <vector>

#include "detect/verdict.hpp"

namespace perfwatch::testing {

// The result for metric `m`; fails the test when there is none.
inline const MetricResult& find(const std::vector<MetricResult>& results, Metric m) {
  for (const auto& r : results)
    if (r.metric == m) return r;
  FAIL("no result for " << to_string(m));
  throw;
}

}  // namespace perfwatch::testing
