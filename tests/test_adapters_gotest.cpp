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
