#pragma once
// GitHub's REST API for perfwatch: the headers GitHub asks for, retries with
// backoff and jitter, rate limits honoured, pagination through Link, and
// failures as one line that says what is missing. The token never appears in
// any message.
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "github/retry.hpp"

namespace perfwatch::github {

struct Config {
  std::string api_url = "https://api.github.com";
  std::string repository;  // "owner/name"
  std::string token;
  RetryPolicy retry;
  long connect_timeout_ms = 10000;
  long timeout_ms = 30000;
};

// From the values of GITHUB_API_URL, GITHUB_REPOSITORY (else `repository`),
// GITHUB_TOKEN and PERFWATCH_GITHUB_BUDGET (seconds) in `env` (absent or empty: unset).
Config config_from_environment(const std::map<std::string, std::string>& env, const std::string& repository);

class Client {
 public:
  using Sleep = std::function<void(double seconds)>;
  explicit Client(Config config, Sleep sleep = {});

  // `path` is relative to the repository: "/issues?state=open".
  nlohmann::json get_all(const std::string& path);  // every page, arrays joined
  nlohmann::json send(const std::string& method, const std::string& path, const nlohmann::json& body);
  // As send, but a 422 (GitHub's "validation failed": an unknown assignee, say)
  // is nullopt instead of an error.
  std::optional<nlohmann::json> try_send(const std::string& method, const std::string& path, const nlohmann::json& body);

  // A POST that must not happen twice. A 5xx or a timeout may come after
  // GitHub acted, so before each retry `already_done` is asked whether the
  // effect exists; if it returns a value, that is the result. A 422 is nullopt.
  using Check = std::function<std::optional<nlohmann::json>()>;
  std::optional<nlohmann::json> create_once(const std::string& path, const nlohmann::json& body, const Check& already_done);

 private:
  HttpResponse exchange(const std::string& method, const std::string& url, const std::string& body,
                        bool allow_unprocessable = false, const Check& already_done = {});
  [[noreturn]] void fail(const HttpResponse& r, const std::string& reason, int attempts) const;
  std::string redact(std::string text) const;
  std::string repo_url(const std::string& path) const;

  Config config_;
  Sleep sleep_;
  double spent_s_ = 0;  // on requests and waits, against config_.retry.budget_s
};

// The URL of rel="next" in a Link header, or "".
std::string next_link(const std::string& link_header);

}  // namespace perfwatch::github
