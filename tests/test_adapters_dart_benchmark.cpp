#include <doctest/doctest.h>

#include "support/adapter_fixtures.hpp"

using namespace perfwatch;
using namespace perfwatch::testing;

// benchmark_harness's README output and lines in its emitters' format
// (tests/fixtures/README.md); the values below are the ones in those files.
TEST_CASE("parse_dart_benchmark") {
  SUBCASE("RunTime in us, kept in ns") {
    const SuiteResult s = parse_fixture("dart-benchmark-harness", "dart-benchmark-harness/readme_output.txt");
    REQUIRE(s.benchmarks.size() == 1);
    CHECK(find_benchmark(s, "Template").latency->values == std::vector<double>{0.1568472448997197 * 1e3});
  }
  SUBCASE("PerfBenchmarkBase: each report a sample; perf's counters counts of their own; the iteration count left out") {
    const SuiteResult s = parse_fixture("dart-benchmark-harness", "dart-benchmark-harness/perf_emitter.txt");
    CHECK(find_benchmark(s, "Parse").latency->values == std::vector<double>{12.5e3, 12.75e3});
    CHECK(find_benchmark(s, "Parse:CpuCycles").latency->values == std::vector<double>{41250});
    CHECK(find_benchmark(s, "Parse:CpuCycles").latency->unit == "CpuCycles");
    CHECK(find_benchmark(s, "Parse:MajorPageFaults").latency->values == std::vector<double>{0});
    CHECK(s.benchmarks.size() == 3);
  }
  SUBCASE("bad input") {
    CHECK(parse_error("dart-benchmark-harness", "X(RunTime): 1.5 ms\n").find(":1: X(RunTime): expected a time in us") !=
          std::string::npos);
    CHECK(parse_error("dart-benchmark-harness", "hello\n").find("expected benchmark_harness lines") != std::string::npos);
  }
}
