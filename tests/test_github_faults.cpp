// Every step perfwatch takes on GitHub (search, create, label, comment, close)
// against a real HTTP server that fails the way GitHub does: 500, 502, 503, a
// connection dropped mid-answer, a hang past the timeout. Each is retried;
// no step is done twice (no duplicate issue); a fault that outlasts the
// retries or the time budget is exit 3.
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "github/client.hpp"
#include "github/plan.hpp"
#include "github/reporter.hpp"
#include "support/fake_github.hpp"
#include "util/error.hpp"

using namespace perfwatch;
using namespace perfwatch::github;
using perfwatch::testing::FakeGitHub;

namespace {

struct Faulty {
  FakeGitHub server;
  std::vector<double> waits;

  Client client(double budget_s = 300, double base_backoff_s = 0.01) {
    Config c;
    c.api_url = server.url();
    c.repository = "octo/widgets";
    c.token = "ghp_faultTestToken0123456789";
    c.timeout_ms = 500;
    c.connect_timeout_ms = 500;
    c.retry.base_backoff_s = base_backoff_s;
    c.retry.budget_s = budget_s;
    return Client(c, [this](double s) {
      waits.push_back(s);
      std::this_thread::sleep_for(std::chrono::duration<double>(std::min(s, 0.05)));
    });
  }
};

struct Step {
  const char* name;
  const char* method;
  const char* path;  // what the fault matches
  std::function<void(Client&)> take;
};

FakeGitHub::Fault failing(const char* kind, const Step& step) {
  FakeGitHub::Fault f = FakeGitHub::fault(step.method, 502);
  f.path_contains = step.path;
  const std::string k = kind;
  if (k == "500") f.status = 500;
  if (k == "503") f.status = 503;
  if (k == "drop") f.drop = true;
  if (k == "timeout") {
    f.status = 200;
    f.delay_s = 1.0;  // past the client's 500 ms
  }
  return f;
}

const std::string kBody = "A regression.\n\n" + format_marker({"fp-1", 8, 0, "parser/small", "p95_latency"});

std::vector<Step> steps() {
  return {
      {"search", "GET", "/issues", [](Client& c) { CHECK(read_open_issues(c).size() == 1); }},
      {"create", "POST", "/issues", [](Client& c) { open_issue(c, "parser/small: p95 regressed", kBody, {}); }},
      {"label", "POST", "/labels", [](Client& c) { ensure_labels(c); }},
      {"comment", "POST", "/comments", [](Client& c) { comment(c, 1, "still regressed"); }},
      {"close", "PATCH", "/issues/1", [](Client& c) { close_with_comment(c, 1, "recovered"); }},
  };
}

}  // namespace

TEST_CASE("github steps survive each fault once, and none is done twice") {
  for (const Step& step : steps()) {
    for (const char* kind : {"500", "502", "503", "drop", "timeout"}) {
      const std::string name = step.name, fault = kind;
      CAPTURE(name);
      CAPTURE(fault);
      Faulty f;
      if (name != "create") {
        auto tracked = FakeGitHub::issue("parser/small: p95 regressed", "open", {std::string(kRegressionLabel)});
        tracked.body = kBody;
        f.server.add_issue(tracked);
      }
      f.server.inject(failing(kind, step));
      Client client = f.client();
      step.take(client);
      CHECK(f.waits.size() >= 1);  // it was retried
      const auto issues = f.server.issues();
      REQUIRE(issues.size() == 1);  // never a duplicate
      if (name == "comment") CHECK(issues[0].comments.size() == 1);
      if (name == "close") CHECK(issues[0].state == "closed");
      if (name == "label") CHECK(f.server.labels().size() == 2);
    }
  }
}

TEST_CASE("github: a 502 after GitHub opened the issue does not open a second") {
  Faulty f;
  FakeGitHub::Fault after = FakeGitHub::fault("POST", 502);
  after.act_first = true;
  f.server.inject(after);
  Client client = f.client();
  open_issue(client, "parser/small: p95 regressed", kBody, {});
  CHECK(f.server.issues().size() == 1);
}

TEST_CASE("github: a fault that outlasts the retries or the budget is exit 3") {
  Faulty f;
  SUBCASE("five 503s: every attempt spent") {
    for (int i = 0; i < 5; ++i) f.server.inject(FakeGitHub::fault("POST", 503));
    Client client = f.client();
    try {
      comment(client, 1, "x");
      FAIL("expected exit 3");
    } catch (const Error& e) {
      CHECK(e.status() == ExitStatus::environment);
      CHECK(std::string(e.what()).find("after 5 attempts") != std::string::npos);
    }
  }
  SUBCASE("the time budget ends the retries before the attempts do") {
    for (int i = 0; i < 5; ++i) f.server.inject(FakeGitHub::fault("POST", 503));
    // Waits are base * 2^(n-1) * (1 + jitter in [0, 1)): the first at most
    // 0.8 s, the first two at least 1.2 s. A budget of 1.1 s leaves 0.3 s for
    // the requests themselves (a loaded machine), and the second wait is past it.
    Client client = f.client(1.1, 0.4);
    try {
      comment(client, 1, "x");
      FAIL("expected exit 3");
    } catch (const Error& e) {
      CHECK(e.status() == ExitStatus::environment);
      CHECK_MESSAGE(std::string(e.what()).find("the retry budget of 1.1 s is spent") != std::string::npos, e.what());
    }
    CHECK(f.waits.size() == 1);
  }
}
