#include "support/adapter_fixtures.hpp"

using namespace perfwatch;
using namespace perfwatch::testing;

// Real benchmark.js 2.1.4 output under Node 20; see tests/fixtures/README.md.
TEST_CASE("parse_benchmarkjs") {
  const SuiteResult s = parse_fixture("benchmarkjs", "benchmarkjs/suite.txt");
  CHECK(s.aggregate_only);
  CHECK(s.benchmarks.size() == 4);
  SUBCASE("ops/sec with thousands separators is the throughput") {
    const BenchmarkResult& indexof = find_benchmark(s, "String#indexOf");
    CHECK(indexof.throughput->unit == "ops/s");
    CHECK(indexof.throughput->values[0] > 1e8);
    CHECK(find_benchmark(s, "größe | pipe/slash").throughput->values.size() == 1);
  }
  SUBCASE("a benchmark that threw is a failure") { CHECK(find_benchmark(s, "throws").failure); }
  SUBCASE("bad input") {
    CHECK(parse_error("benchmarkjs", "a x 1,23 ops/sec ±1% (5 runs sampled)\n") == "input:1: a ops/sec: expected a number, got \"1,23\"");
    CHECK(parse_error("benchmarkjs", "nothing here\n").find("expected benchmark.js lines") != std::string::npos);
  }
}
