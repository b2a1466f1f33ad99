#include <doctest/doctest.h>

#include "detect/policy.hpp"
#include "util/file.hpp"
#include "support/error_of.hpp"

using namespace perfwatch;

namespace {
std::string error_of(const std::string& text) {
  return testing::error_of([&] { parse_policy(text, "t.json"); });
}
}  // namespace

TEST_CASE("parse_policy") {
  SUBCASE("the shipped file is the built-in default") {
    const Policy shipped = parse_policy(read_file(std::string(PERFWATCH_SOURCE_DIR) + "/baselines/thresholds.json"), "thresholds.json");
    const Policy builtin;
    CHECK(shipped.alpha == builtin.alpha);
    CHECK(shipped.screen_alpha == 0.05);
    CHECK(shipped.screen_alpha == builtin.screen_alpha);
    CHECK(shipped.min_baseline_nights == builtin.min_baseline_nights);
    CHECK(shipped.window_days == builtin.window_days);
    CHECK(shipped.history_days == 90);
    CHECK(shipped.noise_floor == builtin.noise_floor);
    CHECK(shipped.defaults.p95_increase == 0.20);
    CHECK(shipped.defaults.throughput_decrease == 0.15);
    CHECK(shipped.defaults.error_rate_increase == 0.05);
    CHECK(shipped.defaults.memory_increase == 0.30);
    CHECK_FALSE(shipped.defaults.p999_increase);  // p99.9 is reported, not alerting, by default
    CHECK(shipped.defaults.memory_growth_per_hour == 2e6);
    CHECK(shipped.defaults.instructions_increase == 0.05);
    CHECK(shipped.defaults.instructions_increase == builtin.defaults.instructions_increase);
    CHECK(shipped.defaults.count_increase == 0.05);
    CHECK(shipped.defaults.count_increase == builtin.defaults.count_increase);
    CHECK(shipped.overrides.empty());
  }
  SUBCASE("overrides by glob start from the defaults, the last match wins") {
    const Policy p = parse_policy(R"({"defaults": {"p95_increase": 0.25},
        "overrides": {"parser/*": {"p95_increase": 0.35}, "parser/huge": {"memory_increase": 0.5}}})", "t.json");
    CHECK(p.for_benchmark("lexer/x").p95_increase == 0.25);
    CHECK(p.for_benchmark("parser/small").p95_increase == 0.35);
    CHECK(p.for_benchmark("parser/huge").memory_increase == 0.5);
    CHECK(p.for_benchmark("parser/huge").p95_increase == 0.25);  // nlohmann orders keys: parser/huge is read first
    CHECK(unmatched_globs(p, {"parser/small"}) == std::vector<std::string>{"parser/huge"});
  }
  SUBCASE("p999_increase makes p99.9 alert; memory_growth_per_hour is in MB an hour") {
    const Policy p = parse_policy(R"({"overrides": {"server/*": {"p999_increase": 0.5, "memory_growth_per_hour": 10}}})", "t.json");
    CHECK(alerts(Metric::p999_latency, p.for_benchmark("server/a")));
    CHECK_FALSE(alerts(Metric::p999_latency, p.for_benchmark("parser/a")));
    CHECK(alerts(Metric::memory_growth, p.for_benchmark("parser/a")));
    CHECK_FALSE(alerts(Metric::p99_latency, p.for_benchmark("server/a")));
    CHECK(p.for_benchmark("server/a").memory_growth_per_hour == 10e6);
    CHECK(alerts(Metric::instructions, p.for_benchmark("parser/a")));
    CHECK(parse_policy(R"({"defaults": {"instructions_increase": 0.02}})", "t.json").defaults.instructions_increase == 0.02);
    CHECK(parse_policy(R"({"overrides": {"go/*": {"count_increase": 0.10}}})", "t.json").for_benchmark("go/x").count_increase == 0.10);
    CHECK(error_of(R"({"defaults": {"memory_growth_per_hour": -2}})") ==
          "t.json: defaults.memory_growth_per_hour: expected a non-negative finite number, got -2");
  }
  SUBCASE("a corrupt file names the key") {
    CHECK(error_of(R"({"alpha": "0.01"})") == "t.json: alpha: expected a number, got a string \"0.01\"");
    CHECK(error_of(R"({"alpha": 2})") == "t.json: alpha: expected a number between 0 and 1, got 2");
    CHECK(error_of(R"({"rerun_alpha": 0})") == "t.json: rerun_alpha: expected a number between 0 and 1, got 0");
    CHECK(parse_policy(R"({"rerun_alpha": 0.02})", "t.json").screen_alpha == 0.02);
    CHECK(error_of(R"({"defaults": {"p95": 0.2}})").starts_with("t.json: defaults.p95: unknown key"));
    CHECK(error_of(R"({"overrides": {"a/*": {"p95_increase": -1}}})") ==
          "t.json: overrides.a/*.p95_increase: expected a fraction between 0 and 10 (0.20 means 20 %), got -1");
    CHECK(error_of(R"({"window": 7})").starts_with("t.json: window: unknown key"));
    CHECK(parse_policy(R"({"history_days": 30})", "t.json").history_days == 30);
    CHECK(error_of("{").starts_with("t.json:1:2: malformed JSON"));
  }
}

TEST_CASE("regression_threshold") {
  Thresholds t;
  t.p95_increase = 0.2;
  t.throughput_decrease = 0.15;
  t.memory_increase = 0.3;
  t.error_rate_increase = 0.05;
  CHECK(regression_threshold(Metric::p95_latency, t) == doctest::Approx(1.2));
  CHECK(regression_threshold(Metric::p50_latency, t) == doctest::Approx(1.2));  // the p95's rule
  CHECK(regression_threshold(Metric::throughput, t) == doctest::Approx(0.85));
  CHECK(regression_threshold(Metric::peak_memory, t) == doctest::Approx(1.3));
  CHECK(regression_threshold(Metric::error_rate, t) == doctest::Approx(0.05));  // points
  CHECK(regression_threshold(Metric::p999_latency, t) == doctest::Approx(1.2));  // no p999_increase: the p95's
  t.p999_increase = 0.5;
  CHECK(regression_threshold(Metric::p999_latency, t) == doctest::Approx(1.5));
}
