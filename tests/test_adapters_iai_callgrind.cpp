#include <doctest/doctest.h>

#include "support/adapter_fixtures.hpp"

using namespace perfwatch;
using namespace perfwatch::testing;

// iai-callgrind's own output, as its book prints it (tests/fixtures/README.md):
// the values below are the ones in those files.
TEST_CASE("parse_iai_callgrind") {
  SUBCASE("Instructions are the benchmark's callgrind count; this run's value, not the previous one") {
    const SuiteResult s = parse_fixture("iai-callgrind", "iai-callgrind/library_second_run.txt");
    const BenchmarkResult& shorter = find_benchmark(s, "library_benchmark::bench_fibonacci_group::bench_fibonacci short:10");
    REQUIRE(shorter.instructions);
    CHECK(shorter.instructions->values == std::vector<double>{2805});
    CHECK(shorter.instructions_source == "callgrind");
    CHECK_FALSE(shorter.latency);
    const BenchmarkResult& longer = find_benchmark(s, "library_benchmark::bench_fibonacci_group::bench_fibonacci long:30");
    CHECK(longer.instructions->values == std::vector<double>{16201597});
  }
  SUBCASE("every other event count is a count of its own, lower is better") {
    const SuiteResult s = parse_fixture("iai-callgrind", "iai-callgrind/library_second_run.txt");
    REQUIRE(s.benchmarks.size() == 12);  // 2 benchmarks x (instructions + 5 events)
    const std::string b = "library_benchmark::bench_fibonacci_group::bench_fibonacci short:10";
    CHECK(find_benchmark(s, b + ":L1 Hits").latency->values == std::vector<double>{3815});
    CHECK(find_benchmark(s, b + ":L1 Hits").latency->unit == "events");
    CHECK(find_benchmark(s, b + ":LL Hits").latency->values == std::vector<double>{0});
    CHECK(find_benchmark(s, b + ":Total read+write").latency->values == std::vector<double>{3818});
    CHECK(find_benchmark(s, b + ":Estimated Cycles").latency->values == std::vector<double>{3920});
    CHECK(find_benchmark(s, b + ":Estimated Cycles").latency->unit == "cycles");
  }
  SUBCASE("all callgrind metrics: raw events kept, hit and miss rates left out") {
    const SuiteResult s = parse_fixture("iai-callgrind", "iai-callgrind/all_metrics.txt");
    const std::string b = "test_lib_bench_readme_example_fibonacci::bench_fibonacci_group::bench_fibonacci short:10";
    CHECK(find_benchmark(s, b).instructions->values == std::vector<double>{1734});
    CHECK(find_benchmark(s, b + ":Dr").latency->values == std::vector<double>{270});
    CHECK(find_benchmark(s, b + ":I1mr").latency->values == std::vector<double>{3});
    CHECK(find_benchmark(s, b + ":RAM Hits").latency->values == std::vector<double>{3});
    for (const BenchmarkResult& r : s.benchmarks) CHECK(r.name.find("Rate") == std::string::npos);
    CHECK(s.benchmarks.size() == 1 + 13);  // Instructions, 13 event counts, 8 rates left out
  }
  SUBCASE("DHAT's section: bytes and blocks") {
    const SuiteResult s = parse_fixture("iai-callgrind", "iai-callgrind/callgrind_dhat.txt");
    const std::string b = "lib_bench_dhat::my_group::bench_library worst_case_3:vec! [3, 2, 1]";
    CHECK(find_benchmark(s, b).instructions->values == std::vector<double>{83});
    CHECK(find_benchmark(s, b + ":Total bytes").latency->values == std::vector<double>{12});
    CHECK(find_benchmark(s, b + ":Total bytes").latency->unit == "bytes");
    CHECK(find_benchmark(s, b + ":Total blocks").latency->unit == "blocks");
    CHECK(find_benchmark(s, b + ":Writes bytes").latency->values == std::vector<double>{36});
  }
  SUBCASE("compare_by_id: the comparison blocks repeat another benchmark's counts and are skipped") {
    const SuiteResult s = parse_fixture("iai-callgrind", "iai-callgrind/compare_by_id.txt");
    CHECK(s.benchmarks.size() == 6 * 6);
    const std::string worst = "my_benchmark::bubble_sort_group::bubble_sort_worst_case case_2:vec! [2, 1]";
    CHECK(find_benchmark(s, worst).instructions->values == std::vector<double>{66});
    CHECK(find_benchmark(s, "my_benchmark::bubble_sort_group::bubble_sort_best_case case_2:vec! [1, 2]")
              .instructions->values == std::vector<double>{63});
  }
  SUBCASE("a Baselines line is no count; a binary benchmark's command is cut off") {
    const SuiteResult base = parse_fixture("iai-callgrind", "iai-callgrind/baselines.txt");
    CHECK(find_benchmark(base, "my_benchmark::my_group::bench_library").instructions->values == std::vector<double>{214});
    CHECK(base.benchmarks.size() == 6);
    const SuiteResult bin = parse_fixture("iai-callgrind", "iai-callgrind/binary.txt");
    CHECK(find_benchmark(bin, "binary_benchmark::my_group::bench_binary some_id:(\"foo.txt\")").instructions->values ==
          std::vector<double>{342129});
  }
  SUBCASE("Gungraun 0.20's report, the same layout under its new name") {
    const SuiteResult s = parse_fixture("iai-callgrind", "iai-callgrind/gungraun_0.20_tolerance.txt");
    const std::string b = "lib_bench_tolerance::my_group::bench_hash_map tolerance:make_hashmap(100)";
    CHECK(find_benchmark(s, b).instructions->values == std::vector<double>{19787});
    CHECK(find_benchmark(s, b + ":RAM Hits").latency->values == std::vector<double>{22});
    CHECK(s.benchmarks.size() == 6);
  }
  SUBCASE("a perf metric with a time unit in brackets is a time, in ns") {
    const SuiteResult s = parse_results("iai-callgrind",
                                        "a::b::c\n  task-clock/u [us]:   201.900|N/A   (*********)\n"
                                        "  faults/u:   0|N/A   (*********)\nGungraun result: Ok.\n",
                                        "bench.txt");
    CHECK(find_benchmark(s, "a::b::c:task-clock/u [us]").latency->unit == "ns");
    CHECK(find_benchmark(s, "a::b::c:task-clock/u [us]").latency->values == std::vector<double>{201.9e3});
    CHECK(find_benchmark(s, "a::b::c:faults/u").latency->unit == "events");
  }
  SUBCASE("bad input") {
    CHECK(parse_error("iai-callgrind", "Iai-Callgrind result: Ok. 0 without regressions\n")
              .find("expected iai-callgrind's report") != std::string::npos);
    CHECK(parse_error("iai-callgrind", "a::b::c\n  Instructions:   12x|N/A   (*********)\n")
              .find(":2: Instructions: expected a number, got \"12x\"") != std::string::npos);
  }
}
