// perfwatch nightly end to end, as the scheduled workflow runs it: a real git
// repository, a suite of real benchmark processes, the history file, and a
// real HTTP server on 127.0.0.1 playing GitHub, night after night.
#include <doctest/doctest.h>

#include <random>

#include <nlohmann/json.hpp>

#include "support/github_env.hpp"
#include "support/history.hpp"
#include "support/nightly_project.hpp"
#include "util/file.hpp"

using namespace perfwatch;
using perfwatch::testing::FakeGitHub;
using perfwatch::testing::Project;
using perfwatch::testing::writes;


TEST_CASE("cli nightly: baseline, regression, still regressed, accepted from a label") {
  for (const std::string& engine : testing::engines()) {  // the history in a file, and on a PostgreSQL server
  CAPTURE(engine);
  Project p;
  testing::TestHistory history(p.dir, engine);
  p.db = history.location();
  FakeGitHub github;
  testing::GitHubEnvironment env{github};
  std::string printed;

  // Baseline: seven steady nights. The first ones have too few nights to test.
  for (int n = 0; n < 7; ++n) {
    const auto r = p.night(1.0);
    printed += r.out + r.err;
    REQUIRE_MESSAGE(r.status == 0, r.err);
  }
  CHECK(github.issues().empty());
  CHECK(writes(github) == 0);

  // Night 8 in GitHub Actions: 35 % slower. An issue, the summary, an annotation.
  setenv("GITHUB_ACTIONS", "true", 1);
  const std::string summary = (p.dir / "summary.md").string();
  setenv("GITHUB_STEP_SUMMARY", summary.c_str(), 1);
  auto r = p.night(1.35);
  printed += r.out + r.err;
  CHECK(r.status == 1);
  REQUIRE(github.issues().size() == 1);
  CHECK(github.issues()[0].title.starts_with("Performance regression: parser/small p95_latency +"));
  CHECK(github.issues()[0].body.find("benchmark=parser/small metric=p95_latency") != std::string::npos);
  CHECK(r.out.find("parser/small") != std::string::npos);  // the comparison table
  CHECK(r.out.find("::error title=perfwatch%3A parser/small p95_latency::parser/small p95_latency +") != std::string::npos);
  const std::string step_summary = read_file(summary);
  CHECK(step_summary.find("### perfwatch: `" + p.git.shas().back().substr(0, 8) + "` regression") != std::string::npos);
  CHECK(step_summary.find("| parser/small | p95_latency |") != std::string::npos);
  CHECK(r.err.find("perfwatch: opened #1") != std::string::npos);

  // Night 9, still regressed: one comment, no second issue.
  r = p.night(1.35);
  printed += r.out + r.err;
  CHECK(r.status == 1);
  REQUIRE(github.issues().size() == 1);
  CHECK(github.issues()[0].comments.size() == 1);
  CHECK(github.issues()[0].state == "open");

  // A maintainer labels the issue perf-accepted; night 10 applies it first.
  github.label_issue(1, "perf-accepted", "mia");
  r = p.night(1.35);
  printed += r.out + r.err;
  CHECK_MESSAGE(r.status == 0, (r.out + r.err));  // the new level has no baseline of its own yet: no alert
  CHECK(r.err.find("recorded triage accept of parser/small by mia from the label on #1") != std::string::npos);
  const auto issue = github.issues()[0];
  CHECK(issue.state == "closed");
  REQUIRE(issue.comments.size() == 2);
  CHECK(issue.comments[1].find("Triage: **accepted** by mia (github #1): label perf-accepted on #1.") == 0);
  CHECK(github.issues().size() == 1);
  CHECK(r.out.find("::warning title=perfwatch%3A parser/small::parser/small: insufficient baseline") != std::string::npos);
  const auto log = p.perfwatch({"triage", "log"});
  CHECK(log.out.find("accept") != std::string::npos);
  CHECK(log.out.find("mia") != std::string::npos);
  CHECK(log.out.find("github #1") != std::string::npos);

  // Night 11 at the new level: read again, nothing recorded twice, nothing sent.
  const size_t before = writes(github);
  r = p.night(1.35);
  printed += r.out + r.err;
  CHECK(r.status == 0);
  CHECK(writes(github) == before);
  CHECK(p.perfwatch({"triage", "log"}).out == log.out);
  CHECK(printed.find(testing::kTestToken) == std::string::npos);
  unsetenv("GITHUB_ACTIONS");
  unsetenv("GITHUB_STEP_SUMMARY");
  }
}

TEST_CASE("cli nightly: a perf-invalid label takes the night out of every baseline") {
  Project p;
  FakeGitHub github;
  testing::GitHubEnvironment env{github};
  for (int n = 0; n < 7; ++n) REQUIRE(p.night(1.0).status == 0);
  REQUIRE(p.night(1.6).status == 1);  // a broken runner, say
  REQUIRE(github.issues().size() == 1);
  github.label_issue(1, "perf-invalid", "sam");
  const auto r = p.night(1.0);
  CHECK(r.status == 0);
  CHECK(github.issues()[0].state == "closed");
  CHECK(github.issues()[0].comments.back().find("Run 8 (`") != std::string::npos);
  const auto c = nlohmann::json::parse(p.perfwatch({"compare", "--format", "json"}).out);
  CHECK(c["baseline"]["runs"] == 6);  // nights 3..7 and not 8: seven days back, minus the invalid one
}

TEST_CASE("cli nightly --dry-run sends nothing and records no label decision") {
  Project p;
  FakeGitHub github;
  testing::GitHubEnvironment env{github};
  for (int n = 0; n < 7; ++n) REQUIRE(p.night(1.0, {"--dry-run"}).status == 0);
  auto r = p.night(1.35, {"--dry-run"});
  CHECK(r.status == 1);
  CHECK(r.out.find("== would open: Performance regression: parser/small p95_latency") != std::string::npos);
  CHECK(writes(github) == 0);
  CHECK(github.issues().empty());
  SUBCASE("without a token at all") {
    unsetenv("GITHUB_TOKEN");
    r = p.night(1.35, {"--dry-run", "--format", "json"});
    CHECK(r.status == 1);
    CHECK(r.out.find("\"verdict\": \"regression\"") != std::string::npos);
  }
  SUBCASE("a real night without a token fails before the suite runs") {
    unsetenv("GITHUB_TOKEN");
    r = p.night(1.0);
    CHECK(r.status == 3);
    CHECK(r.err.find("GITHUB_TOKEN") != std::string::npos);
    CHECK(nlohmann::json::parse(p.perfwatch({"history", "parser/small", "--format", "json"}).out)["runs"].size() == 8);
  }
}
