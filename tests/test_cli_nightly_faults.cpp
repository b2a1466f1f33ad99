// `perfwatch nightly` when things go wrong around it: a second nightly on the
// same history, and SIGTERM while it talks to GitHub. The real executable,
// real benchmark processes, a real HTTP server playing GitHub.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "support/github_env.hpp"
#include "support/nightly_project.hpp"
#include "support/subprocess.hpp"
#include "util/file.hpp"

using namespace perfwatch;
using namespace perfwatch::testing;

namespace {

size_t runs_in(Project& p) {
  const auto h = nlohmann::json::parse(p.perfwatch({"history", "parser/small", "--format", "json"}).out);
  return h["runs"].size();
}

}  // namespace

TEST_CASE("cli nightly: a second nightly on the same history waits, then works") {
  Project p;
  // The first night's benchmark takes a second, so the second nightly starts while it runs.
  const std::string slow = R"({"suite": "widgets", "benchmarks": [{"name": "parser", "format": "perfwatch", "command": [")" +
                           std::string(PERFWATCH_TEST_HELPER) + R"(", "sleep", "1.5"]}]})";
  p.dir.write("perfwatch.json", slow);
  auto first_args = p.prepare_night(1.0, {"--dry-run"});
  const pid_t first = start_perfwatch(first_args, p.dir / "first.err");
  REQUIRE(first > 0);
  // Once the first one holds the lock (its suite is running), start the second.
  REQUIRE(eventually([&] { return std::filesystem::exists(p.db + ".nightly-lock"); }));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  auto second_args = p.prepare_night(1.0, {"--dry-run"});
  const pid_t second = start_perfwatch(second_args, p.dir / "second.err");
  REQUIRE(second > 0);
  const int first_status = wait_for(first), second_status = wait_for(second);
  const std::string second_err = read_file(p.dir / "second.err");
  CHECK_MESSAGE(WIFEXITED(first_status), read_file(p.dir / "first.err"));
  CHECK(WEXITSTATUS(first_status) == 0);
  CHECK_MESSAGE(WIFEXITED(second_status), second_err);
  CHECK(WEXITSTATUS(second_status) == 0);
  CHECK(second_err.find("another nightly is running on " + p.db + "; waiting for it to finish") != std::string::npos);
  const auto history = nlohmann::json::parse(p.perfwatch({"history", "parser/slept", "--format", "json"}).out);
  CHECK(history["runs"].size() == 2);
}

TEST_CASE("cli nightly: SIGTERM while filing leaves the night whole; the next nightly files once") {
  Project p;
  FakeGitHub github;
  GitHubEnvironment env{github};
  for (int n = 0; n < 7; ++n) REQUIRE(p.night(1.0).status == 0);
  // Tonight's first write to GitHub (creating the labels, before the issue)
  // hangs; the job is cancelled (SIGTERM) while it waits.
  github.inject(FakeGitHub::fault("POST", 502, {}, 5));
  const pid_t pid = start_perfwatch(p.prepare_night(1.6), p.dir / "cancelled.err");
  REQUIRE(pid > 0);
  const auto posted = [&] {
    for (const auto& r : github.requests())
      if (r.method == "POST") return true;
    return false;
  };
  REQUIRE(eventually(posted));
  REQUIRE(kill(pid, SIGTERM) == 0);
  const int status = wait_for(pid);
  CHECK((WIFSIGNALED(status) || (WIFEXITED(status) && WEXITSTATUS(status) != 0)));
  CHECK(github.issues().empty());
  // The night itself was recorded whole before the first GitHub call.
  CHECK(runs_in(p) == 8);
  CHECK(p.perfwatch({"compare"}).status == 1);
  // The next night, still regressed: one issue, not two.
  const auto r = p.night(1.6);
  CHECK_MESSAGE(r.status == 1, r.err);
  CHECK(github.issues().size() == 1);
  CHECK(runs_in(p) == 9);
}

TEST_CASE("cli nightly: GitHub failing past the budget is exit 3, saying what was not done") {
  Project p;
  FakeGitHub github;
  GitHubEnvironment env{github};
  for (int n = 0; n < 7; ++n) REQUIRE(p.night(1.0).status == 0);
  for (int i = 0; i < 5; ++i) {
    auto f = FakeGitHub::fault("POST", 503);
    f.path_contains = "/issues";
    github.inject(f);
  }
  setenv("PERFWATCH_GITHUB_BUDGET", "0.2", 1);
  const auto r = p.night(1.6);
  unsetenv("PERFWATCH_GITHUB_BUDGET");
  CHECK(r.status == 3);
  CHECK(one_line(r.err.substr(r.err.rfind("perfwatch: error:"))));
  CHECK_MESSAGE(r.err.find("the retry budget of 0.2 s is spent") != std::string::npos, r.err);
  CHECK(r.err.find("done: 0 of 1 GitHub actions; not done: open an issue for parser/small p95_latency") != std::string::npos);
  CHECK(github.issues().empty());
  CHECK(runs_in(p) == 8);  // the night itself is kept
}
