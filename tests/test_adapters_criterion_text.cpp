#include "support/adapter_fixtures.hpp"

using namespace perfwatch;
using namespace perfwatch::testing;

// Criterion.rs's stdout as its own book prints it (criterion.rs commit
// 567405d), and one file in the layout src/report.rs prints for long ids,
// throughputs and changes; see tests/fixtures/README.md.
TEST_CASE("parse_criterion_text") {
  SUBCASE("the point estimate, one value a benchmark, in ns") {
    const SuiteResult s = parse_fixture("criterion-text", "criterion-text/book_getting_started.txt");
    CHECK(s.aggregate_only);
    REQUIRE(s.benchmarks.size() == 1);  // the --verbose slope/mean/median lines are no benchmarks
    CHECK(s.benchmarks[0].name == "fib 20");
    CHECK(s.benchmarks[0].latency->unit == "ns");
    CHECK(s.benchmarks[0].latency->values == std::vector<double>{26.251e3});
  }
  SUBCASE("throughput and change lines beside it are not kept") {
    const SuiteResult s = parse_fixture("criterion-text", "criterion-text/book_command_line_output.txt");
    REQUIRE(s.benchmarks.size() == 1);
    CHECK(s.benchmarks[0].name == "alloc");
    CHECK(s.benchmarks[0].latency->values[0] == doctest::Approx(2.5306e6));
    CHECK_FALSE(s.benchmarks[0].throughput);
  }
  SUBCASE("group ids and picoseconds") {
    const SuiteResult s = parse_fixture("criterion-text", "criterion-text/book_faq_groups.txt");
    REQUIRE(s.benchmarks.size() == 2);
    CHECK(find_benchmark(s, "small/unlooped").latency->values[0] == doctest::Approx(0.27078));
    CHECK(find_benchmark(s, "small/looped").latency->values[0] == doctest::Approx(2714.2));
  }
  SUBCASE("an id longer than 23 characters on its own line, µs, a change of time and throughput") {
    const SuiteResult s = parse_fixture("criterion-text", "criterion-text/long_name_thrpt_change.txt");
    REQUIRE(s.benchmarks.size() == 2);  // the change's "time: [+1.0% ...]" is no benchmark
    CHECK(find_benchmark(s, "parser/tokenize_long_input_with_unicode").latency->values[0] == doctest::Approx(1245.6));
    CHECK(find_benchmark(s, "short").latency->values[0] == doctest::Approx(860.02));
  }
  SUBCASE("a terminal's colours, and a custom measurement's unit kept as a count") {
    const SuiteResult s = parse_results("criterion-text",
                                        "\x1b[32mfib 20\x1b[0m                  time:   [\x1b[2m26.0 us\x1b[0m \x1b[1m26.2 us\x1b[0m 26.5 us]\n"
                                        "cycles/fib             time:   [1021.0 cycles 1033.0 cycles 1045.0 cycles]\n",
                                        "out.txt");
    CHECK(find_benchmark(s, "fib 20").latency->values[0] == doctest::Approx(26.2e3));
    CHECK(find_benchmark(s, "cycles/fib").latency->unit == "cycles");
    CHECK(find_benchmark(s, "cycles/fib").latency->values[0] == 1033.0);
  }
  SUBCASE("bad input") {
    CHECK(parse_error("criterion-text", "fib   time:   [1 us 2 us]\n") == "input:1: fib time: expected three values with their units, got \"[1 us 2 us]\"");
    CHECK(parse_error("criterion-text", "nothing\n").find("expected Criterion.rs report lines") != std::string::npos);
  }
}
