#include "support/adapter_fixtures.hpp"

using namespace perfwatch;
using namespace perfwatch::testing;

// Real `go test -bench . -benchmem -count 3` output of Go 1.19; see tests/fixtures/README.md.
TEST_CASE("parse_gotest") {
  const SuiteResult s = parse_fixture("gotest", "gotest/count3_benchmem.txt");
  SUBCASE("each count is a sample; the GOMAXPROCS suffix is dropped") {
    const BenchmarkResult& split = find_benchmark(s, "BenchmarkSplit");
    CHECK(split.latency->values == std::vector<double>{6022, 4971, 4716});
    REQUIRE(split.throughput);
    CHECK(split.throughput->unit == "MB/s");
    CHECK(split.throughput->values == std::vector<double>{99.64, 120.70, 127.21});
  }
  SUBCASE("B/op and allocs/op are benchmarks of their own") {
    CHECK(find_benchmark(s, "BenchmarkSplit:B/op").latency->values == std::vector<double>{4864, 4864, 4864});
    CHECK(find_benchmark(s, "BenchmarkSplit:allocs/op").latency->unit == "allocs/op");
  }
  SUBCASE("sub-benchmarks keep their names, unicode and | included") {
    CHECK(find_benchmark(s, "BenchmarkJoin/small_input").latency->values.size() == 3);
    CHECK(find_benchmark(s, "BenchmarkJoin/größe|pipe").latency->values == std::vector<double>{103.7, 78.96, 76.22});
  }
  SUBCASE("--- FAIL records a failure with its first log line") {
    const BenchmarkResult& broken = find_benchmark(s, "BenchmarkBroken");
    REQUIRE(broken.failure);
    CHECK(*broken.failure == "parse_test.go:30: fixture: this benchmark fails on purpose");
  }
  SUBCASE("bad input names the line") {
    CHECK(parse_error("gotest", "BenchmarkX-2   100   12x ns/op\n") == "input:1: BenchmarkX-2 ns/op: expected a number, got \"12x\"");
    CHECK(parse_error("gotest", "PASS\nok  x 0.1s\n").find("expected `go test -bench` lines") != std::string::npos);
  }
}

// Real Go 1.19 output of b.ReportMetric (metrics_test.go.txt): a benchmark
// whose ns/op is reported as 0 prints only its own units.
TEST_CASE("parse_gotest with b.ReportMetric") {
  const SuiteResult s = parse_fixture("gotest", "gotest/custom_metrics.txt");
  CHECK(find_benchmark(s, "BenchmarkCollisions:collisions/op").latency->values == std::vector<double>{976.0, 976.0, 976.0});
  for (const BenchmarkResult& b : s.benchmarks) CHECK(b.name != "BenchmarkCollisions");  // no time was printed: none is kept
  CHECK(find_benchmark(s, "BenchmarkSortRate").latency->values == std::vector<double>{493776, 537872, 546939});
  const BenchmarkResult& rate = find_benchmark(s, "BenchmarkSortRate:items/s");
  REQUIRE(rate.throughput);  // a rate: higher is better
  CHECK(rate.throughput->values == std::vector<double>{8295355, 7615276, 7489003});
  SUBCASE("a file of custom metrics alone") {
    const SuiteResult only = parse_fixture("gotest", "gotest/custom_only.txt");
    REQUIRE(only.benchmarks.size() == 1);
    CHECK(only.benchmarks[0].name == "BenchmarkCollisions:collisions/op");
  }
}
