#include "support/adapter_fixtures.hpp"

using namespace perfwatch;
using namespace perfwatch::testing;

// Real libtest output (rustc 1.95, RUSTC_BOOTSTRAP=1 cargo bench); see tests/fixtures/README.md.
TEST_CASE("parse_cargo_bench") {
  const SuiteResult s = parse_fixture("cargo-bench", "cargo-bench/libtest_bench.txt");
  CHECK(s.aggregate_only);
  SUBCASE("ns/iter with thousands separators and decimals") {
    CHECK(find_benchmark(s, "nested::slow_ms").latency->values == std::vector<double>{1317411.50});
    CHECK(find_benchmark(s, "parse_small").latency->values == std::vector<double>{10.75});
  }
  SUBCASE("= MB/s is the throughput") {
    const BenchmarkResult& large = find_benchmark(s, "parse_large_bytes");
    REQUIRE(large.throughput);
    CHECK(large.throughput->values == std::vector<double>{1173});
  }
  SUBCASE("FAILED is a failure with the panic message") {
    const BenchmarkResult& panics = find_benchmark(s, "panics");
    REQUIRE(panics.failure);
    CHECK(*panics.failure == "fixture: fails on purpose");
    CHECK(s.benchmarks.size() == 4);
  }
  SUBCASE("bad input names the line") {
    CHECK(parse_error("cargo-bench", "test a ... bench:   1,2 ns/iter (+/- 1)\n") == "input:1: a ns/iter: expected a number, got \"1,2\"");
    CHECK(parse_error("cargo-bench", "test a ... bench:   12 ms/iter\n").find("\"<number> ns/iter\"") != std::string::npos);
  }
}
