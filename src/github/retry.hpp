#pragma once
// When to try a GitHub request again, and after how long: a pure function of
// the response, so the policy is tested without a network.
#include <string>

#include "github/http.hpp"
#include "util/time.hpp"

namespace perfwatch::github {

struct RetryPolicy {
  int max_attempts = 5;
  double base_backoff_s = 0.5;  // doubled each attempt, with jitter
  double max_wait_s = 60;       // a rate limit asking for longer is a failure, not a hang
  // Seconds one client may spend on requests and waits between them in all
  // (PERFWATCH_GITHUB_BUDGET): past it the report stops with exit 3.
  double budget_s = 300;
};

enum class Next { done, retry, fail };

struct RetryDecision {
  Next next = Next::done;
  double wait_s = 0;
  std::string reason;  // for the log and for the failure message
};

// `attempt` counts from 1; `jitter` in [0, 1) spreads retries of many clients.
RetryDecision decide_retry(const HttpResponse& r, int attempt, const RetryPolicy& policy, UnixTime now,
                           double jitter);

}  // namespace perfwatch::github
