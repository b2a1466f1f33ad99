#include "support/adapter_fixtures.hpp"

using namespace perfwatch;
using namespace perfwatch::testing;

// Built from Bencher's documented Metric Format; see tests/fixtures/README.md.
TEST_CASE("parse_bmf") {
  const SuiteResult s = parse_fixture("bmf", "bmf/results.json");
  CHECK(s.aggregate_only);
  SUBCASE("latency (ns) and throughput, one value each") {
    const BenchmarkResult& small = find_benchmark(s, "parser::small");
    CHECK(small.latency->values == std::vector<double>{88.0});
    CHECK(small.throughput->values == std::vector<double>{11363636.0});
    CHECK(find_benchmark(s, "parser::größe | pipe/slash").latency->values == std::vector<double>{3120.5});
  }
  SUBCASE("another measure is a benchmark of its own, lower is better") {
    const BenchmarkResult& size = find_benchmark(s, "binary:file-size");
    CHECK(size.latency->unit == "file-size");
    CHECK(size.latency->values == std::vector<double>{2457600.0});
  }
  SUBCASE("bad input names the field") {
    CHECK(parse_error("bmf", R"({"a":{"latency":{"value":"12"}}})") == "input: a.latency.value: expected a number, got a string \"12\"");
    CHECK(parse_error("bmf", R"({"a":{"latency":{"value":1,"lower_value":"x"}}})").find("a.latency.lower_value") != std::string::npos);
  }
}
