// perfwatch triage end to end: decisions recorded in a real history change the
// next comparison, and the log says who decided what and why.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "support/week.hpp"

using namespace perfwatch;
using perfwatch::testing::one_line;
using perfwatch::testing::Week;

namespace {

nlohmann::json compare_json(Week& w, const std::string& rev = "HEAD") {
  const auto r = w.perfwatch({"compare", rev, "--format", "json", "--all"});
  REQUIRE_MESSAGE((r.status == 0 || r.status == 1), r.err);
  return nlohmann::json::parse(r.out);
}

nlohmann::json result(const nlohmann::json& c, const std::string& bench, const std::string& metric) {
  for (const auto& r : c["results"])
    if (r["benchmark"] == bench && r["metric"] == metric) return r;
  FAIL("no result " << bench << " " << metric);
  return {};
}

}  // namespace

TEST_CASE("cli triage accept: the new level becomes the baseline") {
  Week w;  // night 8: parser/small 35 % slower
  REQUIRE(w.perfwatch({"compare"}).status == 1);
  SUBCASE("accepting another metric changes nothing for p95") {
    REQUIRE(w.perfwatch({"triage", "accept", "parser/small", "--metric", "throughput", "--by", "alice"}).status == 0);
    CHECK(w.perfwatch({"compare"}).status == 1);
  }
  SUBCASE("accepted at HEAD: no baseline yet, then three nights at the new level are the baseline") {
    const auto r = w.perfwatch({"triage", "accept", "parser/small", "--by", "alice", "-m", "the new parser is intended"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    CHECK(r.err.find("accepted the new level of parser/small (every metric): its baseline starts at " +
                     w.git.shas()[7].substr(0, 8)) != std::string::npos);
    CHECK(r.err.find("no GITHUB_TOKEN: a matching open issue is closed by the next `perfwatch nightly`") != std::string::npos);
    auto c = compare_json(w);
    CHECK(c["verdict"] == "unchanged");
    CHECK(result(c, "parser/small", "p95_latency")["verdict"] == "insufficient-baseline");
    CHECK(result(c, "json/encode", "p95_latency")["baseline_nights"] == 7);  // other benchmarks keep theirs
    for (int day = 8; day <= 10; ++day) w.record(w.git.commit("night " + std::to_string(day)), day, 1.35);
    c = compare_json(w);
    const auto p95 = result(c, "parser/small", "p95_latency");
    CHECK(p95["baseline_nights"] == 3);  // nights 8, 9 and 10
    CHECK(p95["verdict"] == "unchanged");
    CHECK(p95["ratio"].get<double>() == doctest::Approx(1.0).epsilon(0.08));
    // The accept does not rewrite the past: night 7, before it, keeps its whole baseline.
    CHECK(result(compare_json(w, w.git.shas()[6]), "parser/small", "p95_latency")["baseline_nights"] == 6);
  }
}

TEST_CASE("cli triage ignore and unignore") {
  Week w;
  REQUIRE(w.perfwatch({"triage", "ignore", "parser/*", "--by", "bob", "-m", "flaky on shared runners"}).status == 0);
  auto r = w.perfwatch({"compare"});
  CHECK(r.status == 0);
  CHECK(r.out.find("worse (ignored by triage)") != std::string::npos);
  const auto p95 = result(compare_json(w), "parser/small", "p95_latency");
  CHECK(p95["verdict"] == "unchanged");
  CHECK(p95["ignored"] == true);
  REQUIRE(w.perfwatch({"triage", "unignore", "parser/*"}).status == 0);
  CHECK(w.perfwatch({"compare"}).status == 1);
  SUBCASE("an ignore that ended before the night does not apply") {
    REQUIRE(w.perfwatch({"triage", "ignore", "parser/small", "--until", "2026-11-17T01:00:00Z"}).status == 0);
    CHECK(w.perfwatch({"compare"}).status == 1);  // night 8 is 2026-11-17T02:00Z
    REQUIRE(w.perfwatch({"triage", "ignore", "parser/small", "--until", "2026-11-18"}).status == 0);
    CHECK(w.perfwatch({"compare"}).status == 0);
  }
  SUBCASE("a glob matching nothing is recorded with a warning") {
    r = w.perfwatch({"triage", "ignore", "nothing/*"});
    CHECK(r.status == 0);
    CHECK(r.err.find("warning: \"nothing/*\" matches no benchmark in the history yet") != std::string::npos);
  }
}

TEST_CASE("cli triage invalidate: a bad night leaves every baseline") {
  Week w;
  CHECK(compare_json(w)["baseline"]["runs"] == 7);
  REQUIRE(w.perfwatch({"triage", "invalidate", "3", "-m", "runner was swapping"}).status == 0);
  CHECK(compare_json(w)["baseline"]["runs"] == 6);
  const auto r = w.perfwatch({"triage", "invalidate", "--commit", w.git.shas()[1]});
  REQUIRE(r.status == 0);
  CHECK(r.err.find("run 2 (" + w.git.shas()[1].substr(0, 8)) != std::string::npos);
  CHECK(compare_json(w)["baseline"]["runs"] == 5);
  // The history shows the run as invalidated.
  const auto history = nlohmann::json::parse(w.perfwatch({"history", "parser/small", "--format", "json"}).out);
  CHECK(history["runs"][2]["status"] == "invalidated");
}

TEST_CASE("cli triage log") {
  Week w;
  CHECK(w.perfwatch({"triage", "log"}).out == "no triage decisions yet\n");
  REQUIRE(w.perfwatch({"triage", "accept", "parser/small", "--by", "alice", "-m", "intended"}).status == 0);
  REQUIRE(w.perfwatch({"triage", "ignore", "json/*", "--until", "2026-12-01", "--by", "bob"}).status == 0);
  REQUIRE(w.perfwatch({"triage", "invalidate", "2", "--by", "carol", "-m", "bad runner"}).status == 0);
  const auto r = w.perfwatch({"triage", "log"});
  REQUIRE(r.status == 0);
  CHECK(r.out.find("decision") != std::string::npos);
  CHECK(r.out.find("accept     parser/small (every metric) from " + w.git.shas()[7].substr(0, 8)) != std::string::npos);
  CHECK(r.out.find("alice") != std::string::npos);
  CHECK(r.out.find("ignore     json/* until 2026-12-01T00:00:00Z") != std::string::npos);
  CHECK(r.out.find("invalidate run 2 (" + w.git.shas()[1].substr(0, 8) + ")") != std::string::npos);
  CHECK(r.out.find("bad runner") != std::string::npos);
}

TEST_CASE("cli triage rejects bad input and records nothing") {
  Week w;
  auto rejected = [&](std::vector<std::string> args, const std::string& message) {
    const auto r = w.perfwatch(args);
    CHECK(r.status == 2);
    CHECK_MESSAGE(one_line(r.err), r.err);
    CHECK_MESSAGE(r.err.find(message) != std::string::npos, r.err);
  };
  rejected({"triage", "accept", "no/such"}, "triage accept \"no/such\": expected a benchmark in the history");
  rejected({"triage", "invalidate", "99"}, "triage invalidate 99: expected a recorded run id, got none");
  rejected({"triage", "invalidate"}, "expected a RUN id or --commit REV");
  rejected({"triage", "ignore", "x", "--until", "soon"}, "--until \"soon\": expected an ISO 8601 date");
  rejected({"triage", "accept", "parser/small", "--metric", "speed"}, "--metric");
  rejected({"triage", "frobnicate"}, "frobnicate");
  rejected({"triage"}, "triage: expected one of accept, ignore, unignore, invalidate, log");
  CHECK(w.perfwatch({"triage", "log"}).out == "no triage decisions yet\n");
  CHECK(w.perfwatch({"compare"}).status == 1);
}
