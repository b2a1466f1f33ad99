#include <doctest/doctest.h>

#include "github/triage_labels.hpp"

using namespace perfwatch;
using namespace perfwatch::github;

namespace {

TrackedIssue labelled(int number, std::vector<std::string> labels, UnixTime created = 1000) {
  TrackedIssue t;
  t.issue.number = number;
  t.issue.marker = Marker{"fp", 42, 0, "parser/small", "p95_latency"};
  t.labels = std::move(labels);
  t.created = created;
  return t;
}

}  // namespace

TEST_CASE("decision_from_labels") {
  const RunInfo reported{42, 5000, "abc123def", "env:ci"};
  SUBCASE("perf-accepted: the benchmark's metric starts its baseline at the reported run") {
    const auto d = decision_from_labels(labelled(7, {kRegressionLabel, kAcceptedLabel}), reported, {}, 9000);
    REQUIRE(d);
    CHECK(d->kind == DecisionKind::accept);
    CHECK(d->benchmark == "parser/small");
    CHECK(d->metric == "p95_latency");
    CHECK(d->since == 5000);
    CHECK(d->commit_sha == "abc123def");
    CHECK(d->time == 9000);
    CHECK(d->source == "github #7");
    CHECK(d->reason == "label perf-accepted on #7");
  }
  SUBCASE("perf-invalid: the reported run is invalidated") {
    const auto d = decision_from_labels(labelled(8, {kInvalidLabel}), reported, {}, 9000);
    REQUIRE(d);
    CHECK(d->kind == DecisionKind::invalidate);
    CHECK(d->run_id == 42);
    CHECK(d->benchmark.empty());
  }
  SUBCASE("nothing without a triage label, with an old marker, or when already recorded") {
    CHECK_FALSE(decision_from_labels(labelled(9, {kRegressionLabel}), reported, {}, 9000));
    TrackedIssue old = labelled(9, {kAcceptedLabel});
    old.issue.marker.benchmark.clear();
    CHECK_FALSE(decision_from_labels(old, reported, {}, 9000));
    const auto first = decision_from_labels(labelled(7, {kAcceptedLabel}), reported, {}, 9000);
    CHECK_FALSE(decision_from_labels(labelled(7, {kAcceptedLabel}), reported, {*first}, 9100));
  }
}

TEST_CASE("ending_decision") {
  Decision accepted;
  accepted.kind = DecisionKind::accept;
  accepted.benchmark = "parser/small";
  accepted.time = 2000;
  const TrackedIssue issue = labelled(7, {kRegressionLabel}, 1000);
  CHECK(ending_decision(issue, {accepted}) != nullptr);  // every metric
  accepted.metric = "throughput";
  CHECK(ending_decision(issue, {accepted}) == nullptr);  // another metric
  accepted.metric = "p95_latency";
  CHECK(ending_decision(issue, {accepted}) != nullptr);
  // An accept older than the issue belongs to an earlier level: the issue stays.
  CHECK(ending_decision(labelled(7, {}, 3000), {accepted}) == nullptr);
  Decision invalid;
  invalid.kind = DecisionKind::invalidate;
  invalid.run_id = 41;
  invalid.time = 2000;
  CHECK(ending_decision(issue, {invalid}) == nullptr);  // another night
  invalid.run_id = 42;
  CHECK(ending_decision(issue, {invalid}) != nullptr);
}
