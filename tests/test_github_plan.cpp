#include <doctest/doctest.h>

#include "github/plan.hpp"

using namespace perfwatch;
using namespace perfwatch::github;

TEST_CASE("github::parse_marker") {
  const Marker m{"00ab12cd34ef5678", 42, 1};
  const std::string body = "# Title\n\nText\n\n" + format_marker(m) + "\n";
  const auto parsed = parse_marker(body);
  REQUIRE(parsed);
  CHECK(parsed->fingerprint == m.fingerprint);
  CHECK(parsed->run == 42);
  CHECK(parsed->ok_nights == 1);
  CHECK_FALSE(parse_marker("an issue a person wrote"));
  CHECK_FALSE(parse_marker("<!-- perfwatch fingerprint= run=x ok=0 -->"));
  CHECK(parsed->benchmark.empty());  // markers written before triage still parse
}

TEST_CASE("github::parse_marker keeps the benchmark and metric a triage label applies to") {
  for (const std::string name : {"parser/small", "a b-->c", "naïve|pipe %20 x", "BM_x/8/real_time"}) {
    const Marker m{"00ab12cd34ef5678", 7, 2, name, "p95_latency"};
    const std::string formatted = format_marker(m);
    CHECK(formatted.find("-->") == formatted.size() - 3);  // the name cannot end the comment early
    const auto parsed = parse_marker("body\n" + formatted);
    REQUIRE(parsed);
    CHECK(parsed->benchmark == name);
    CHECK(parsed->metric == "p95_latency");
    CHECK(parsed->ok_nights == 2);
  }
}

TEST_CASE("github::fingerprint") {
  const auto a = fingerprint("o/r", "demo", "parser/small", Metric::p95_latency, "env:ci");
  CHECK(a.size() == 16);
  CHECK(a == fingerprint("o/r", "demo", "parser/small", Metric::p95_latency, "env:ci"));  // stable
  CHECK(a != fingerprint("o/r", "demo", "parser/small", Metric::throughput, "env:ci"));
  CHECK(a != fingerprint("o/r", "demo", "parser/small", Metric::p95_latency, "env:other"));
  CHECK(a != fingerprint("o/r2", "demo", "parser/small", Metric::p95_latency, "env:ci"));
}

TEST_CASE("github::plan_actions") {
  MetricResult r;
  const Finding regressed{"fp1", &r, true};
  const Finding fine{"fp1", &r, false};
  SUBCASE("a new regression opens an issue") {
    const auto a = plan_actions({regressed}, {}, 10);
    REQUIRE(a.size() == 1);
    CHECK(a[0].kind == ActionKind::open);
    CHECK(a[0].marker.run == 10);
  }
  SUBCASE("the same night again plans nothing") {
    CHECK(plan_actions({regressed}, {{7, {"fp1", 10, 0}}}, 10).empty());
    CHECK(plan_actions({fine}, {{7, {"fp1", 10, 0}}}, 10).empty());
  }
  SUBCASE("still regressed the next night: one comment") {
    const auto a = plan_actions({regressed}, {{7, {"fp1", 10, 0}}}, 11);
    REQUIRE(a.size() == 1);
    CHECK(a[0].kind == ActionKind::comment);
    CHECK(a[0].issue == 7);
  }
  SUBCASE("recovered: counted silently, closed on the third night") {
    auto a = plan_actions({fine}, {{7, {"fp1", 10, 0}}}, 11);
    CHECK(a.at(0).kind == ActionKind::progress);
    CHECK(a.at(0).marker.ok_nights == 1);
    a = plan_actions({fine}, {{7, {"fp1", 11, 1}}}, 12);
    CHECK(a.at(0).kind == ActionKind::progress);
    a = plan_actions({fine}, {{7, {"fp1", 12, 2}}}, 13);
    CHECK(a.at(0).kind == ActionKind::close);
    CHECK(a.at(0).marker.ok_nights == 3);
  }
  SUBCASE("regressed again during recovery: the count starts over") {
    const auto a = plan_actions({regressed}, {{7, {"fp1", 12, 2}}}, 13);
    CHECK(a.at(0).kind == ActionKind::comment);
    CHECK(a.at(0).marker.ok_nights == 0);
  }
  SUBCASE("a clean benchmark without an issue: nothing") { CHECK(plan_actions({fine}, {}, 10).empty()); }
  SUBCASE("issues of benchmarks not measured tonight are left alone") {
    CHECK(plan_actions({}, {{7, {"fp1", 10, 0}}}, 11).empty());
  }
}
