#include "support/adapter_fixtures.hpp"

using namespace perfwatch;
using namespace perfwatch::testing;

// Real console.time output of timings.js.txt: Node 20 on stdout, and Chromium
// 156's console messages through Playwright; see tests/fixtures/README.md.
TEST_CASE("parse_console_time") {
  SUBCASE("Node: every timeEnd line of a label is one sample, ms and s to ns") {
    const SuiteResult s = parse_fixture("console-time", "console-time/node20.txt");
    CHECK_FALSE(s.aggregate_only);
    REQUIRE(s.benchmarks.size() == 5);
    CHECK(s.benchmarks[0].name == "sort 200k");  // in the order labels first appear
    const BenchmarkResult& sort = find_benchmark(s, "sort 200k");
    CHECK(sort.latency->unit == "ns");
    REQUIRE(sort.latency->values.size() == 5);
    CHECK(sort.latency->values[0] == doctest::Approx(176.708e6));
    CHECK(sort.latency->values[4] == doctest::Approx(158.664e6));
    const BenchmarkResult& json = find_benchmark(s, "json: stringify + parse");  // ": " inside the label
    CHECK(json.latency->values[1] == doctest::Approx(31.847e6));
    CHECK(find_benchmark(s, "größe | pipe/slash").latency->values[4] == doctest::Approx(0.226e6));
    CHECK(find_benchmark(s, "slow step").latency->values == std::vector<double>{1.101e9});  // "1.101s"
    // console.timeLog with data ("0.138ms halfway") is an intermediate reading: only the timeEnd counts.
    CHECK(find_benchmark(s, "with a log").latency->values == std::vector<double>{0.261e6});
  }
  SUBCASE("Chromium: \"N ms\", always in ms") {
    const SuiteResult s = parse_fixture("console-time", "console-time/chromium156.txt");
    REQUIRE(s.benchmarks.size() == 5);
    CHECK(find_benchmark(s, "sort 200k").latency->values[0] == doctest::Approx(96.797119140625e6));
    CHECK(find_benchmark(s, "slow step").latency->values[0] == doctest::Approx(1100.0419921875e6));
    CHECK(find_benchmark(s, "with a log").latency->values == std::vector<double>{0.260986328125e6});
  }
  SUBCASE("Node past a minute, Firefox's suffix, and the script's own lines passed over") {
    const SuiteResult s = parse_results("console-time",
                                        "starting\nload: 1:02.345 (m:ss.mmm)\nbuild: 1:00:01.500 (h:mm:ss.mmm)\n"
                                        "render: 12.5ms - timer ended\ndone: 3 files\n",
                                        "log.txt");
    CHECK(find_benchmark(s, "load").latency->values[0] == doctest::Approx(62.345e9));
    CHECK(find_benchmark(s, "build").latency->values[0] == doctest::Approx(3601.5e9));
    CHECK(find_benchmark(s, "render").latency->values[0] == doctest::Approx(12.5e6));
    CHECK(s.benchmarks.size() == 3);
  }
  SUBCASE("bad input") {
    CHECK(parse_error("console-time", "nothing timed here\nok: yes\n").find("expected console.time lines") != std::string::npos);
    CHECK(parse_error("console-time", "a: -3ms\n").find("expected console.time lines") != std::string::npos);
  }
}
