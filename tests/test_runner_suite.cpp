#include <doctest/doctest.h>

#include "runner/suite.hpp"
#include "support/error_of.hpp"

using namespace perfwatch;

namespace {
std::string error_of(const std::string& text) {
  return testing::error_of([&] { parse_suite(text, "perfwatch.json"); });
}
}  // namespace

TEST_CASE("parse_suite") {
  const Suite s = parse_suite(R"({"suite": "demo", "benchmarks": [
      {"name": "parser", "command": ["./bench", "--fast"], "format": "gbench", "cwd": "build",
       "env": {"MODE": "1"}, "timeout_s": 30, "repetitions": 5, "warmup": 1, "prepare": ["make"]},
      {"name": "startup", "command": ["./app", "--version"]}]})", "perfwatch.json");
  CHECK(s.name == "demo");
  REQUIRE(s.benchmarks.size() == 2);
  const SuiteEntry& a = s.benchmarks[0];
  CHECK(a.command == std::vector<std::string>{"./bench", "--fast"});
  CHECK(a.format == "gbench");
  CHECK(a.cwd == "build");
  CHECK(a.env.at("MODE") == "1");
  CHECK(a.timeout_s == 30);
  CHECK(a.repetitions == 5);
  CHECK(a.warmup == 1);
  CHECK(a.prepare == std::vector<std::string>{"make"});
  const SuiteEntry& b = s.benchmarks[1];
  CHECK(b.format == "time");
  CHECK(b.repetitions == 1);
  CHECK(b.warmup == 0);
  CHECK(b.timeout_s == 600);
  CHECK_FALSE(b.count_instructions);
  CHECK_FALSE(counts_instructions(s));
}

TEST_CASE("parse_suite: measure") {
  const Suite s = parse_suite(R"({"suite": "demo", "benchmarks": [
      {"name": "tokenize", "command": ["./tok"], "measure": "instructions", "repetitions": 3},
      {"name": "startup", "command": ["./app"], "measure": "time"}]})", "perfwatch.json");
  CHECK(s.benchmarks[0].count_instructions);
  CHECK_FALSE(s.benchmarks[1].count_instructions);
  CHECK(counts_instructions(s));
  CHECK(error_of(R"({"suite": "s", "benchmarks": [{"name": "a", "command": ["x"], "measure": "cycles"}]})") ==
        "perfwatch.json: benchmarks[0].measure: expected \"time\" or \"instructions\", got a string \"cycles\"");
  CHECK(error_of(R"({"suite": "s", "benchmarks": [{"name": "a", "command": ["x"], "format": "gbench", "measure": "instructions"}]})") ==
        "perfwatch.json: benchmarks[0].format: expected \"time\" (or no format) with \"measure\": \"instructions\", got a string \"gbench\"");
}

TEST_CASE("parse_suite rejects bad files naming the JSON path") {
  CHECK(error_of(R"({"benchmarks": []})") == "perfwatch.json: suite: missing required field");
  CHECK(error_of(R"({"suite": "s", "benchmarks": []})") == "perfwatch.json: benchmarks: expected at least one benchmark, got []");
  CHECK(error_of(R"({"suite": "s", "benchmarks": [{"name": "a", "command": ["x"], "repeat": 3}]})")
            .starts_with("perfwatch.json: benchmarks[0].repeat: unknown key (expected one of "));
  CHECK(error_of(R"({"suite": "s", "benchmarks": [{"name": "a", "command": "make bench"}]})") ==
        "perfwatch.json: benchmarks[0].command: expected an array, got a string \"make bench\"");
  CHECK(error_of(R"({"suite": "s", "benchmarks": [{"name": "a", "command": []}]})") ==
        "perfwatch.json: benchmarks[0].command: expected a non-empty argv array, got []");
  CHECK(error_of(R"({"suite": "s", "benchmarks": [{"name": "a", "command": ["x", 2]}]})") ==
        "perfwatch.json: benchmarks[0].command[1]: expected a string, got 2");
  CHECK(error_of(R"({"suite": "s", "benchmarks": [{"name": "a", "command": ["x"], "format": "xml"}]})") ==
        "perfwatch.json: benchmarks[0].format: expected time or one of perfwatch, gbench, catch2, hyperfine, pytest-benchmark, gotest, criterion, cargo-bench, jmh, benchmarkdotnet, benchmarkjs, criterion-text, vitest, console-time, ruby-benchmark, benchmark-ips, iai-callgrind, asv, julia-benchmarktools, luau-bench, dart-benchmark-harness, k6-csv, k6, locust, jmeter, bmf, custom-smaller-is-better, custom-bigger-is-better, got a string \"xml\"");
  CHECK(error_of(R"({"suite": "s", "benchmarks": [{"name": "a", "command": ["x"], "timeout_s": 0}]})") ==
        "perfwatch.json: benchmarks[0].timeout_s: expected a positive number of seconds, got 0");
  CHECK(error_of(R"({"suite": "s", "benchmarks": [{"name": "a", "command": ["x"], "repetitions": 0}]})") ==
        "perfwatch.json: benchmarks[0].repetitions: expected an integer from 1 to 100000, got 0");
  CHECK(error_of(R"({"suite": "s", "benchmarks": [{"name": "a", "command": ["x"], "env": {"A": 1}}]})") ==
        "perfwatch.json: benchmarks[0].env.A: expected a string, got 1");
  CHECK(error_of(R"({"suite": "s", "benchmarks": [{"name": "a", "command": ["x"]}, {"name": "a", "command": ["y"]}]})") ==
        "perfwatch.json: benchmarks[1].name: expected a unique name, got \"a\" twice");
  CHECK(error_of(R"({"suite": "s", "benchmarks": [], "extra": 1})").starts_with("perfwatch.json: extra: unknown key"));
}
