#include "support/adapter_fixtures.hpp"

using namespace perfwatch;
using namespace perfwatch::testing;

// Real hyperfine 1.15.0 output; see tests/fixtures/README.md.
TEST_CASE("parse_hyperfine") {
  SUBCASE("every run's time is a sample, in ns; names keep unicode, | and /") {
    const SuiteResult s = parse_fixture("hyperfine", "hyperfine/runs.json");
    REQUIRE(s.benchmarks.size() == 2);
    const BenchmarkResult& sleep = find_benchmark(s, "sleep 1ms");
    REQUIRE(sleep.latency);
    CHECK(sleep.latency->unit == "ns");
    CHECK(sleep.latency->values.size() == 12);
    for (double v : sleep.latency->values) CHECK(v > 1e6);  // sleep 0.001 takes at least 1 ms
    CHECK(sleep.errors == 0);
    CHECK(sleep.requests == 12);
    CHECK(find_benchmark(s, "parse ünïcode | pipe/slash").latency->values.size() == 12);
  }
  SUBCASE("non-zero exit codes (--ignore-failure) are errors") {
    const SuiteResult s = parse_fixture("hyperfine", "hyperfine/failures.json");
    const BenchmarkResult& fails = find_benchmark(s, "exits 1");
    CHECK(fails.errors == 5);
    CHECK(fails.requests == 5);
    CHECK(fails.latency->values.front() == doctest::Approx(0.010521011e9));
    CHECK(find_benchmark(s, "ok").errors == 0);
  }
  SUBCASE("bad input names the field") {
    CHECK(parse_error("hyperfine", R"({"results":[{"command":"x","times":["0.1"]}]})").find("results[0].times[0]") != std::string::npos);
    CHECK(parse_error("hyperfine", R"({"results":[{"command":"x"}]})").find("results[0].times: missing required field") != std::string::npos);
    CHECK(parse_error("hyperfine", R"({"results":[{"command":"x","times":[0.1])").find("input:1:") == 0);
  }
}
