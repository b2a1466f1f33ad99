#include <doctest/doctest.h>

#include "detect/decide.hpp"
#include "detect/triage.hpp"
#include "support/nights.hpp"

using namespace perfwatch;
using perfwatch::testing::latency_night;
using perfwatch::testing::night_shift;

namespace {

Decision accept(const std::string& bench, const std::string& metric, UnixTime since) {
  Decision d;
  d.kind = DecisionKind::accept;
  d.benchmark = bench;
  d.metric = metric;
  d.since = since;
  return d;
}

Decision ignore(const std::string& glob, std::optional<UnixTime> until = std::nullopt, DecisionKind kind = DecisionKind::ignore) {
  Decision d;
  d.kind = kind;
  d.benchmark = glob;
  d.until = until;
  return d;
}

}  // namespace

TEST_CASE("accepted_since") {
  const std::vector<Decision> log = {accept("a", "", 100), accept("a", "p95_latency", 300), accept("b", "", 200),
                                     accept("a", "", 900)};
  CHECK_FALSE(accepted_since(log, "c", Metric::p95_latency, 1000));
  CHECK(accepted_since(log, "a", Metric::p95_latency, 500) == 300);  // the newest that applies
  CHECK(accepted_since(log, "a", Metric::throughput, 500) == 100);   // the metric-only accept is not this one's
  CHECK(accepted_since(log, "a", Metric::throughput, 1000) == 900);
  CHECK_FALSE(accepted_since(log, "b", Metric::p95_latency, 150));   // comparing a run before the accept: no effect
  CHECK(accepted_since(log, "b", Metric::p95_latency, 200) == 200);  // inclusive
}

TEST_CASE("active_ignore") {
  SUBCASE("a glob, until a date") {
    const std::vector<Decision> log = {ignore("net/*", 500)};
    CHECK(active_ignore(log, "net/fetch", 499) != nullptr);
    CHECK(active_ignore(log, "net/fetch", 500) == nullptr);  // expired
    CHECK(active_ignore(log, "parser/small", 100) == nullptr);
  }
  SUBCASE("unignore undoes it; a later ignore wins again") {
    std::vector<Decision> log = {ignore("net/*"), ignore("net/fetch", std::nullopt, DecisionKind::unignore)};
    CHECK(active_ignore(log, "net/fetch", 100) == nullptr);
    CHECK(active_ignore(log, "net/other", 100) != nullptr);
    log.push_back(ignore("net/fetch"));
    CHECK(active_ignore(log, "net/fetch", 100) != nullptr);
  }
}

TEST_CASE("apply_ignores") {
  std::vector<MetricResult> results(3);
  results[0].benchmark = "net/fetch";
  results[0].verdict = Verdict::regression;
  results[1].benchmark = "net/fetch";
  results[1].verdict = Verdict::improvement;
  results[2].benchmark = "parser/small";
  results[2].verdict = Verdict::regression;
  apply_ignores(results, {ignore("net/*")}, 100);
  CHECK(results[0].verdict == Verdict::unchanged);
  CHECK(results[0].ignored);
  CHECK(results[1].verdict == Verdict::improvement);  // only regressions are silenced
  CHECK_FALSE(results[1].ignored);
  CHECK(results[2].verdict == Verdict::regression);
  CHECK(overall_verdict(results) == Verdict::regression);
}

TEST_CASE("compare_nights counts only the nights after an accept") {
  // Four nights at 1000 ns, then three at the accepted level 1400, tonight 1400.
  std::mt19937_64 rng(77);
  BenchmarkNights n{"parser/small", {}, {}, {}};
  for (int i = 0; i < 4; ++i) n.baseline.push_back(latency_night("parser/small", 1000, 100, rng, night_shift(rng)));
  for (int i = 0; i < 3; ++i) n.baseline.push_back(latency_night("parser/small", 1400, 100, rng, night_shift(rng)));
  n.current = latency_night("parser/small", 1400, 100, rng, night_shift(rng));
  auto p95 = [](const std::vector<MetricResult>& results) {
    for (const auto& r : results)
      if (r.metric == Metric::p95_latency) return r;
    FAIL("no p95");
    throw;
  };
  const Policy policy;
  const MetricResult before = p95(compare_nights({n}, policy));
  CHECK(before.baseline_nights == 7);
  n.first_night[Metric::p95_latency] = 4;
  const MetricResult after = p95(compare_nights({n}, policy));
  CHECK(after.baseline_nights == 3);
  CHECK(after.verdict == Verdict::unchanged);
  CHECK(after.ratio == doctest::Approx(1.0).epsilon(0.06));
  CHECK(before.baseline == doctest::Approx(1000 * std::exp(0.1 * 1.645)).epsilon(0.08));  // the old level's p95
  n.first_night[Metric::p95_latency] = 5;  // two nights left: not enough
  CHECK(p95(compare_nights({n}, policy)).verdict == Verdict::insufficient_baseline);
}
