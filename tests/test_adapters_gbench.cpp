#include "support/error_of.hpp"
#include "support/adapter_fixtures.hpp"

using namespace perfwatch;

namespace {

SuiteResult parse_fixture(const std::string& name) { return testing::parse_fixture("gbench", "gbench/" + name); }

const BenchmarkResult& find(const SuiteResult& s, const std::string& name) { return testing::find_benchmark(s, name); }

}  // namespace

// Fixtures are real Google Benchmark 1.7.1 output; see tests/fixtures/README.md.
TEST_CASE("parse_gbench") {
  SUBCASE("each repetition is a sample, aggregates are not") {
    const SuiteResult s = parse_fixture("repetitions.json");
    CHECK(s.benchmarks.size() == 5);
    const BenchmarkResult& tight = find(s, "BM_tight_loop/64");
    REQUIRE(tight.latency);
    CHECK(tight.latency->unit == "ns");
    CHECK(tight.latency->values ==
          std::vector<double>{27.549356803531303, 27.642633051164637, 27.804006769731057});
    REQUIRE(tight.throughput);
    CHECK(tight.throughput->unit == "items/s");
    CHECK(tight.throughput->values.size() == 3);
    CHECK(find(s, "BM_alloc").throughput->unit == "bytes/s");
  }
  SUBCASE("time_unit is honoured: ms become ns") {
    const SuiteResult s = parse_fixture("repetitions.json");
    const BenchmarkResult& sleep = find(s, "BM_sleep_ms/iterations:20");
    CHECK(sleep.latency->unit == "ns");
    CHECK(sleep.latency->values[0] == doctest::Approx(0.3211006000015004e6));
  }
  SUBCASE("an erroring benchmark is a recorded failure, not a missing row") {
    const SuiteResult s = parse_fixture("repetitions.json");
    const BenchmarkResult& failed = find(s, "BM_fails");
    CHECK_FALSE(failed.latency);
    CHECK(failed.failure == "backend unavailable");
    CHECK(failed.errors == 3);
  }
  SUBCASE("aggregates only: the median is the single value") {
    const SuiteResult s = parse_fixture("aggregates_only.json");
    CHECK(s.aggregate_only);
    const BenchmarkResult& tight = find(s, "BM_tight_loop/64");
    REQUIRE(tight.latency);
    CHECK(tight.latency->values.size() == 1);
  }
  SUBCASE("aggregate rows without aggregate_name (before 1.5): named by their suffix") {
    const SuiteResult s = parse_fixture("aggregates_no_aggregate_name.json");
    CHECK(s.aggregate_only);
    CHECK(find(s, "BM_tight_loop/64").latency->values == std::vector<double>{27.371541923780356});  // its _median row
    const SuiteResult with_names = parse_fixture("aggregates_only.json");
    REQUIRE(s.benchmarks.size() == with_names.benchmarks.size());
    for (size_t i = 0; i < s.benchmarks.size(); ++i) {
      CHECK(s.benchmarks[i].name == with_names.benchmarks[i].name);
      CHECK(s.benchmarks[i].latency == with_names.benchmarks[i].latency);  // the median row's real_time, not the mean's
    }
  }
  SUBCASE("no repetitions: one sample") {
    const SuiteResult s = parse_fixture("single.json");
    CHECK_FALSE(s.aggregate_only);
    CHECK(s.benchmarks.size() == 2);
    CHECK(s.benchmarks[0].latency->values.size() == 1);
  }
}

TEST_CASE("parse_gbench rejects bad rows") {
  CHECK(testing::error_of([] { parse_results("gbench", R"({"benchmarks":[{"name":"a","run_type":"iteration","real_time":-1,"time_unit":"ns"}]})", "g.json"); }) ==
        "g.json: benchmarks[0].real_time: expected a non-negative finite number, got -1");
  CHECK(testing::error_of([] { parse_results("gbench", R"({"benchmarks":[{"name":"a","real_time":1}]})", "g.json"); }) ==
        "g.json: benchmarks[0].time_unit: missing required field");
}

// counters.json: real Google Benchmark 1.7.1 output of counters_bench.cpp.
TEST_CASE("parse_gbench keeps user counters") {
  const SuiteResult s = parse_fixture("counters.json");
  CHECK_FALSE(s.aggregate_only);
  REQUIRE(s.benchmarks.size() == 3);
  CHECK(find(s, "BM_cache").latency->values.size() == 3);
  const BenchmarkResult& entries = find(s, "BM_cache:entries");
  CHECK(entries.latency->unit == "entries");
  CHECK(entries.latency->values == std::vector<double>{48, 48, 48});
  CHECK(find(s, "BM_cache:hits").latency->values[0] == doctest::Approx(488390487.41862106));
}
