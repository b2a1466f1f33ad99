#include <doctest/doctest.h>

#include "support/adapter_fixtures.hpp"

using namespace perfwatch;
using namespace perfwatch::testing;

// github-action-benchmark's test file of Luau's bench.py output
// (tests/fixtures/README.md); the values below are the ones in it.
TEST_CASE("parse_luau") {
  const SuiteResult s = parse_fixture("luau-bench", "luau-bench/github-action-benchmark_benchmarkluau_output.txt");
  CHECK(s.aggregate_only);
  REQUIRE(s.benchmarks.size() == 3);  // the table repeats them, and its Total is no test
  CHECK(find_benchmark(s, "base64").latency->values == std::vector<double>{15.041 * 1e6});
  CHECK(find_benchmark(s, "chess").latency->values == std::vector<double>{69.560 * 1e6});
  CHECK(find_benchmark(s, "life").latency->values == std::vector<double>{85.089 * 1e6});
  SUBCASE("a failed test") {
    const SuiteResult f = parse_results("luau-bench", "FAILED:  'mandel' on './luau-next'\n", "bench.txt");
    CHECK(find_benchmark(f, "mandel").failure.value().find("'mandel' on './luau-next'") != std::string::npos);
  }
  SUBCASE("bad input") {
    CHECK(parse_error("luau-bench", "SUCCESS: x   :   1.5s +/- 0.1% on luau\n")
              .find(":1: x: expected an average in ms") != std::string::npos);
    CHECK(parse_error("luau-bench", "Total | 1 |\n").find("expected Luau bench.py lines") != std::string::npos);
  }
}
