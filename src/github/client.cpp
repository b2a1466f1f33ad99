#include "github/client.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <random>
#include <thread>

#include "util/error.hpp"
#include "version.hpp"

namespace perfwatch::github {
namespace {

std::string value_or(const std::map<std::string, std::string>& env, const char* name, const std::string& fallback) {
  const auto it = env.find(name);
  return it != env.end() && !it->second.empty() ? it->second : fallback;
}

}  // namespace

Config config_from_environment(const std::map<std::string, std::string>& env, const std::string& repository) {
  Config c;
  c.api_url = value_or(env, "GITHUB_API_URL", c.api_url);
  while (!c.api_url.empty() && c.api_url.back() == '/') c.api_url.pop_back();
  c.repository = value_or(env, "GITHUB_REPOSITORY", repository);
  c.token = value_or(env, "GITHUB_TOKEN", "");
  const std::string budget = value_or(env, "PERFWATCH_GITHUB_BUDGET", "");
  char* end = nullptr;
  const double seconds = std::strtod(budget.c_str(), &end);
  if (!budget.empty() && *end == '\0' && seconds > 0) c.retry.budget_s = seconds;
  return c;
}

std::string next_link(const std::string& link_header) {
  // <https://api.github.com/...?page=2>; rel="next", <...>; rel="last"
  size_t pos = 0;
  while ((pos = link_header.find('<', pos)) != std::string::npos) {
    const size_t close = link_header.find('>', pos);
    if (close == std::string::npos) break;
    const size_t end = link_header.find(',', close);
    const std::string params = link_header.substr(close, end == std::string::npos ? std::string::npos : end - close);
    if (params.find("rel=\"next\"") != std::string::npos) return link_header.substr(pos + 1, close - pos - 1);
    pos = close;
  }
  return "";
}

Client::Client(Config config, Sleep sleep) : config_(std::move(config)), sleep_(std::move(sleep)) {
  if (!sleep_) sleep_ = [](double s) { std::this_thread::sleep_for(std::chrono::duration<double>(s)); };
  if (config_.repository.empty()) {
    throw environment_error("GitHub: no repository: set GITHUB_REPOSITORY (owner/name) or \"github\": {\"repository\": ...} in the suite file");
  }
  if (config_.token.empty()) {
    throw environment_error("GitHub: GITHUB_TOKEN is not set: a token with the issues: write permission is needed (or use --dry-run)");
  }
}

std::string Client::redact(std::string text) const {
  for (size_t at; !config_.token.empty() && (at = text.find(config_.token)) != std::string::npos;) {
    text.replace(at, config_.token.size(), "***");
  }
  return text;
}

void Client::fail(const HttpResponse& r, const std::string& reason, int attempts) const {
  const std::string where = config_.api_url + " (" + config_.repository + ")";
  switch (r.status) {
    case 401:
      throw environment_error(redact("GitHub: 401 Unauthorized from " + where + ": GITHUB_TOKEN is missing, expired or revoked"));
    case 403:
      throw environment_error(redact("GitHub: 403 Forbidden from " + where +
                                     ": the token lacks the issues: write permission (workflow: permissions: issues: write)"));
    case 404:
      throw environment_error(redact("GitHub: 404 Not Found: repository " + config_.repository +
                                     " does not exist or the token cannot see it (check GITHUB_REPOSITORY)"));
    default:
      throw environment_error(redact("GitHub: unreachable or failing at " + where + " after " + std::to_string(attempts) +
                                     " attempt" + (attempts == 1 ? "" : "s") + ": " + reason));
  }
}

HttpResponse Client::exchange(const std::string& method, const std::string& url, const std::string& body,
                              bool allow_unprocessable, const Check& already_done) {
  HttpRequest request;
  request.method = method;
  request.url = url;
  request.body = body;
  request.connect_timeout_ms = config_.connect_timeout_ms;
  request.timeout_ms = config_.timeout_ms;
  request.headers = {"Accept: application/vnd.github+json", "X-GitHub-Api-Version: 2022-11-28",
                     std::string("User-Agent: perfwatch/") + kVersion, "Authorization: Bearer " + config_.token};
  if (!body.empty()) request.headers.push_back("Content-Type: application/json");
  static thread_local std::mt19937_64 rng(std::random_device{}());
  for (int attempt = 1;; ++attempt) {
    const auto started = std::chrono::steady_clock::now();
    HttpResponse r = perform(request);
    spent_s_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (allow_unprocessable && r.status == 422) return r;
    const RetryDecision d = decide_retry(r, attempt, config_.retry, now_unix(),
                                         std::uniform_real_distribution<double>(0, 1)(rng));
    if (d.next == Next::done) return r;
    if (d.next == Next::fail) fail(r, d.reason, attempt);
    if (spent_s_ + d.wait_s > config_.retry.budget_s) {
      fail(r, d.reason + fmt::format("; the retry budget of {:g} s is spent (PERFWATCH_GITHUB_BUDGET raises it)",
                                     config_.retry.budget_s), attempt);
    }
    sleep_(d.wait_s);
    spent_s_ += d.wait_s;
    // A 5xx, or a failure after the request left, may come after GitHub acted.
    const bool ambiguous = r.status >= 500 || (r.status == 0 && r.reached_server);
    if (ambiguous && already_done) {
      if (auto done = already_done()) {
        HttpResponse found;
        found.status = 200;
        found.body = done->dump();
        return found;
      }
    }
  }
}

nlohmann::json Client::get_all(const std::string& path) {
  nlohmann::json all = nlohmann::json::array();
  std::string url = repo_url(path);
  while (!url.empty()) {
    const HttpResponse r = exchange("GET", url, "");
    const auto page = nlohmann::json::parse(r.body, nullptr, false);
    if (!page.is_array()) throw environment_error("GitHub: expected a JSON array from " + redact(url));
    all.insert(all.end(), page.begin(), page.end());
    auto link = r.headers.find("link");
    url = link == r.headers.end() ? "" : next_link(link->second);
  }
  return all;
}

namespace {

// A response body as JSON; null when it is empty or not JSON.
nlohmann::json json_body(const HttpResponse& r) {
  const auto doc = nlohmann::json::parse(r.body, nullptr, false);
  return doc.is_discarded() ? nlohmann::json() : doc;
}

}  // namespace

std::string Client::repo_url(const std::string& path) const {
  return config_.api_url + "/repos/" + config_.repository + path;
}

std::optional<nlohmann::json> Client::try_send(const std::string& method, const std::string& path,
                                              const nlohmann::json& body) {
  const HttpResponse r = exchange(method, repo_url(path), body.dump(), true);
  if (r.status == 422) return std::nullopt;
  return json_body(r);
}

std::optional<nlohmann::json> Client::create_once(const std::string& path, const nlohmann::json& body,
                                                 const Check& already_done) {
  const HttpResponse r = exchange("POST", repo_url(path), body.dump(), true, already_done);
  if (r.status == 422) return std::nullopt;
  return json_body(r);
}

nlohmann::json Client::send(const std::string& method, const std::string& path, const nlohmann::json& body) {
  return json_body(exchange(method, repo_url(path), body.dump()));
}

}  // namespace perfwatch::github
