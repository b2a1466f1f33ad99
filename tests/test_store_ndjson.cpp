#include <doctest/doctest.h>

#include <limits>
#include <sstream>

#include "store/ndjson.hpp"
#include "support/error_of.hpp"
#include "support/runs.hpp"

using namespace perfwatch;
using perfwatch::testing::latency;
using perfwatch::testing::make_run;

TEST_CASE("run_to_ndjson and parse_ndjson") {
  // Doubles that a careless printer loses: shortest round-trip form keeps them.
  BenchmarkResult b = latency("weird/名前 | with spaces", {0.1, 1e-300, 5e-324, 1.7976931348623157e308, 0.0,
                                                         1.0 / 3.0});
  b.throughput = Series{"items/s", {123456789.123456789}};
  b.errors = 4;
  b.failure = "partial";
  RunRecord run = make_run(std::string(40, 'c'), 1794708000, {b});
  run.commit.parents = {std::string(40, 'a'), std::string(40, 'b')};
  run.status = RunStatus::invalidated;
  run.aggregate_only = true;

  std::stringstream text;
  text << ndjson_header() << "\n" << run_to_ndjson(run) << "\n";
  const auto runs = parse_ndjson(text, "h.ndjson").runs;
  REQUIRE(runs.size() == 1);
  CHECK(runs[0].commit == run.commit);
  CHECK(runs[0].environment == run.environment);
  CHECK(runs[0].time == run.time);
  CHECK(runs[0].status == RunStatus::invalidated);
  CHECK(runs[0].aggregate_only);
  CHECK(runs[0].results == run.results);  // bit-exact doubles
  CHECK(run_to_ndjson(runs[0]) == run_to_ndjson(run));
}

TEST_CASE("decision_to_ndjson and parse_ndjson") {
  Decision accept;
  accept.time = 1794708000;
  accept.kind = DecisionKind::accept;
  accept.benchmark = "parser/small";
  accept.metric = "p95_latency";
  accept.commit_sha = std::string(40, 'c');
  accept.since = 1794700000;
  accept.actor = "mia";
  accept.reason = "intended | \"quoted\"";
  accept.source = "github #3";
  Decision ignore = accept;
  ignore.kind = DecisionKind::ignore;
  ignore.metric.clear();
  ignore.commit_sha.clear();
  ignore.since = 0;
  ignore.until = 1794800000;
  Decision invalidate = ignore;
  invalidate.kind = DecisionKind::invalidate;
  invalidate.benchmark.clear();
  invalidate.until.reset();
  invalidate.commit_sha = std::string(40, 'd');
  std::stringstream text;
  text << ndjson_header() << "\n";
  for (const Decision& d : {accept, ignore, invalidate}) text << decision_to_ndjson({d, 1794600000}) << "\n";
  const auto history = parse_ndjson(text, "h.ndjson");
  REQUIRE(history.decisions.size() == 3);
  CHECK(history.runs.empty());
  CHECK(history.decisions[0].decision == accept);
  CHECK(history.decisions[1].decision == ignore);
  CHECK(history.decisions[2].decision == invalidate);
  CHECK(history.decisions[2].run_time == 1794600000);
  CHECK(decision_to_ndjson(history.decisions[0]) == decision_to_ndjson({accept, 0}));
}

TEST_CASE("parse_ndjson rejects bad input naming line and field") {
  auto error_of = [](const std::string& text) {
    std::stringstream in(text);
    return testing::error_of([&] { parse_ndjson(in, "h.ndjson"); });
  };
  const std::string header = ndjson_header() + "\n";
  CHECK(error_of("") == "h.ndjson: expected a perfwatch export (NDJSON with a header line), got an empty file");
  CHECK(error_of("{\"x\": 1}\n").starts_with("h.ndjson:1: perfwatch_history: expected a perfwatch export header"));
  CHECK(error_of(header + "{\"time\": \n") == "h.ndjson:2:10: malformed JSON: unexpected end of input (truncated file?)");
  const std::string good = run_to_ndjson(make_run(std::string(40, 'c'), 5, {latency("a", {1})}));
  std::string bad_status = good;
  bad_status.replace(bad_status.find("\"complete\""), 10, "\"done\"");
  CHECK(error_of(header + bad_status) ==
        "h.ndjson:2: status: expected complete, interrupted or invalidated, got a string \"done\"");
}
