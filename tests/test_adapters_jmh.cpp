#include "support/adapter_fixtures.hpp"

using namespace perfwatch;
using namespace perfwatch::testing;

// Built from JMH 1.37's documented -rf json layout; see tests/fixtures/README.md.
TEST_CASE("parse_jmh") {
  const SuiteResult s = parse_fixture("jmh", "jmh/results.json");
  SUBCASE("thrpt: every fork's every iteration is a sample, ops/ms scaled to ops/s; params in the name") {
    const BenchmarkResult& parse = find_benchmark(s, "org.perfwatch.ParseBench.parse[size=100]");
    REQUIRE(parse.throughput);
    CHECK(parse.throughput->unit == "ops/s");
    CHECK(parse.throughput->values == std::vector<double>{1488.1e3, 1520.7e3, 1541.3e3, 1566.2e3, 1499.9e3, 1524.3e3});
    CHECK_FALSE(parse.latency);
  }
  SUBCASE("per-op secondary metrics are benchmarks of their own; rates are not") {
    CHECK(find_benchmark(s, "org.perfwatch.ParseBench.parse[size=100]:gc.alloc.rate.norm").latency->values.size() == 6);
    for (const auto& b : s.benchmarks) CHECK(b.name.find("gc.alloc.rate:") == std::string::npos);
    CHECK(s.benchmarks.size() == 4);
  }
  SUBCASE("avgt: us/op become ns") {
    CHECK(find_benchmark(s, "org.perfwatch.ParseBench.parseUnicode").latency->values ==
          std::vector<double>{2250, 2300, 2320, 2390});
  }
  SUBCASE("sample: the histogram is expanded, counts kept") {
    const BenchmarkResult& latency = find_benchmark(s, "org.perfwatch.ParseBench.latency");
    CHECK(latency.latency->values.size() == 200);
    CHECK(std::count(latency.latency->values.begin(), latency.latency->values.end(), 900.0) == 5);
  }
  SUBCASE("bad input names the field") {
    CHECK(parse_error("jmh", R"([{"benchmark":"a","mode":"thrpt","primaryMetric":{"scoreUnit":"ops/s","rawData":[[1,"2"]]}}])") ==
          "input: [0].primaryMetric.rawData[0][1]: expected a non-negative finite number, got a string \"2\"");
    CHECK(parse_error("jmh", R"([{"benchmark":"a","mode":"fast","primaryMetric":{"scoreUnit":"ops/s","rawData":[[1]]}}])").find("thrpt, avgt, sample or ss") != std::string::npos);
  }
}
