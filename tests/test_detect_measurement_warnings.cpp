// Results that are not measurements, each on data built for it.
#include <doctest/doctest.h>

#include <cmath>
#include <random>

#include "detect/measurement_warnings.hpp"

using namespace perfwatch;

namespace {

BenchmarkResult night(std::vector<double> samples, const std::string& unit = "ns") {
  BenchmarkResult r;
  r.name = "parser/small";
  r.latency = Series{unit, std::move(samples)};
  return r;
}

// Twenty samples around `level`, a little different each night.
std::vector<double> around(double level, int night_index) {
  std::vector<double> v;
  for (int i = 0; i < 20; ++i) v.push_back(level * (1 + 0.01 * ((i * 7 + night_index * 3) % 11 - 5)));
  return v;
}

BenchmarkNights week(std::vector<double> tonight) {
  BenchmarkNights n;
  n.name = "parser/small";
  for (int d = 0; d < 7; ++d) n.baseline.push_back(night(around(1000, d)));
  n.current = night(std::move(tonight));
  return n;
}

std::vector<std::string> kinds(const std::vector<MeasurementWarning>& warnings) {
  std::vector<std::string> out;
  for (const auto& w : warnings) out.push_back(to_string(w.kind));
  return out;
}

}  // namespace

TEST_CASE("measurement_warnings: an ordinary night has none") {
  CHECK(measurement_warnings(week(around(1010, 9)), Policy{}).empty());
}

TEST_CASE("measurement_warnings: constant") {
  SUBCASE("zero spread inside a night of 5+ samples") {
    const auto w = measurement_warnings(week(std::vector<double>(20, 1000.0)), Policy{});
    REQUIRE(kinds(w) == std::vector<std::string>{"constant"});
    CHECK(w[0].detail == "zero spread in tonight's 20 samples: looks hard-coded");
  }
  SUBCASE("the same single value three nights in a row") {
    BenchmarkNights n = week({1000});
    n.baseline[5] = night({1000});
    n.baseline[6] = night({1000});
    CHECK(kinds(measurement_warnings(n, Policy{})) == std::vector<std::string>{"constant"});
    n.baseline[5] = night({1001});  // two in a row is not three
    CHECK(measurement_warnings(n, Policy{}).empty());
  }
  SUBCASE("the same samples three nights in a row") {
    BenchmarkNights n = week(around(1000, 6));
    n.baseline[5] = night(around(1000, 6));
    CHECK(kinds(measurement_warnings(n, Policy{})) == std::vector<std::string>{"constant"});
  }
}

TEST_CASE("measurement_warnings: implausible_change, either way") {
  const auto faster = measurement_warnings(week(around(150, 9)), Policy{});
  REQUIRE(kinds(faster) == std::vector<std::string>{"implausible_change"});
  CHECK(faster[0].detail.starts_with("6.7x faster than the baseline in one night"));
  CHECK(kinds(measurement_warnings(week(around(6000, 9)), Policy{})) == std::vector<std::string>{"implausible_change"});
  CHECK(measurement_warnings(week(around(4000, 9)), Policy{}).empty());  // 4x: a big change, not an implausible one
}

TEST_CASE("measurement_warnings: below_resolution and below zero") {
  BenchmarkNights n = week(around(1000, 9));
  n.current.latency->values[3] = 0.2;
  CHECK(kinds(measurement_warnings(n, Policy{})) == std::vector<std::string>{"below_resolution"});
  n.current.latency->values[3] = -5;
  CHECK(kinds(measurement_warnings(n, Policy{})) == std::vector<std::string>{"synthetic_shape"});
  n.current.latency->unit = "ms";
  n.current.latency->values[3] = 0.2;  // 0.2 ms is a fine latency
  CHECK(measurement_warnings(n, Policy{}).empty());
}

TEST_CASE("measurement_warnings: too_few_samples for a p95") {
  const auto w = measurement_warnings(week({990, 1000, 1010, 1020, 1005}), Policy{});
  REQUIRE(kinds(w) == std::vector<std::string>{"too_few_samples"});
  CHECK(w[0].detail == "p95 of 5 samples (it needs 20): it is about their maximum");
  CHECK(measurement_warnings(week({1000}), Policy{}).empty());  // one value a night is a measurement, not a sample
}

TEST_CASE("measurement_warnings: too_few_samples for a p99.9 the policy alerts on") {
  const Policy alerting = parse_policy(R"({"defaults": {"p999_increase": 0.5}})", "t.json");
  const auto w = measurement_warnings(week(around(1000, 9)), alerting);
  REQUIRE(kinds(w) == std::vector<std::string>{"too_few_samples"});
  CHECK(w[0].detail == "p99.9 of 20 samples (it needs 1000): this night cannot alert on it");
  CHECK(measurement_warnings(week(around(1000, 9)), Policy{}).empty());  // reported only: nothing asked of it
}

TEST_CASE("measurement_warnings: a policy silences a kind per benchmark") {
  const Policy policy = parse_policy(R"({"overrides": {"parser/*": {"silence_warnings": ["constant"]}}})", "thresholds.json");
  CHECK(measurement_warnings(week(std::vector<double>(20, 1000.0)), policy).empty());
  CHECK(kinds(measurement_warnings(week(around(150, 9)), policy)) == std::vector<std::string>{"implausible_change"});
  CHECK_THROWS_WITH(parse_policy(R"({"overrides": {"a": {"silence_warnings": ["loud"]}}})", "thresholds.json"),
                    doctest::Contains("thresholds.json: overrides.a.silence_warnings[0]: expected constant, implausible_change"));
}

TEST_CASE("measurement_warnings: synthetic_shape, a baseline drawn from random.gauss") {
  std::mt19937_64 rng(11);
  auto nights = [&](auto draw, int count) {
    BenchmarkNights n;
    n.name = "parser/small";
    for (int d = 0; d <= count; ++d) {
      std::vector<double> v;
      for (int i = 0; i < 100; ++i) v.push_back(draw());
      (d < count ? n.baseline.emplace_back() : n.current) = night(std::move(v));
    }
    return n;
  };
  std::normal_distribution<double> gauss(500, 100);  // random.gauss(500, 100), as a published report's baseline was
  const auto w = measurement_warnings(nights([&] { return gauss(rng); }, 7), Policy{});
  REQUIRE(kinds(w) == std::vector<std::string>{"synthetic_shape"});
  CHECK(w[0].detail.starts_with("symmetric, normal-tailed latencies over 8 nights (skewness "));
  CHECK(w[0].detail.find("spread ±20 %") != std::string::npos);
  // Too few nights to judge a shape by.
  CHECK(measurement_warnings(nights([&] { return gauss(rng); }, 3), Policy{}).empty());
  // Real latencies as wide are right-skewed (log-normal, sigma 0.2); tight normal ones are repetitions' means.
  std::lognormal_distribution<double> skewed(std::log(500), 0.2);
  CHECK(measurement_warnings(nights([&] { return skewed(rng); }, 7), Policy{}).empty());
  std::normal_distribution<double> means(500, 10);
  CHECK(measurement_warnings(nights([&] { return means(rng); }, 7), Policy{}).empty());
  // Silenced per benchmark like every kind.
  const Policy quiet = parse_policy(R"({"overrides": {"parser/*": {"silence_warnings": ["synthetic_shape"]}}})", "t.json");
  CHECK(measurement_warnings(nights([&] { return gauss(rng); }, 7), quiet).empty());
}

namespace {

// A result whose history went past its threshold the worse way `worse` times
// in `nights`, and past `quiet` (log) fewer than one night in twenty.
MetricResult judged_over(int nights, int worse, Metric metric = Metric::p95_latency, double quiet = std::log(1.374)) {
  MetricResult r;
  r.benchmark = "parser/small";
  r.metric = metric;
  r.alerting = true;
  r.noise.from_history = true;
  r.noise.nights = nights;
  r.noise.worse_excursions = worse;
  r.noise.quiet_limit = quiet;
  return r;
}

}  // namespace

TEST_CASE("noise_warnings: too_noisy from one night in twenty past the threshold") {
  const std::vector<MeasurementWarning> w = noise_warnings({judged_over(40, 2)}, Policy{});
  REQUIRE(kinds(w) == std::vector<std::string>{"too_noisy"});
  CHECK(w[0].benchmark == "parser/small");
  CHECK(w[0].detail.find("p95_latency went past its +20 % threshold on 2 of its last 40 nights (5 %)") == 0);
  // The threshold it could be guarded at, rounded up: +37.4 % is +38 %.
  CHECK(w[0].detail.find("Fewer than 1 night in 20 went past +38 %: a threshold there (an override)") != std::string::npos);
  CHECK(kinds(noise_warnings({judged_over(40, 1)}, Policy{})).empty());  // 2.5 %: an ordinary spike
  CHECK(kinds(noise_warnings({judged_over(19, 5)}, Policy{})).empty());  // too little history to say
  // Throughput's worse way is down: a log change of 0.3 is a drop of 25.9 %, said as -26 %.
  const std::vector<MeasurementWarning> ops = noise_warnings({judged_over(40, 4, Metric::throughput, 0.3)}, Policy{});
  REQUIRE(ops.size() == 1);
  CHECK(ops[0].detail.find("throughput went past its -15 % threshold on 4 of its last 40 nights (10 %)") == 0);
  CHECK(ops[0].detail.find("went past -26 %") != std::string::npos);
}

TEST_CASE("noise_warnings: not for the baseline nights alone, a metric that cannot alert, or a silenced benchmark") {
  MetricResult short_history = judged_over(40, 10);
  short_history.noise.from_history = false;
  MetricResult reported = judged_over(40, 10, Metric::p50_latency);
  reported.alerting = false;
  CHECK(noise_warnings({short_history, reported}, Policy{}).empty());
  const Policy quiet = parse_policy(R"({"overrides": {"parser/*": {"silence_warnings": ["too_noisy"]}}})", "t.json");
  CHECK(noise_warnings({judged_over(40, 10)}, quiet).empty());
}
