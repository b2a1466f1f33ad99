#include <doctest/doctest.h>

#include "report/actions_view.hpp"

using namespace perfwatch;

TEST_CASE("escape_actions_data and escape_actions_property") {
  CHECK(escape_actions_data("50% slower\r\nnext") == "50%25 slower%0D%0Anext");
  CHECK(escape_actions_property("a: b, c%") == "a%3A b%2C c%25");
}

TEST_CASE("actions_annotations") {
  Comparison c;
  c.commit = "0123456789abcdef";
  MetricResult slow;
  slow.benchmark = "parser/small, big";
  slow.metric = Metric::p95_latency;
  slow.unit = "ns";
  slow.baseline = 1000;
  slow.current = 1350;
  slow.ratio = 1.35;
  slow.ci_low = 1.3;
  slow.ci_high = 1.4;
  slow.verdict = Verdict::regression;
  MetricResult young = slow;
  young.benchmark = "new/bench";
  young.verdict = Verdict::insufficient_baseline;
  young.baseline_nights = 1;
  MetricResult young_p50 = young;
  young_p50.metric = Metric::p50_latency;
  MetricResult fine = slow;
  fine.benchmark = "fine";
  fine.verdict = Verdict::unchanged;
  c.results = {slow, young, young_p50, fine};
  c.failures = {{"crash", "run1: exit status 3\nstderr: boom"}};
  const auto lines = actions_annotations(c);
  REQUIRE(lines.size() == 3);
  // "%" itself is escaped in data: GitHub shows "%25" as "%".
  CHECK(lines[0] == "::error title=perfwatch%3A parser/small%2C big p95_latency::parser/small, big p95_latency +35.0%25 "
                    "(1.00 us -> 1.35 us, 95%25 CI [+30.0%25, +40.0%25]) at 01234567");
  CHECK(lines[1] == "::warning title=perfwatch%3A new/bench::new/bench: insufficient baseline (1 nights; 3 needed), not tested tonight");
  CHECK(lines[2] == "::warning title=perfwatch%3A crash failed::crash failed: run1: exit status 3%0Astderr: boom");
}
