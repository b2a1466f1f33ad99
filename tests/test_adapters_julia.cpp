#include <doctest/doctest.h>

#include "support/adapter_fixtures.hpp"

using namespace perfwatch;
using namespace perfwatch::testing;

// github-action-benchmark's test file of Julia BenchmarkTools output
// (tests/fixtures/README.md); the values below are the ones in it.
TEST_CASE("parse_julia") {
  SUBCASE("TrialEstimates (median(results)): one value each, named by the group keys") {
    const SuiteResult s =
        parse_fixture("julia-benchmarktools", "julia-benchmarktools/github-action-benchmark_julia_output.json");
    CHECK(s.aggregate_only);
    CHECK(find_benchmark(s, "fib/20").latency->values == std::vector<double>{31028.0});
    CHECK(find_benchmark(s, "fib/10").latency->values == std::vector<double>{246.03846153846155});
    CHECK(find_benchmark(s, "fib/10").latency->unit == "ns");
    CHECK(find_benchmark(s, "fib/10:memory").latency->values == std::vector<double>{0});
    CHECK(find_benchmark(s, "fib/10:allocs").latency->unit == "allocs");
    CHECK(s.benchmarks.size() == 6);
  }
  SUBCASE("a Trial (run(...) saved as it is): its times are the samples") {
    const std::string doc = R"([{"Julia": "1.10.0", "BenchmarkTools": "1.4.0"}, [["BenchmarkGroup", {"tags": [], "data": {
      "sort": ["Trial", {"allocs": 2, "gctimes": [0.0, 0.0, 0.0], "memory": 80, "params": ["Parameters", {"evals": 1}],
               "times": [1200.0, 1100.0, 1300.0]}],
      "ratio": ["TrialRatio", {"time": 1.1, "gctime": 1.0, "memory": 1.0, "allocs": 1.0, "params": ["Parameters", {}]}]}}]]])";
    const SuiteResult s = parse_results("julia-benchmarktools", doc, "out.json");
    CHECK_FALSE(s.aggregate_only);
    CHECK(find_benchmark(s, "sort").latency->values == std::vector<double>{1200, 1100, 1300});
    CHECK(find_benchmark(s, "sort:memory").latency->values == std::vector<double>{80});
    CHECK(s.benchmarks.size() == 3);  // the TrialRatio compares two runs: no result
  }
  SUBCASE("bad input") {
    CHECK(parse_error("julia-benchmarktools", R"([{"Julia": "1", "BenchmarkTools": "1"}, []])")
              .find("expected BenchmarkTools Trial or TrialEstimate values") != std::string::npos);
    CHECK(parse_error("julia-benchmarktools",
                      R"([{"Julia": "1", "BenchmarkTools": "1"}, [["Trial", {"times": [1, -2]}]]])")
              .find("[1][0][1].times[1]: expected a non-negative") != std::string::npos);
  }
}
