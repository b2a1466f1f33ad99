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
