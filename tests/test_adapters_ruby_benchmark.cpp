#include "support/adapter_fixtures.hpp"

using namespace perfwatch;
using namespace perfwatch::testing;

// Real output of Ruby 3.1's benchmark library (Debian `ruby`) running
// bm.rb.txt; see tests/fixtures/README.md.
TEST_CASE("parse_ruby_benchmark") {
  const SuiteResult s = parse_fixture("ruby-benchmark", "ruby-benchmark/bm_bmbm.txt");
  CHECK_FALSE(s.aggregate_only);
  REQUIRE(s.benchmarks.size() == 5);
  SUBCASE("each row's real time, s to ns; the label as printed, its padding ':' dropped") {
    CHECK(find_benchmark(s, "sort").latency->values == std::vector<double>{0.263577e9});
    CHECK(find_benchmark(s, "sort_by with block").latency->values == std::vector<double>{1.122495e9});
    CHECK(find_benchmark(s, "größe | pipe/slash").latency->values == std::vector<double>{0.056787e9});
  }
  SUBCASE("bmbm: the rehearsal is a warm-up, only the rows after it count") {
    CHECK(find_benchmark(s, "join").latency->values == std::vector<double>{0.105449e9});
    CHECK(find_benchmark(s, "inject").latency->values == std::vector<double>{0.085381e9});
  }
  SUBCASE("bad input") {
    CHECK(parse_error("ruby-benchmark", "      user     system      total        real\n").find("expected Ruby Benchmark.bm rows") !=
          std::string::npos);
    CHECK(parse_error("ruby-benchmark", "a  0.1  0.0  0.1 (  0.2)\n").find("expected Ruby Benchmark.bm rows") !=
          std::string::npos);  // rows without the header are not trusted
  }
}

// Real benchmark-ips 2.7.2 output (Debian `ruby-benchmark-ips`) of ips.rb.txt.
TEST_CASE("parse_benchmark_ips") {
  SUBCASE("its JSON: ips as the throughput, one value") {
    const SuiteResult s = parse_fixture("benchmark-ips", "benchmark-ips/ips.json");
    CHECK(s.aggregate_only);
    REQUIRE(s.benchmarks.size() == 3);
    CHECK(find_benchmark(s, "sort").throughput->unit == "i/s");
    CHECK(find_benchmark(s, "sort").throughput->values == std::vector<double>{602.9462518669384});
    CHECK(find_benchmark(s, "size | pipe/slash").throughput->values == std::vector<double>{6241772.663307418});
    CHECK_FALSE(find_benchmark(s, "sort").latency);
  }
  SUBCASE("its text: the Calculating rows, k and M suffixes applied") {
    const SuiteResult s = parse_fixture("benchmark-ips", "benchmark-ips/report.txt");
    REQUIRE(s.benchmarks.size() == 3);  // not the warm-up rows, not the comparison
    CHECK(find_benchmark(s, "sort").throughput->values == std::vector<double>{602.946});
    CHECK(find_benchmark(s, "sort_by").throughput->values == std::vector<double>{95.969});
    CHECK(find_benchmark(s, "size | pipe/slash").throughput->values[0] == doctest::Approx(6.242e6));
  }
  SUBCASE("bad input") {
    CHECK(parse_error("benchmark-ips", R"([{"name":"a","ips":-1,"central_tendency":1}])") ==
          "input: [0].ips: expected a non-negative finite number, got -1");
    CHECK(parse_error("benchmark-ips", "Calculating ------\n  a   fast  (\xC2\xB1" "1.0%) i/s -  3 in 1s\n") ==
          "input:2: a i/s: expected a non-negative number (k, M or B suffix), got \"fast\"");
    CHECK(parse_error("benchmark-ips", "nothing\n").find("expected benchmark-ips results") != std::string::npos);
  }
}
