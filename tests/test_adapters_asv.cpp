#include <doctest/doctest.h>

#include "support/adapter_fixtures.hpp"

using namespace perfwatch;
using namespace perfwatch::testing;

// Real asv result files (tests/fixtures/README.md): version 2 from
// OpenMathLib/BLAS-Benchmarks' GitHub Actions runs, version 1 from asv's own
// test data. The values below are the ones in those files.
TEST_CASE("parse_asv") {
  SUBCASE("version 2: one benchmark a parameter combination, the first parameter varying slowest") {
    const SuiteResult s = parse_fixture("asv", "asv/blas_gha_ubuntu_noble.json");
    CHECK(s.aggregate_only);  // no --record-samples: each value is asv's median
    // Nrm2: n in 100..1000 (6) x variant 'd', 'dz' (2).
    CHECK(find_benchmark(s, "benchmarks.Nrm2.time_nrm2(100, 'd')").latency->values ==
          std::vector<double>{5.993068393421535e-07 * 1e9});
    CHECK(find_benchmark(s, "benchmarks.Nrm2.time_nrm2(100, 'dz')").latency->values ==
          std::vector<double>{6.499350280760506e-07 * 1e9});
    CHECK(find_benchmark(s, "benchmarks.Nrm2.time_nrm2(200, 'd')").latency->values ==
          std::vector<double>{6.543099558437391e-07 * 1e9});
    CHECK(find_benchmark(s, "benchmarks.dot.time_dot(1000)").latency->unit == "ns");
    size_t nrm2 = 0;
    for (const BenchmarkResult& b : s.benchmarks) nrm2 += b.name.starts_with("benchmarks.Nrm2.time_nrm2(");
    CHECK(nrm2 == 12);
  }
  SUBCASE("version 1: plain values; mem_ is a size in bytes, a count") {
    const SuiteResult s = parse_fixture("asv", "asv/v1_example.json");
    REQUIRE(s.benchmarks.size() == 12);
    CHECK(find_benchmark(s, "time_coordinates.time_latitude").latency->values == std::vector<double>{6.59472942352295e-05 * 1e9});
    CHECK(find_benchmark(s, "time_units.mem_unit").latency->unit == "bytes");
    CHECK(find_benchmark(s, "time_units.mem_unit").latency->values == std::vector<double>{728});
  }
  SUBCASE("null: the benchmark failed") {
    const SuiteResult s = parse_fixture("asv", "asv/v1_failed.json");
    REQUIRE(s.benchmarks.size() == 12);
    for (const BenchmarkResult& b : s.benchmarks) CHECK(b.failure.has_value());
  }
  SUBCASE("recorded samples, peakmem_, track_ and asv's bare NaN (a skipped combination)") {
    const std::string doc = R"({"commit_hash": "ab", "result_columns": ["result", "params", "version", "samples"],
      "results": {"s.time_p": [[2e-06, NaN], [["1", "2"]], "v", [[1e-06, 2e-06, 3e-06], null]],
                  "s.peakmem_x": [[1048576], [], "v"], "s.track_n": [[42], [], "v"]}, "version": 2})";
    const SuiteResult s = parse_results("asv", doc, "r.json");
    CHECK_FALSE(s.aggregate_only);
    CHECK(find_benchmark(s, "s.time_p(1)").latency->values == std::vector<double>{1e-06 * 1e9, 2e-06 * 1e9, 3e-06 * 1e9});
    for (const BenchmarkResult& b : s.benchmarks) CHECK(b.name != "s.time_p(2)");
    CHECK(find_benchmark(s, "s.peakmem_x").peak_rss_bytes == 1048576);
    CHECK(find_benchmark(s, "s.track_n").latency->unit == "unit");
    CHECK(detect_format(doc, "r.json") == "asv");  // not JSON (NaN), still recognised
  }
  SUBCASE("bad input") {
    CHECK(parse_error("asv", R"({"result_columns": ["result", "params"], "results": {"s.time_p": [[1, 2, 3], [["1", "2"]]]}})")
              .find("results.s.time_p: expected 2 results, one a parameter combination") != std::string::npos);
    CHECK(parse_error("asv", R"({"results": {"s.speed": 1}, "commit_hash": "a", "version": 1})")
              .find("expected an asv benchmark name (its function time_") != std::string::npos);
    CHECK(parse_error("asv", R"({"results": {}, "commit_hash": "a", "version": 1})").find("expected asv benchmark results, found none") !=
          std::string::npos);
  }
}
