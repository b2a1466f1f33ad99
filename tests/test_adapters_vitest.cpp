#include "support/adapter_fixtures.hpp"

using namespace perfwatch;
using namespace perfwatch::testing;

// Real vitest 3.2.7 output (npm) under Node 20; see tests/fixtures/README.md.
// The figures are the ones in the files: vitest printed the same means in its table.
TEST_CASE("parse_vitest") {
  const SuiteResult s = parse_fixture("vitest", "vitest/bench.json");
  CHECK(s.aggregate_only);  // vitest's report carries statistics, never samples
  REQUIRE(s.benchmarks.size() == 4);
  SUBCASE("each benchmark's median, ms to ns, named group > benchmark") {
    const BenchmarkResult& native = find_benchmark(s, "bench/sort.bench.js > sort > native sort");
    CHECK(native.latency->unit == "ns");
    REQUIRE(native.latency->values.size() == 1);
    CHECK(native.latency->values[0] == doctest::Approx(0.2347859999999855 * 1e6));
    CHECK(find_benchmark(s, "bench/sort.bench.js > sort > insertion sort").latency->values[0] ==
          doctest::Approx(0.699963999999909 * 1e6));
    const BenchmarkResult& top = find_benchmark(s, "bench/sort.bench.js > json roundtrip");  // outside any describe
    CHECK(top.latency->values[0] == doctest::Approx(0.0481360000001132 * 1e6));
    CHECK_FALSE(top.throughput);  // hz is 1000 / mean: the same figure, not kept twice
  }
  SUBCASE("a benchmark that threw has no statistics: a failure") {
    const BenchmarkResult& failing = find_benchmark(s, "bench/sort.bench.js > failing");
    CHECK(failing.failure);
    CHECK_FALSE(failing.latency);
  }
  SUBCASE("a file whose benchmarks are all in a describe block") {
    const SuiteResult d = parse_fixture("vitest", "vitest/describe_only.json");
    REQUIRE(d.benchmarks.size() == 2);
    CHECK(find_benchmark(d, "samples/parse.bench.js > parse > JSON.parse").latency->values[0] ==
          doctest::Approx(0.17816400000003796 * 1e6));
    CHECK(find_benchmark(d, "samples/parse.bench.js > parse > regex scan").latency->values[0] ==
          doctest::Approx(0.012638000000038119 * 1e6));
  }
  SUBCASE("an older report without median: the mean") {
    const SuiteResult old = parse_results(
        "vitest", R"({"files":[{"filepath":"a.bench.ts","groups":[{"fullName":"a.bench.ts","benchmarks":[{"name":"x","mean":0.5}]}]}]})",
        "old.json");
    CHECK(old.benchmarks[0].latency->values[0] == doctest::Approx(5e5));
  }
  SUBCASE("bad input") {
    CHECK(parse_error("vitest", R"({"files":[{"filepath":"a","groups":[{"fullName":"g","benchmarks":[{"name":"x","median":-1}]}]}]})") ==
          "input: files[0].groups[0].benchmarks[0].median: expected a non-negative finite number, got -1");
    CHECK(parse_error("vitest", R"({"files":[]})").find("expected vitest benchmarks") != std::string::npos);
    CHECK(parse_error("vitest", R"({"files":[{"filepath":"a","groups":[{"benchmarks":[{"median":1}]}]}]})") ==
          "input: files[0].groups[0].benchmarks[0].name: missing required field");
  }
}
