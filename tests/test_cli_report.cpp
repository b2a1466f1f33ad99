// perfwatch report --github end to end: a real history and git repository, a
// real HTTP server on 127.0.0.1 playing GitHub, night after night.
#include <doctest/doctest.h>

#include "support/fake_github.hpp"
#include "support/github_env.hpp"
#include "support/week.hpp"

#include <sstream>

using namespace perfwatch;
using perfwatch::testing::FakeGitHub;
using perfwatch::testing::Week;

namespace {

const std::string& kToken = testing::kTestToken;
using testing::GitHubEnvironment;

struct Nights {
  Week week;  // 7 clean nights, night 8 with parser/small 35 % slower
  FakeGitHub github;
  GitHubEnvironment env{github};
  std::string everything_printed;

  testing::CliResult report(std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"report", "--github"};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = week.perfwatch(args);
    everything_printed += r.out + r.err;
    return r;
  }
  void night(int day, double factor) { week.record(week.git.commit("night " + std::to_string(day)), day, factor); }
};

}  // namespace

TEST_CASE("cli report --github, night after night") {
  Nights n;
  // Night 8: a new regression opens one issue, labels created first.
  auto r = n.report();
  CHECK(r.status == 1);
  auto issues = n.github.issues();
  REQUIRE(issues.size() == 1);
  const auto& issue = issues[0];
  CHECK(issue.title.starts_with("Performance regression: parser/small p95_latency +"));
  CHECK(issue.title.ends_with(" at " + n.week.git.shas()[7].substr(0, 7)));
  CHECK(issue.labels == std::vector<std::string>{"performance-regression", "needs-investigation"});
  CHECK(n.github.labels() == std::vector<std::string>{"performance-regression", "needs-investigation"});
  CHECK(issue.body.find("<!-- perfwatch fingerprint=") == 0);
  CHECK(issue.body.find("| p95_latency |") != std::string::npos);
  CHECK(issue.body.find("xychart-beta") != std::string::npos);
  CHECK(issue.body.find("`" + n.week.git.shas()[7].substr(0, 8) + "` commit 8") != std::string::npos);  // the suspect
  CHECK(issue.body.find("perfwatch status " + n.week.git.shas()[7]) != std::string::npos);
  CHECK(issue.body.find("CI run: https://github.example/octo/widgets/actions/runs/4242") != std::string::npos);
  // Ingested results: nothing perfwatch could rerun, and the issue says so.
  CHECK(issue.body.find("Reruns: not confirmed: perfwatch did not run these results itself (ingest or run)") != std::string::npos);

  // The same night again changes nothing on GitHub.
  const size_t writes = n.github.requests().size();
  CHECK(n.report().status == 1);
  CHECK(n.github.issues().size() == 1);
  CHECK(n.github.issues()[0].comments.empty());
  size_t new_writes = 0;
  for (size_t i = writes; i < n.github.requests().size(); ++i) new_writes += n.github.requests()[i].method != "GET";
  CHECK(new_writes == 0);

  // Night 9, still regressed: one comment.
  n.night(9, 1.35);
  CHECK(n.report().status == 1);
  issues = n.github.issues();
  REQUIRE(issues.size() == 1);
  REQUIRE(issues[0].comments.size() == 1);
  CHECK(issues[0].comments[0].starts_with("Still regressed at `"));
  CHECK(issues[0].state == "open");

  // Nights 10-12 back within thresholds: closed after the third, with a comment.
  n.night(10, 1.0);
  n.report();
  n.night(11, 1.0);
  n.report();
  CHECK(n.github.issues()[0].state == "open");
  n.night(12, 1.0);
  CHECK(n.report().status == 0);
  issues = n.github.issues();
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].state == "closed");
  REQUIRE(issues[0].comments.size() == 2);
  CHECK(issues[0].comments[1].starts_with("Back within thresholds for 3 nights"));

  // The token was sent, and never printed.
  CHECK(n.github.requests()[0].authorization == "Bearer " + kToken);
  CHECK(n.everything_printed.find(kToken) == std::string::npos);
  for (const auto& i : n.github.issues()) CHECK(i.body.find(kToken) == std::string::npos);
}

TEST_CASE("cli report --github --dry-run sends nothing") {
  Nights n;
  const auto r = n.report({"--dry-run"});
  CHECK(r.status == 1);
  CHECK(r.out.find("== would open: Performance regression: parser/small p95_latency") != std::string::npos);
  CHECK(r.out.find("| p95_latency |") != std::string::npos);
  for (const auto& req : n.github.requests()) CHECK(req.method == "GET");  // read the open issues, nothing more
  CHECK(n.github.issues().empty());
  SUBCASE("without a token, too") {
    unsetenv("GITHUB_TOKEN");
    const auto bare = n.report({"--dry-run"});
    CHECK(bare.status == 1);
    CHECK(bare.out.find("open issues not read") != std::string::npos);
    CHECK(bare.out.find("== would open:") != std::string::npos);
  }
}

TEST_CASE("cli report --github: assignees, an invalid login, untrusted names") {
  Nights n;
  n.week.dir.write("perfwatch.json", R"({"suite": "demo", "benchmarks": [{"name": "x", "command": ["true"]}],
      "github": {"assignees": {"parser/*": ["alice", "ghost-user-404"]}}})");
  n.report();
  auto issues = n.github.issues();
  REQUIRE(issues.size() == 1);  // refused with the invalid login, opened without assignees
  CHECK(issues[0].assignees.empty());

  SUBCASE("a valid login is assigned") {
    n.github.set_users({"alice", "bob"});
    n.week.dir.write("perfwatch.json", R"({"suite": "demo", "benchmarks": [{"name": "x", "command": ["true"]}],
        "github": {"assignees": {"json/*": ["bob"]}}})");
    // A second benchmark regresses on a new night: json/encode.
    const std::string sha = n.week.git.commit("slow json");
    const std::string file = n.week.dir.write("j.json", R"({"suite":"demo","benchmarks":[{"name":"json/encode","unit":"ns","samples":[)" +
                                                               n.week.samples(5000 * 1.6) + "]},{\"name\":\"parser/small\",\"unit\":\"ns\",\"samples\":[" +
                                                               n.week.samples(1350) + "]}]}").string();
    REQUIRE(n.week.perfwatch({"ingest", file, "--commit", sha, "--at", "2026-11-19T02:00:00Z", "--env", "ci"}).status == 0);
    n.report();
    issues = n.github.issues();
    REQUIRE(issues.size() == 2);
    CHECK(issues[1].title.starts_with("Performance regression: json/encode"));
    CHECK(issues[1].assignees == std::vector<std::string>{"bob"});
  }
}

TEST_CASE("cli report --github fails clearly") {
  Nights n;
  SUBCASE("401: exit 3, one line, no token") {
    n.github.inject(FakeGitHub::fault("GET", 401));
    const auto r = n.report();
    CHECK(r.status == 3);
    CHECK(testing::one_line(r.err));
    CHECK(r.err.find("401 Unauthorized") != std::string::npos);
    CHECK(r.err.find(kToken) == std::string::npos);
  }
  SUBCASE("no token without --dry-run: exit 3 before any request") {
    unsetenv("GITHUB_TOKEN");
    const auto r = n.report();
    CHECK(r.status == 3);
    CHECK(r.err.find("GITHUB_TOKEN is not set") != std::string::npos);
    CHECK(n.github.requests().empty());
  }
  SUBCASE("report without --github is bad usage") {
    CHECK(n.week.perfwatch({"report"}).status == 2);
  }
}

TEST_CASE("cli report --github: a 502 after GitHub acted makes no duplicate") {
  Nights n;
  auto fault = FakeGitHub::fault("POST", 502);
  fault.act_first = true;  // GitHub carries the request out, the answer is lost
  SUBCASE("the issue") {
    n.github.add_label("performance-regression");
    n.github.add_label("needs-investigation");
    n.github.inject(fault);
    CHECK(n.report().status == 1);
    CHECK(n.github.issues().size() == 1);
  }
  SUBCASE("a label") {
    n.github.inject(fault);
    CHECK(n.report().status == 1);
    CHECK(n.github.labels() == std::vector<std::string>{"performance-regression", "needs-investigation"});
    CHECK(n.github.issues().size() == 1);
  }
}

TEST_CASE("cli report --github: untrusted names cannot ping, inject markup or break the table") {
  Week week(1.0);
  FakeGitHub github;
  GitHubEnvironment env{github};
  const std::string evil = "evil|@alice <img src=x onerror=alert(1)> **bold**";
  const std::string sha = week.git.commit("Fix @bob's [link](javascript:alert(1)) | and `code`");
  const auto file = week.dir.write("evil.json", R"({"suite":"demo","benchmarks":[{"name":")" + nlohmann::json(evil).dump().substr(1, evil.size() + 0) +
                                                       R"(","unit":"ns","samples":[1]}]})");
  // A week of the evil benchmark, then a night 60 % slower.
  for (int day = 0; day < 7; ++day) {
    const auto night = week.dir.write("e.json", nlohmann::json{{"benchmarks", {{{"name", evil}, {"unit", "ns"},
        {"samples", nlohmann::json::parse("[" + week.samples(1000) + "]")}}}}}.dump());
    REQUIRE(week.perfwatch({"ingest", night.string(), "--commit", week.git.shas()[static_cast<size_t>(day)],
                            "--at", "2026-11-1" + std::to_string(day) + "T03:00:00Z", "--env", "ci"}).status == 0);
  }
  const auto slow = week.dir.write("e.json", nlohmann::json{{"benchmarks", {{{"name", evil}, {"unit", "ns"},
      {"samples", nlohmann::json::parse("[" + week.samples(1600) + "]")}}}}}.dump());
  REQUIRE(week.perfwatch({"ingest", slow.string(), "--commit", sha, "--at", "2026-11-17T03:00:00Z", "--env", "ci"}).status == 0);
  REQUIRE(week.perfwatch({"report", "--github"}).status == 1);
  const auto issues = github.issues();
  REQUIRE(issues.size() == 1);
  // Outside code fences (where GitHub neither pings nor renders HTML), nothing raw.
  std::string body, line;
  bool fenced = false;
  for (std::istringstream in(issues[0].body); std::getline(in, line);) {
    if (line.starts_with("```")) fenced = !fenced;
    else if (!fenced) body += line + "\n";
  }
  CHECK(issues[0].body.find("title \"evil_") != std::string::npos);  // the chart title: plain characters only
  CHECK(body.find("@alice") == std::string::npos);  // @\u200balice: no mention
  CHECK(body.find("@bob") == std::string::npos);
  CHECK(body.find("<img") == std::string::npos);
  CHECK(body.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
  CHECK(body.find("\\[link\\]") != std::string::npos);
  CHECK(body.find("evil\\|") != std::string::npos);
  // Every table row keeps its 8 cell borders.
  std::istringstream lines(body);
  for (std::string row; std::getline(lines, row);) {
    if (!row.starts_with("| p")) continue;
    size_t borders = 0;
    for (size_t i = 0; i < row.size(); ++i) borders += row[i] == '|' && (i == 0 || row[i - 1] != '\\');
    CHECK_MESSAGE(borders == 8, row);
  }
  CHECK(issues[0].title.find("@alice") == std::string::npos);
  (void)file;
}

TEST_CASE("cli report --github: at most 50 suspect commits, then how many more") {
  Week week(1.0);
  FakeGitHub github;
  GitHubEnvironment env{github};
  std::string head;
  for (int i = 0; i < 60; ++i) head = week.git.commit("refactor " + std::to_string(i));
  week.record(head, 8, 1.5);
  REQUIRE(week.perfwatch({"report", "--github"}).status == 1);
  const auto issues = github.issues();
  REQUIRE(issues.size() == 1);
  const std::string& body = issues[0].body;
  CHECK(body.find("Since the last good run at `" + week.git.shas()[7].substr(0, 8) + "`") != std::string::npos);
  CHECK(body.find(" refactor 59 (") != std::string::npos);  // newest first
  CHECK(body.find(" refactor 10 (") != std::string::npos);  // the 50th
  CHECK(body.find(" refactor 9 (") == std::string::npos);
  CHECK(body.find("- and 10 more") != std::string::npos);
}
