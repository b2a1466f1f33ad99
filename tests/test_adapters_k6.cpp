#include "support/adapter_fixtures.hpp"

using namespace perfwatch;
using namespace perfwatch::testing;

// Built from k6's documented --summary-export and handleSummary layouts; see tests/fixtures/README.md.
TEST_CASE("parse_k6") {
  SUBCASE("--summary-export: p(95) in ms, the request rate, failed requests") {
    const SuiteResult s = parse_fixture("k6", "k6/summary_export.json");
    CHECK(s.aggregate_only);
    const BenchmarkResult& http = find_benchmark(s, "http");
    CHECK(http.latency->values == std::vector<double>{163.4e6});
    CHECK(http.throughput->values == std::vector<double>{39.95});
    CHECK(http.errors == 36);  // "passes" of http_req_failed are the failed requests
    CHECK(http.requests == 1200);
    CHECK(find_benchmark(s, "iteration").latency->values == std::vector<double>{1165.0e6});
  }
  SUBCASE("tagged submetrics are benchmarks of their own") {
    const SuiteResult s = parse_fixture("k6", "k6/summary_export.json");
    const BenchmarkResult& login = find_benchmark(s, "http{name:login}");
    CHECK(login.latency->values == std::vector<double>{301.7e6});
    CHECK(login.errors == 30);
    CHECK(find_benchmark(s, "http{expected_response:true}").latency);
    CHECK(s.benchmarks.size() == 4);
  }
  SUBCASE("handleSummary's data: figures under values") {
    const SuiteResult s = parse_fixture("k6", "k6/handle_summary.json");
    const BenchmarkResult& http = find_benchmark(s, "http");
    CHECK(http.latency->values == std::vector<double>{74.9e6});
    CHECK(http.errors == 0);
    CHECK(http.requests == 5400);
  }
  SUBCASE("a trend without p(95) names the field") {
    CHECK(parse_error("k6", R"({"metrics":{"http_req_duration":{"avg":1,"med":1}}})") ==
          "input: metrics.http_req_duration.p(95): missing required field");
  }
}
