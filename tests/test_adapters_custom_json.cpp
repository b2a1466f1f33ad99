#include "support/adapter_fixtures.hpp"
#include "support/error_of.hpp"

using namespace perfwatch;
using namespace perfwatch::testing;

// github-action-benchmark's own test data (test/data/extract/); see tests/fixtures/README.md.
TEST_CASE("parse_custom_smaller_is_better") {
  const SuiteResult s = parse_fixture("custom-smaller-is-better", "custom-smaller-is-better/customSmallerIsBetter_output2.json");
  CHECK(s.aggregate_only);
  REQUIRE(s.benchmarks.size() == 4);
  CHECK(find_benchmark(s, "No instrumentation").latency->values == std::vector<double>{90.9439});
  CHECK(find_benchmark(s, "Binary file").latency->values == std::vector<double>{3886.75});
  CHECK(find_benchmark(s, "Binary file").latency->unit == "ns");
  SUBCASE("a time unit is kept in ns, any other unit as it is (lower is better)") {
    const SuiteResult t = parse_results("custom-smaller-is-better",
                                        R"([{"name":"a","unit":"ms","value":1.5},{"name":"b","unit":"bytes","value":4096}])", "input");
    CHECK(find_benchmark(t, "a").latency->values == std::vector<double>{1.5e6});
    CHECK(find_benchmark(t, "b").latency->unit == "bytes");
  }
  SUBCASE("bad input names the entry and field") {
    CHECK(parse_error("custom-smaller-is-better", R"([{"name":"a","unit":"ns","value":"fast"}])") ==
          "input: [0].value: expected a number, got a string \"fast\"");
    CHECK(parse_error("custom-smaller-is-better", R"([{"name":"a","value":1}])").find("[0]") != std::string::npos);
  }
}

TEST_CASE("parse_custom_bigger_is_better") {
  const SuiteResult s = parse_fixture("custom-bigger-is-better", "custom-bigger-is-better/customBiggerIsBetter_output.json");
  REQUIRE(s.benchmarks.size() == 2);
  const BenchmarkResult& rate = find_benchmark(s, "My Custom Bigger Is Better Benchmark - Throughput");
  REQUIRE(rate.throughput);  // the slot where higher is better
  CHECK(rate.throughput->unit == "req/s");
  CHECK(rate.throughput->values == std::vector<double>{70});
  CHECK_FALSE(rate.latency);
  CHECK(find_benchmark(s, "My Custom Bigger Is Better Benchmark - Free Memory").throughput->values == std::vector<double>{150});
}

TEST_CASE("detect_format on github-action-benchmark's custom JSON") {
  // The file does not say which way is better: auto asks, naming both formats.
  const std::string message = error_of([] {
    detect_format(read_file(fixture_path("custom-smaller-is-better/customSmallerIsBetter_output2.json")), "bench.json");
  });
  CHECK(message ==
        "bench.json: github-action-benchmark's custom JSON (name, unit, value) does not say which way is better: "
        "name it, --format custom-smaller-is-better or --format custom-bigger-is-better");
}
