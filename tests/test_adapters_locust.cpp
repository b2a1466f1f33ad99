#include "support/adapter_fixtures.hpp"

using namespace perfwatch;
using namespace perfwatch::testing;

// Built from Locust 2.x's documented --csv columns; see tests/fixtures/README.md.
TEST_CASE("parse_locust") {
  SUBCASE("_stats.csv: the 95% column (ms), Requests/s and failures, per request and Aggregated") {
    const SuiteResult s = parse_fixture("locust", "locust/run_stats.csv");
    CHECK(s.aggregate_only);
    const BenchmarkResult& login = find_benchmark(s, "POST /login");
    CHECK(login.latency->values == std::vector<double>{210e6});
    CHECK(login.throughput->values == std::vector<double>{5.02});
    CHECK(login.errors == 12);
    CHECK(login.requests == 301);
    CHECK(find_benchmark(s, "Aggregated").latency->values == std::vector<double>{140e6});
    CHECK(find_benchmark(s, "GET /items?q=größe, \"pipe\" | slash").requests == 150);  // a quoted CSV field
  }
  SUBCASE("a request that was never made (N/A percentiles) has no latency") {
    const SuiteResult s = parse_fixture("locust", "locust/run_stats.csv");
    const BenchmarkResult& never = find_benchmark(s, "GET /never");
    CHECK_FALSE(never.latency);
    CHECK(never.requests == 0);
  }
  SUBCASE("_stats_history.csv: each interval's rate is a throughput sample") {
    const SuiteResult s = parse_fixture("locust", "locust/run_stats_history.csv");
    CHECK_FALSE(s.aggregate_only);
    const BenchmarkResult& all = find_benchmark(s, "Aggregated");
    CHECK(all.throughput->values == std::vector<double>{24.1, 27.9, 28.4});
    CHECK(all.requests == 402);
    CHECK(all.errors == 3);
  }
  SUBCASE("bad input names the line and column") {
    CHECK(parse_error("locust", "Type,Name,Request Count,Failure Count,Requests/s,95%\nGET,/,ten,0,1,2\n") ==
          "input:2: column \"Request Count\": expected a non-negative number, got \"ten\"");
    CHECK(parse_error("locust", "Type,Name,Request Count,Failure Count,Requests/s,95%\nGET,/,10\n") ==
          "input:2: CSV row: expected 6 fields like the header, got \"3 fields\"");
    CHECK(parse_error("locust", "Type,Name,Request Count\n").find("input:1: CSV header: expected a \"Requests/s\" column") == 0);
  }
}
