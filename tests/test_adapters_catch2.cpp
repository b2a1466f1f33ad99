#include "support/adapter_fixtures.hpp"

using namespace perfwatch;
using namespace perfwatch::testing;

// v2: real Catch2 2.13.10 output; v3: the same run in v3's XML layout; see tests/fixtures/README.md.
TEST_CASE("parse_catch2") {
  for (const char* file : {"catch2/v2_xml.xml", "catch2/v3_xml.xml"}) {
    CAPTURE(file);
    const SuiteResult s = parse_fixture("catch2", file);
    CHECK(s.aggregate_only);
    CHECK(s.suite == "bench");
    REQUIRE(s.benchmarks.size() == 4);
    CHECK(find_benchmark(s, "Fibonacci/fib 15").latency->values == std::vector<double>{537.74});
    CHECK(find_benchmark(s, "Fibonacci/fib 20 | größer/slash").latency->values == std::vector<double>{6752.74});
    const BenchmarkResult& throws = find_benchmark(s, "Strings/throws");
    REQUIRE(throws.failure);
    CHECK(*throws.failure == "fixture: fails on purpose");
  }
  SUBCASE("--benchmark-no-analysis: the mean is still there") {
    CHECK(parse_fixture("catch2", "catch2/v2_no_analysis.xml").benchmarks.size() == 4);
  }
  SUBCASE("bad input names the line") {
    CHECK(parse_error("catch2", "<Catch><TestCase name=\"a\"><BenchmarkResults name=\"b\">").find("input:1: malformed XML") == 0);
    CHECK(parse_error("catch2", "<Catch>\n<TestCase name=\"a\">\n<BenchmarkResults name=\"b\"><mean value=\"x\"/></BenchmarkResults></TestCase></Catch>") ==
          "input:3: a/b: <mean> value: expected a non-negative number, got \"x\"");
    CHECK(parse_error("catch2", "<testsuites/>").find("<Catch2TestRun>") != std::string::npos);
  }
}

// Real Catch2 2.13.10 console output (its default reporter); see tests/fixtures/README.md.
// The expected figures are the means the files print, in ns.
TEST_CASE("parse_catch2_console") {
  const SuiteResult s = parse_fixture("catch2", "catch2/v2_console.txt");
  CHECK(s.aggregate_only);
  REQUIRE(s.benchmarks.size() == 4);
  CHECK(find_benchmark(s, "Fibonacci/fib 15").latency->values[0] == doctest::Approx(6520.58));  // "6.52058 us"
  CHECK(find_benchmark(s, "Fibonacci/fib 20 | größer/slash").latency->values[0] == doctest::Approx(28831.9));
  CHECK(find_benchmark(s, "Strings/concat").latency->values == std::vector<double>{88.6058});  // "88.6058 ns"
  const BenchmarkResult& throws = find_benchmark(s, "Strings/throws");
  REQUIRE(throws.failure);
  CHECK(*throws.failure == "fixture: fails on purpose");  // as the XML reporter says it
  CHECK_FALSE(throws.latency);

  SUBCASE("a name wrapped over two lines is one name; a section's benchmark is its test case's") {
    const SuiteResult w = parse_fixture("catch2", "catch2/v2_console_wrapped.txt");
    REQUIRE(w.benchmarks.size() == 2);
    CHECK(find_benchmark(w, "Containers/std::vector<int> push_back of 1000 elements, reserved up front").latency->values[0] ==
          doctest::Approx(826.858));
    CHECK(find_benchmark(w, "Containers/accumulate 1e4").latency->values[0] == doctest::Approx(11224.2));
  }
  SUBCASE("--benchmark-no-analysis: the mean is the table's last column") {
    const SuiteResult n = parse_fixture("catch2", "catch2/v2_console_no_analysis.txt");
    REQUIRE(n.benchmarks.size() == 2);
    CHECK(find_benchmark(n, "Containers/std::vector<int> push_back of 1000 elements, reserved up front").latency->values[0] ==
          doctest::Approx(815.977));
    CHECK(find_benchmark(n, "Containers/accumulate 1e4").latency->values[0] == doctest::Approx(8796.98));
  }
  SUBCASE("another project's file: wider columns, \"est run time\" (github-action-benchmark's test data)") {
    const SuiteResult g = parse_fixture("catch2", "catch2/github-action-benchmark_catch2_output_v3.txt");
    REQUIRE(g.benchmarks.size() == 4);
    CHECK(find_benchmark(g, "Fibonacci/Fibonacci 10").latency->values == std::vector<double>{344});  // "344 ns"
    CHECK(find_benchmark(g, "Fibonacci/Fibonacci 20").latency->values[0] == doctest::Approx(41731));  // "41.731 us"
    CHECK(find_benchmark(g, "More Fibonacci/Fibonacci~ 5!").latency->values == std::vector<double>{36});
    CHECK(find_benchmark(g, "More Fibonacci/Fibonacci-15_bench").latency->values[0] == doctest::Approx(3789));
  }
  SUBCASE("console output without benchmarks, or a table cut short, says so in Catch2's terms") {
    CHECK(parse_error("catch2", "Filters: [!benchmark]\nNo test cases matched '[!benchmark]'\n").find(
              "expected Catch2's XML reporter output (-r xml) or its console output with benchmark tables") != std::string::npos);
    CHECK(parse_error("catch2",
                      "benchmark name                       samples       iterations    estimated\n"
                      "-------------------------------------------------------------------------------\n"
                      "fib 15                                          20            41    1.54078 ms\n") ==
          "input:3: fib 15: mean: expected Catch2's line of mean, low mean and high mean (\"1.77 us 1.75 us 1.83 us\"), got \"end of file\"");
  }
}
