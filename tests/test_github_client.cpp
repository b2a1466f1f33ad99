// The GitHub client against a real HTTP server on 127.0.0.1 playing GitHub.
#include <doctest/doctest.h>

#include "github/client.hpp"
#include "support/fake_github.hpp"
#include "util/error.hpp"

using namespace perfwatch;
using namespace perfwatch::github;
using perfwatch::testing::FakeGitHub;

namespace {

const std::string kToken = "ghp_perfwatchTestToken1234567890abcdef";

struct Fixture {
  FakeGitHub server;
  std::vector<double> waits;  // what the client asked to sleep

  Client client(long timeout_ms = 2000) {
    Config c;
    c.api_url = server.url();
    c.repository = "octo/widgets";
    c.token = kToken;
    c.timeout_ms = timeout_ms;
    c.connect_timeout_ms = 1000;
    c.retry.base_backoff_s = 0.01;
    return Client(c, [this](double s) {
      waits.push_back(s);
      std::this_thread::sleep_for(std::chrono::duration<double>(std::min(s, 0.05)));
    });
  }
  nlohmann::json new_issue() { return {{"title", "t"}, {"body", "b"}, {"labels", {"performance-regression"}}}; }
};

// The message of the Error `f` throws, or "".
template <class F>
std::pair<ExitStatus, std::string> error_of(F f) {
  try {
    f();
  } catch (const Error& e) {
    return {e.status(), e.what()};
  }
  return {ExitStatus::ok, ""};
}

}  // namespace

TEST_CASE("github::Client") {
  Fixture f;
  SUBCASE("GitHub's headers on every request; the token only in Authorization") {
    f.client().send("POST", "/issues", f.new_issue());
    const auto req = f.server.requests().at(0);
    CHECK(req.method == "POST");
    CHECK(req.path == "/repos/octo/widgets/issues");
    CHECK(req.accept == "application/vnd.github+json");
    CHECK(req.api_version == "2022-11-28");
    CHECK(req.user_agent.starts_with("perfwatch/"));
    CHECK(req.authorization == "Bearer " + kToken);
  }
  SUBCASE("150 open issues across pages") {
    for (int i = 0; i < 150; ++i) f.server.add_issue(FakeGitHub::issue("issue " + std::to_string(i), "open", {"performance-regression"}));
    f.server.add_issue(FakeGitHub::issue("closed", "closed", {"performance-regression"}));
    const auto all = f.client().get_all("/issues?state=open&labels=performance-regression&per_page=100");
    CHECK(all.size() == 150);
    CHECK(f.server.requests().size() == 2);
  }
  SUBCASE("502, then success: one issue, no duplicate") {
    f.server.inject(FakeGitHub::fault("POST", 502));
    const auto issue = f.client().send("POST", "/issues", f.new_issue());
    CHECK(issue["number"] == 1);
    CHECK(f.server.issues().size() == 1);
    CHECK(f.waits.size() == 1);
  }
  SUBCASE("403 secondary rate limit with retry-after: 1") {
    f.server.inject(FakeGitHub::fault("POST", 403, {{"retry-after", "1"}}));
    f.client().send("POST", "/issues", f.new_issue());
    CHECK(f.waits == std::vector<double>{1.0});
    CHECK(f.server.issues().size() == 1);
  }
  SUBCASE("primary rate limit: waits until x-ratelimit-reset") {
    const std::string reset = std::to_string(now_unix() + 2);
    f.server.inject(FakeGitHub::fault("GET", 403, {{"x-ratelimit-remaining", "0"}, {"x-ratelimit-reset", reset}}));
    CHECK(f.client().get_all("/issues").empty());
    REQUIRE(f.waits.size() == 1);
    CHECK(f.waits[0] >= 2.0);  // reset - now + 1 s of margin
    CHECK(f.waits[0] <= 3.0);
  }
  SUBCASE("429 without retry-after backs off") {
    f.server.inject(FakeGitHub::fault("GET", 429));
    f.server.inject(FakeGitHub::fault("GET", 429));
    CHECK(f.client().get_all("/issues").empty());
    CHECK(f.waits.size() == 2);
    // Exponential with jitter: attempt n waits base * 2^(n-1) * [1, 2).
    CHECK(f.waits[0] >= 0.01);
    CHECK(f.waits[0] < 0.02);
    CHECK(f.waits[1] >= 0.02);
    CHECK(f.waits[1] < 0.04);
  }
  SUBCASE("a request that hangs past the timeout is retried") {
    f.server.inject(FakeGitHub::fault("GET", 200, {}, 1.5, "[]"));
    f.server.add_issue(FakeGitHub::issue("x"));
    const auto all = f.client(500).get_all("/issues");
    CHECK(all.size() == 1);
    CHECK(f.waits.size() == 1);
  }
  SUBCASE("401: exit 3, says what is missing, never the token") {
    f.server.inject(FakeGitHub::fault("POST", 401));
    const auto [status, message] = error_of([&] { f.client().send("POST", "/issues", f.new_issue()); });
    CHECK(status == ExitStatus::environment);
    CHECK(message.find("401 Unauthorized") != std::string::npos);
    CHECK(message.find("GITHUB_TOKEN") != std::string::npos);
    CHECK(message.find(kToken) == std::string::npos);
    CHECK(f.server.issues().empty());
  }
  SUBCASE("403 without a rate limit: the permission") {
    f.server.inject(FakeGitHub::fault("GET", 403));
    const auto [status, message] = error_of([&] { f.client().get_all("/issues"); });
    CHECK(status == ExitStatus::environment);
    CHECK(message.find("issues: write") != std::string::npos);
  }
  SUBCASE("404: the repository name") {
    f.server.inject(FakeGitHub::fault("GET", 404));
    const auto [status, message] = error_of([&] { f.client().get_all("/issues"); });
    CHECK(message.find("repository octo/widgets does not exist") != std::string::npos);
  }
  SUBCASE("unreachable after retries: exit 3") {
    Config c;
    c.api_url = "http://127.0.0.1:9";  // discard port: nothing listens
    c.repository = "octo/widgets";
    c.token = kToken;
    c.retry.max_attempts = 3;
    c.retry.base_backoff_s = 0.001;
    Client client(c, [](double) {});
    const auto [status, message] = error_of([&] { client.get_all("/issues"); });
    CHECK(status == ExitStatus::environment);
    CHECK(message.find("after 3 attempts") != std::string::npos);
    CHECK(message.find(kToken) == std::string::npos);
  }
  SUBCASE("no token or no repository: exit 3 before any request") {
    Config c;
    c.api_url = f.server.url();
    c.repository = "octo/widgets";
    CHECK(error_of([&] { Client{c}; }).second.find("GITHUB_TOKEN is not set") != std::string::npos);
    c.token = kToken;
    c.repository = "";
    CHECK(error_of([&] { Client{c}; }).second.find("GITHUB_REPOSITORY") != std::string::npos);
    CHECK(f.server.requests().empty());
  }
}

TEST_CASE("github::config_from_environment") {
  std::map<std::string, std::string> env = {
      {"GITHUB_API_URL", "https://ghe.example.com/api/v3/"}, {"GITHUB_REPOSITORY", "acme/engine"}, {"GITHUB_TOKEN", "t0k"}};
  const Config c = config_from_environment(env, "fallback/repo");
  CHECK(c.api_url == "https://ghe.example.com/api/v3");
  CHECK(c.repository == "acme/engine");
  CHECK(c.token == "t0k");
  env["GITHUB_REPOSITORY"] = "";
  CHECK(config_from_environment(env, "fallback/repo").repository == "fallback/repo");
  CHECK(config_from_environment({}, "").api_url == "https://api.github.com");
}
