#include "support/adapter_fixtures.hpp"

using namespace perfwatch;
using namespace perfwatch::testing;

// Built from JMeter's documented CSV JTL columns; see tests/fixtures/README.md.
TEST_CASE("parse_jmeter") {
  const SuiteResult s = parse_fixture("jmeter", "jmeter/results.jtl");
  SUBCASE("every sample's elapsed ms is a latency sample; success=false is an error") {
    const BenchmarkResult& home = find_benchmark(s, "GET home");
    CHECK(home.latency->values == std::vector<double>{12e6, 9e6, 10e6, 8e6, 15e6});
    CHECK(home.errors == 1);
    CHECK(home.requests == 5);
  }
  SUBCASE("throughput: samples over the span from first start to last end") {
    // GET home: 5 samples from 1763863200000 to 1763863200085 + 15 = 100 ms.
    CHECK(find_benchmark(s, "GET home").throughput->values[0] == doctest::Approx(50.0));
  }
  SUBCASE("labels with commas, quotes, unicode and |") {
    const BenchmarkResult& missing = find_benchmark(s, "GET missing, größe | \"pipe\"");
    CHECK(missing.errors == 2);
    CHECK(missing.requests == 3);
  }
  SUBCASE("tab-separated (jmeter.save.saveservice.default_delimiter=\\t): the same results") {
    const SuiteResult tabs = parse_fixture("jmeter", "jmeter/results_tab.jtl");
    REQUIRE(tabs.benchmarks.size() == s.benchmarks.size());
    for (size_t i = 0; i < s.benchmarks.size(); ++i) CHECK(tabs.benchmarks[i] == s.benchmarks[i]);
    CHECK(find_benchmark(tabs, "GET home").latency->values == std::vector<double>{12e6, 9e6, 10e6, 8e6, 15e6});
  }
  SUBCASE("bad input names the line and column") {
    CHECK(parse_error("jmeter", "timeStamp,elapsed,label,success\n1,2,a,yes\n") ==
          "input:2: column \"success\": expected true or false, got \"yes\"");
    CHECK(parse_error("jmeter", "timeStamp,elapsed,label,success\n1,\"2,a,true\n").find("input:2: CSV: expected a closing quote") == 0);
    CHECK(parse_error("jmeter", "1763863200000,12,GET home,200,OK\n").find("CSV header: expected a \"timeStamp\" column") != std::string::npos);
  }
}
