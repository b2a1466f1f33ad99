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
    CHECK(parse_error("cargo-bench", "test a ... bench:   12 ms\n").find("\"<number> <unit>/iter\"") != std::string::npos);
  }
  SUBCASE("other time units are kept in ns, μs (U+03BC) and µs (U+00B5) alike") {
    const SuiteResult t = parse_results("cargo-bench",
                                        "test a ... bench:   12 ms/iter (+/- 1)\ntest b ... bench: 3.5 \u03bcs/iter (+/- 0.1)\n"
                                        "test c ... bench: 3.5 \u00b5s/iter (+/- 0.1)\n",
                                        "input");
    CHECK(find_benchmark(t, "a").latency->values == std::vector<double>{12e6});
    CHECK(find_benchmark(t, "b").latency->values[0] == doctest::Approx(3500));
    CHECK(find_benchmark(t, "c").latency->values[0] == doctest::Approx(3500));
  }
}

// Criterion's --output-format bencher with a custom measurement (its
// BencherReport's lines, see tests/fixtures/README.md): the unit as printed.
TEST_CASE("parse_cargo_bench, Criterion's bencher output in cycles") {
  const SuiteResult s = parse_fixture("cargo-bench", "cargo-bench/criterion_bencher_cycles.txt");
  REQUIRE(s.benchmarks.size() == 3);
  const BenchmarkResult& small = find_benchmark(s, "parse/small");
  CHECK(small.latency->unit == "cycles/iter");
  CHECK(small.latency->values == std::vector<double>{1204});
  CHECK(find_benchmark(s, "parse/large").latency->values == std::vector<double>{512080});
  CHECK(find_benchmark(s, "tokenize").latency->values == std::vector<double>{88311});
}

// github-action-benchmark's test data: cycles per iteration, and rates.
TEST_CASE("parse_cargo_bench, custom units and rates") {
  const SuiteResult s = parse_fixture("cargo-bench", "cargo-bench/github-action-benchmark_cargo_output_units.txt");
  REQUIRE(s.benchmarks.size() == 5);
  CHECK(find_benchmark(s, "cmov").latency->values == std::vector<double>{2835});
  CHECK(find_benchmark(s, "cmov").latency->unit == "cycles/iter");
  const BenchmarkResult& upload = find_benchmark(s, "upload");
  REQUIRE(upload.throughput);  // "1911 MS/s": a rate, higher is better
  CHECK(upload.throughput->unit == "MS/s");
  CHECK(upload.throughput->values == std::vector<double>{1911});
  CHECK_FALSE(upload.latency);
  CHECK(find_benchmark(s, "download").throughput->values == std::vector<double>{9001});
}
