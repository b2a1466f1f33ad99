#include <doctest/doctest.h>

#include "support/error_of.hpp"
#include "adapters/adapter.hpp"

using namespace perfwatch;

namespace {

// The error message of parsing `text` as native format, or "" when it parses.
std::string error_of(const std::string& text) {
  return testing::error_of([&] { parse_results("perfwatch", text, "r.json"); });
}

}  // namespace

TEST_CASE("parse_perfwatch") {
  const std::string spec_example = R"({"suite": "demo",
 "benchmarks": [
   {"name": "parser/small", "unit": "ns",
    "samples": [1204.5, 1190.2, 1311.0],
    "throughput": {"unit": "items/s", "samples": [8.1e5, 8.3e5]},
    "errors": 0, "requests": 1000,
    "peak_rss_bytes": 73400320}]})";
  const SuiteResult s = parse_results("perfwatch", spec_example, "r.json");
  CHECK(s.suite == "demo");
  REQUIRE(s.benchmarks.size() == 1);
  const BenchmarkResult& b = s.benchmarks[0];
  CHECK(b.name == "parser/small");
  CHECK(b.latency->values == std::vector<double>{1204.5, 1190.2, 1311.0});
  CHECK(b.throughput->unit == "items/s");
  CHECK(b.throughput->values == std::vector<double>{8.1e5, 8.3e5});
  CHECK(b.errors == 0);
  CHECK(b.requests == 1000);
  CHECK(b.peak_rss_bytes == 73400320);

  SUBCASE("only a name and throughput are required") {
    auto t = parse_results("perfwatch", R"({"benchmarks":[{"name":"x","throughput":{"samples":[5]}}]})", "r.json");
    CHECK(t.benchmarks[0].throughput->values == std::vector<double>{5});
    CHECK_FALSE(t.benchmarks[0].latency);
  }
  SUBCASE("time units are normalised to nanoseconds") {
    auto t = parse_results("perfwatch", R"({"benchmarks":[{"name":"x","unit":"ms","samples":[1.5, 2]}]})", "r.json");
    CHECK(t.benchmarks[0].latency->unit == "ns");
    CHECK(t.benchmarks[0].latency->values == std::vector<double>{1.5e6, 2e6});
  }
  SUBCASE("instruction counts, with what counted them, and back") {
    auto t = parse_results("perfwatch",
                           R"({"benchmarks":[{"name":"x","instructions":{"source":"callgrind","samples":[1270040, 1270112]}}]})", "r.json");
    const BenchmarkResult& x = t.benchmarks[0];
    REQUIRE(x.instructions);
    CHECK(x.instructions->values == std::vector<double>{1270040, 1270112});
    CHECK(x.instructions_source == "callgrind");
    CHECK(read_native_benchmark(native_benchmark_json(x), "r.json", "benchmarks[0]") == x);
    CHECK(error_of(R"({"benchmarks":[{"name":"x","instructions":{"samples":[-1]}}]})").starts_with("r.json: benchmarks[0].instructions.samples[0]: expected a non-negative"));
  }
  SUBCASE("non-time units are kept") {
    auto t = parse_results("perfwatch", R"({"benchmarks":[{"name":"x","unit":"cycles","samples":[3]}]})", "r.json");
    CHECK(t.benchmarks[0].latency->unit == "cycles");
  }
}

TEST_CASE("parse_perfwatch rejects bad input naming file, field and expectation") {
  CHECK(error_of(R"({"benchmarks": [{"name": "a", "samples": [1, 2,]}]})") ==
        "r.json:1:48: malformed JSON: expected a JSON value or punctuation here");
  CHECK(error_of("{\"benchmarks\": [\n  {\"name\": \"a\", \"samples\": [1, 2") ==
        "r.json:2:33: malformed JSON: unexpected end of input (truncated file?)");
  CHECK(error_of(R"({"benchmarks": [{"samples": [1]}]})") == "r.json: benchmarks[0].name: missing required field");
  CHECK(error_of(R"({"benchmarks": [{"name": 7, "samples": [1]}]})") ==
        "r.json: benchmarks[0].name: expected a string, got 7");
  CHECK(error_of(R"({"benchmarks": [{"name": "a", "samples": [1, "2"]}]})") ==
        "r.json: benchmarks[0].samples[1]: expected a non-negative finite number, got a string \"2\"");
  CHECK(error_of(R"({"benchmarks": [{"name": "a", "samples": [1, -3]}]})") ==
        "r.json: benchmarks[0].samples[1]: expected a non-negative finite number, got -3");
  CHECK(error_of(R"({"benchmarks": [{"name": "a", "samples": [1e999]}]})") ==
        "r.json: malformed JSON: number overflow parsing '1e999' (expected a finite number)");
  CHECK(error_of(R"({"benchmarks": [{"name": "a", "samples": [NaN]}]})").starts_with("r.json:1:4"));
  CHECK(error_of(R"({"benchmarks": [{"name": "a", "samples": []}]})") ==
        "r.json: benchmarks[0].samples: expected at least one sample, got []");
  CHECK(error_of(R"({"benchmarks": [{"name": "a"}]})") ==
        "r.json: benchmarks[0]: expected \"samples\", \"throughput\" or \"instructions\" (or a \"failure\")");
  CHECK(error_of(R"({"benchmarks": [{"name": "a", "samples": [1]}, {"name": "a", "samples": [2]}]})") ==
        "r.json: benchmarks[1].name: expected a unique name, got \"a\" twice");
  CHECK(error_of(R"({"benchmarks": {}})") == "r.json: benchmarks: expected an array, got an object");
  CHECK(error_of(R"({"benchmarks": [{"name": "a", "samples": [1], "errors": 1.5}]})") ==
        "r.json: benchmarks[0].errors: expected a non-negative integer, got 1.5");
  CHECK(error_of("[]") == "r.json: (document): expected an object, got an array");
}

TEST_CASE("parse_results with an unknown format") {
  CHECK(testing::error_of([] { parse_results("xml", "{}", "r.json"); }) == "r.json: --format: expected one of perfwatch, gbench, catch2, hyperfine, pytest-benchmark, gotest, criterion, cargo-bench, jmh, benchmarkdotnet, benchmarkjs, criterion-text, vitest, console-time, ruby-benchmark, benchmark-ips, iai-callgrind, asv, julia-benchmarktools, luau-bench, dart-benchmark-harness, k6-csv, k6, locust, jmeter, bmf, custom-smaller-is-better, custom-bigger-is-better, got \"xml\"");
  CHECK_THROWS_AS(parse_results("xml", "{}", "r.json"), Error);
}

TEST_CASE("detect_format") {
  CHECK(detect_format(R"({"benchmarks":[{"name":"a","samples":[1]}]})", "f") == "perfwatch");
  CHECK(detect_format(R"({"context":{},"benchmarks":[]})", "f") == "gbench");
  CHECK(testing::error_of([] { detect_format(R"({"results": []})", "f"); }).find("tried perfwatch, gbench") != std::string::npos);
  CHECK(testing::error_of([] { detect_format("{\"a\": ", "f"); }).starts_with("f:1:"));
}
