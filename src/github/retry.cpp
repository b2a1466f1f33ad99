#include "github/retry.hpp"

#include <cmath>
#include <optional>
#include <cstdlib>

namespace perfwatch::github {
namespace {

std::optional<double> header_number(const HttpResponse& r, const char* name) {
  auto it = r.headers.find(name);
  if (it == r.headers.end()) return std::nullopt;
  char* end = nullptr;
  const double v = std::strtod(it->second.c_str(), &end);
  if (end == it->second.c_str()) return std::nullopt;
  return v;
}

RetryDecision wait_or_fail(double wait_s, const RetryPolicy& policy, std::string reason) {
  if (wait_s > policy.max_wait_s) return {Next::fail, 0, reason + " (asked to wait " + std::to_string(static_cast<long>(wait_s)) + " s)"};
  return {Next::retry, std::max(wait_s, 0.0), std::move(reason)};
}

}  // namespace

RetryDecision decide_retry(const HttpResponse& r, int attempt, const RetryPolicy& policy, UnixTime now,
                           double jitter) {
  if (r.status >= 200 && r.status < 300) return {Next::done, 0, ""};
  const double backoff = policy.base_backoff_s * std::pow(2.0, attempt - 1) * (1 + jitter);
  const bool last = attempt >= policy.max_attempts;
  // Secondary rate limits (403 or 429 with retry-after) and the primary one (remaining 0).
  if (r.status == 403 || r.status == 429) {
    if (auto after = header_number(r, "retry-after")) {
      return last ? RetryDecision{Next::fail, 0, "rate limited"} : wait_or_fail(*after, policy, "secondary rate limit");
    }
    if (auto remaining = header_number(r, "x-ratelimit-remaining"); remaining && *remaining == 0) {
      const double reset = header_number(r, "x-ratelimit-reset").value_or(static_cast<double>(now) + 60);
      return last ? RetryDecision{Next::fail, 0, "rate limited"}
                  : wait_or_fail(reset - static_cast<double>(now) + 1, policy, "primary rate limit");
    }
    if (r.status == 429) return last ? RetryDecision{Next::fail, 0, "rate limited"} : RetryDecision{Next::retry, backoff, "429"};
    return {Next::fail, 0, "forbidden"};
  }
  const bool transient = r.status == 0 || r.status >= 500;
  if (transient && !last) {
    return {Next::retry, backoff, r.status == 0 ? r.transport_error : "HTTP " + std::to_string(r.status)};
  }
  return {Next::fail, 0, r.status == 0 ? r.transport_error : "HTTP " + std::to_string(r.status)};
}

}  // namespace perfwatch::github
