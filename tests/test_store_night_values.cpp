#include <doctest/doctest.h>

#include "store/night_values.hpp"

using namespace perfwatch;

TEST_CASE("pack_summaries") {
  NightValues a;
  a.latency = LatencyQuantiles{{1204.5, 1e-4}, {1311.0, 4e-4}, {1320.5, 9e-4}, std::nullopt};
  a.peak_memory = NightValue{73400320, 0};
  NightValues b;
  b.throughput = NightValue{8.2e5, 2e-5};
  b.memory_growth = NightValue{7.2e8, 0.01};
  b.instructions = NightValue{1270040, 0};
  b.instructions_source = "perf_event_open";
  b.latency = LatencyQuantiles{{1, 0}, {2, 0}, {3, 0}, NightValue{4, 0.5}};
  const store::RunSummaries summaries = {{7, a}, {1ll << 40, b}, {3, NightValues{}}};
  const auto blob = store::pack_summaries(summaries);
  const auto back = store::unpack_summaries(blob);
  REQUIRE(back);
  REQUIRE(back->size() == 3);
  CHECK((*back)[0].first == 7);
  CHECK((*back)[1].first == 1ll << 40);
  for (size_t i = 0; i < 3; ++i) {
    for (Metric m : kMetrics) {
      const auto want = summaries[i].second.of(m), got = (*back)[i].second.of(m);
      REQUIRE(want.has_value() == got.has_value());
      if (want) CHECK(got->value == want->value);  // bit for bit: memcpy both ways
      if (want) CHECK(got->log_variance == want->log_variance);
    }
  }
  CHECK((*back)[1].second.instructions_source == "perf_event_open");
  CHECK_FALSE((*back)[2].second.latency);
  // A BLOB cut short is no packing: the reader falls back to the rows.
  CHECK_FALSE(store::unpack_summaries(std::span(blob).first(blob.size() - 3)));
  CHECK(store::unpack_summaries({})->empty());
}
