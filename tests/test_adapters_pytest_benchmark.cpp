#include "support/adapter_fixtures.hpp"

using namespace perfwatch;
using namespace perfwatch::testing;

// Real pytest-benchmark 3.2.2 output; see tests/fixtures/README.md.
TEST_CASE("parse_pytest_benchmark") {
  SUBCASE("stats.data: every round is a sample, seconds become ns") {
    const SuiteResult s = parse_fixture("pytest-benchmark", "pytest-benchmark/with_data.json");
    CHECK_FALSE(s.aggregate_only);
    REQUIRE(s.benchmarks.size() == 3);  // the test that raised is not in pytest-benchmark's JSON
    const BenchmarkResult& small = find_benchmark(s, "test_bench.py::test_parse_small");
    CHECK(small.latency->unit == "ns");
    CHECK(small.latency->values.size() == 39);
    CHECK(find_benchmark(s, "test_bench.py::test_parse_sized[10]").latency->values.size() == 70);
  }
  SUBCASE("a saved run without data: the median is the one value, aggregate-only") {
    const SuiteResult s = parse_fixture("pytest-benchmark", "pytest-benchmark/saved_stats_only.json");
    CHECK(s.aggregate_only);
    const BenchmarkResult& small = find_benchmark(s, "test_bench.py::test_parse_small");
    REQUIRE(small.latency->values.size() == 1);
    CHECK(small.latency->values[0] > 0);
    CHECK(small.latency->values[0] < 1e6);  // a few microseconds, in ns
  }
  SUBCASE("bad input names the field") {
    CHECK(parse_error("pytest-benchmark", R"({"benchmarks":[{"name":"t","stats":{"data":[1,"2"]}}]})").find("benchmarks[0].stats.data[1]") != std::string::npos);
    CHECK(parse_error("pytest-benchmark", R"({"benchmarks":[{"name":"t","stats":{}}]})").find("benchmarks[0].stats.median: missing required field") != std::string::npos);
  }
}
