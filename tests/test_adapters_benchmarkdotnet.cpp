#include "support/adapter_fixtures.hpp"

using namespace perfwatch;
using namespace perfwatch::testing;

// Built from BenchmarkDotNet 0.13's documented full JSON exporter; see tests/fixtures/README.md.
TEST_CASE("parse_benchmarkdotnet") {
  const SuiteResult s = parse_fixture("benchmarkdotnet", "benchmarkdotnet/report-full.json");
  SUBCASE("Statistics.OriginalValues are the samples, in ns") {
    const BenchmarkResult& sha = find_benchmark(s, "Perfwatch.Benchmarks.Md5VsSha256.Sha256(N: 1000)");
    CHECK(sha.latency->unit == "ns");
    CHECK(sha.latency->values.size() == 15);
    CHECK(sha.latency->values[4] == 5310.4);
  }
  SUBCASE("allocated bytes per operation are a benchmark of their own") {
    CHECK(find_benchmark(s, "Perfwatch.Benchmarks.Md5VsSha256.Sha256(N: 1000):allocated B/op").latency->values ==
          std::vector<double>{112});
  }
  SUBCASE("Statistics null is a failure") {
    CHECK(find_benchmark(s, "Perfwatch.Benchmarks.Md5VsSha256.Throws(N: 1000)").failure);
  }
  SUBCASE("0.9-0.11's statistics without measurements: the median, aggregate-only") {
    CHECK_FALSE(s.aggregate_only);
    const SuiteResult old = parse_fixture("benchmarkdotnet", "benchmarkdotnet/report-statistics-only.json");
    CHECK(old.aggregate_only);
    CHECK(find_benchmark(old, "Perfwatch.Benchmarks.Md5VsSha256.Sha256(N: 1000)").latency->values == std::vector<double>{5201.2});
    CHECK(find_benchmark(old, "Perfwatch.Benchmarks.Md5VsSha256.Md5(N: 1000)").latency->values == std::vector<double>{2102.05});
    CHECK(find_benchmark(old, "Perfwatch.Benchmarks.Md5VsSha256.Throws(N: 1000)").failure);
    CHECK(parse_error("benchmarkdotnet", R"({"Benchmarks":[{"FullName":"a","Statistics":{"N":3}}]})").find(
              "Benchmarks[0].Statistics.OriginalValues: expected the measurements (OriginalValues) or at least their Median") == 7);
  }
  SUBCASE("bad input names the field") {
    CHECK(parse_error("benchmarkdotnet", R"({"Benchmarks":[{"FullName":"a","Statistics":{"OriginalValues":[1,-2]}}]})") ==
          "input: Benchmarks[0].Statistics.OriginalValues[1]: expected a non-negative finite number, got -2");
  }
}
