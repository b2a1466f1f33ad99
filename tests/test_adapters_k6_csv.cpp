#include <doctest/doctest.h>

#include "support/adapter_fixtures.hpp"

using namespace perfwatch;
using namespace perfwatch::testing;

// The CSV rows of k6's documentation (tests/fixtures/README.md); the values
// below are the ones in that file.
TEST_CASE("parse_k6_csv") {
  SUBCASE("each http_req_duration and iteration_duration row a sample, ms kept in ns") {
    const SuiteResult s = parse_fixture("k6-csv", "k6-csv/docs_results.csv");
    CHECK_FALSE(s.aggregate_only);
    REQUIRE(s.benchmarks.size() == 2);
    CHECK(find_benchmark(s, "http").latency->values == std::vector<double>{221.899 * 1e6});
    CHECK(find_benchmark(s, "iteration").latency->values == std::vector<double>{1449.04958 * 1e6});
  }
  const std::string header = "metric_name,timestamp,metric_value,check,error,error_code,expected_response,group,method,name\n";
  SUBCASE("http_req_failed gives the errors; group_duration a benchmark per group") {
    const SuiteResult s = parse_results("k6-csv",
                                        header + "http_req_duration,1,10.5,,,,true,::home,GET,u\n"
                                                 "http_req_failed,1,0.000000,,,,true,::home,GET,u\n"
                                                 "http_req_duration,2,30.25,,,,false,::home,GET,u\n"
                                                 "http_req_failed,2,1.000000,,,,false,::home,GET,u\n"
                                                 "group_duration,3,2000.5,,,,,::home,,\n",
                                        "results.csv");
    const BenchmarkResult& http = find_benchmark(s, "http");
    CHECK(http.latency->values == std::vector<double>{10.5e6, 30.25e6});
    CHECK(http.requests == 2);
    CHECK(http.errors == 1);
    CHECK(find_benchmark(s, "group ::home").latency->values == std::vector<double>{2000.5e6});
  }
  SUBCASE("bad input") {
    CHECK(parse_error("k6-csv", header + "http_req_duration,1,fast,,,,,,,\n").find("input:2") != std::string::npos);
    CHECK(parse_error("k6-csv", header + "vus,1,1,,,,,,,\n").find("expected k6 http_req_duration") != std::string::npos);
    CHECK(parse_error("k6-csv", std::string("\x1f\x8b\x08\x00", 4)).find("gzipped k6 CSV") != std::string::npos);
  }
}
