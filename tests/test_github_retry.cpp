#include <doctest/doctest.h>

#include "github/client.hpp"
#include "github/retry.hpp"

using namespace perfwatch::github;

namespace {
HttpResponse response(long status, std::map<std::string, std::string> headers = {}) {
  HttpResponse r;
  r.status = status;
  r.headers = std::move(headers);
  return r;
}
}  // namespace

TEST_CASE("github::decide_retry") {
  const RetryPolicy policy;  // 5 attempts, 0.5 s base, 60 s cap
  const perfwatch::UnixTime now = 1794708000;
  CHECK(decide_retry(response(201), 1, policy, now, 0).next == Next::done);
  SUBCASE("5xx and transport failures back off exponentially, with jitter") {
    CHECK(decide_retry(response(502), 1, policy, now, 0).wait_s == 0.5);
    CHECK(decide_retry(response(502), 3, policy, now, 0).wait_s == 2.0);
    CHECK(decide_retry(response(502), 3, policy, now, 0.5).wait_s == 3.0);
    HttpResponse timeout;
    timeout.transport_error = "Timeout was reached";
    CHECK(decide_retry(timeout, 1, policy, now, 0).next == Next::retry);
    CHECK(decide_retry(response(503), 5, policy, now, 0).next == Next::fail);
  }
  SUBCASE("secondary rate limit: retry-after") {
    const auto d = decide_retry(response(403, {{"retry-after", "7"}}), 1, policy, now, 0);
    CHECK(d.next == Next::retry);
    CHECK(d.wait_s == 7);
    CHECK(decide_retry(response(429, {{"retry-after", "2"}}), 1, policy, now, 0).wait_s == 2);
    CHECK(decide_retry(response(429, {{"retry-after", "3600"}}), 1, policy, now, 0).next == Next::fail);  // bounded
  }
  SUBCASE("primary rate limit: wait until the reset") {
    const auto d = decide_retry(response(403, {{"x-ratelimit-remaining", "0"}, {"x-ratelimit-reset", std::to_string(now + 20)}}),
                                1, policy, now, 0);
    CHECK(d.next == Next::retry);
    CHECK(d.wait_s == 21);
  }
  SUBCASE("401, 403 without a rate limit and 404 are not retried") {
    CHECK(decide_retry(response(401), 1, policy, now, 0).next == Next::fail);
    CHECK(decide_retry(response(403), 1, policy, now, 0).next == Next::fail);
    CHECK(decide_retry(response(404), 1, policy, now, 0).next == Next::fail);
    CHECK(decide_retry(response(422), 1, policy, now, 0).next == Next::fail);
  }
}

TEST_CASE("github::next_link") {
  CHECK(next_link(R"(<https://api.github.com/repositories/1/issues?page=2>; rel="next", <https://api.github.com/repositories/1/issues?page=5>; rel="last")") ==
        "https://api.github.com/repositories/1/issues?page=2");
  CHECK(next_link(R"(<https://x/issues?page=1>; rel="prev", <https://x/issues?page=3>; rel="next")") == "https://x/issues?page=3");
  CHECK(next_link(R"(<https://x/issues?page=1>; rel="first")").empty());
  CHECK(next_link("").empty());
}
