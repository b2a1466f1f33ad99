#include "github/reporter.hpp"

#include <algorithm>
#include <set>

#include "util/error.hpp"
#include "util/time.hpp"

namespace perfwatch::github {

std::vector<TrackedIssue> read_open_issues(Client& client) {
  std::vector<TrackedIssue> tracked;
  for (const auto& issue : client.get_all(std::string("/issues?state=open&labels=") + kRegressionLabel + "&per_page=100")) {
    if (issue.contains("pull_request")) continue;  // the issues API lists pull requests too
    const std::string body = issue.value("body", nlohmann::json("")).is_string() ? issue.value("body", "") : "";
    auto marker = parse_marker(body);
    if (!marker) continue;
    TrackedIssue t{{issue.value("number", 0), *marker}, body, {}, 0};
    if (issue.contains("created_at") && issue["created_at"].is_string())
      t.created = parse_iso8601(issue["created_at"].get<std::string>()).value_or(0);
    for (const auto& label : issue.value("labels", nlohmann::json::array()))
      if (label.is_object()) t.labels.push_back(label.value("name", ""));
    tracked.push_back(std::move(t));
  }
  return tracked;
}

bool TrackedIssue::has_label(const std::string& name) const {
  return std::find(labels.begin(), labels.end(), name) != labels.end();
}

void ensure_labels(Client& client) {
  std::set<std::string> present;
  for (const auto& label : client.get_all("/labels?per_page=100")) present.insert(label.value("name", ""));
  const std::pair<const char*, const char*> wanted[] = {{kRegressionLabel, "d73a4a"}, {kInvestigateLabel, "fbca04"}};
  for (const auto& [name, colour] : wanted) {
    // 422 is "already exists": another run, or a retried POST that GitHub had carried out.
    if (!present.count(name)) client.try_send("POST", "/labels", {{"name", name}, {"color", colour}});
  }
}

int open_issue(Client& client, const std::string& title, const std::string& body,
               const std::vector<std::string>& assignees) {
  // A retried POST must not open a second issue: look for this issue's marker first.
  const auto marker = parse_marker(body);
  const Client::Check already_open = [&]() -> std::optional<nlohmann::json> {
    for (const TrackedIssue& t : read_open_issues(client)) {
      if (marker && t.issue.marker.fingerprint == marker->fingerprint) return nlohmann::json{{"number", t.issue.number}};
    }
    return std::nullopt;
  };
  nlohmann::json request = {{"title", title}, {"body", body}, {"labels", {kRegressionLabel, kInvestigateLabel}}};
  if (!assignees.empty()) {
    request["assignees"] = assignees;
    if (auto created = client.create_once("/issues", request, already_open)) return created->value("number", 0);
    request.erase("assignees");  // an invalid login must not lose the issue
  }
  const auto created = client.create_once("/issues", request, already_open);
  if (!created) throw environment_error("GitHub refused to open the issue \"" + title + "\" (422 Validation Failed)");
  return created->value("number", 0);
}

void comment(Client& client, int issue, const std::string& body) {
  client.send("POST", "/issues/" + std::to_string(issue) + "/comments", {{"body", body}});
}

void close_with_comment(Client& client, int issue, const std::string& body) {
  comment(client, issue, body);
  client.send("PATCH", "/issues/" + std::to_string(issue), {{"state", "closed"}});
}

std::string label_actor(Client& client, int issue, const std::string& label) {
  std::string actor;
  for (const auto& e : client.get_all("/issues/" + std::to_string(issue) + "/events?per_page=100")) {
    if (e.value("event", "") != "labeled" || !e.contains("label") || !e["label"].is_object()) continue;
    if (e["label"].value("name", "") != label) continue;
    if (e.contains("actor") && e["actor"].is_object()) actor = e["actor"].value("login", "");
  }
  return actor;
}

std::string with_marker(const std::string& body, const Marker& marker) {
  const auto start = body.find("<!-- perfwatch ");
  if (start == std::string::npos) return format_marker(marker) + "\n" + body;
  const auto end = body.find("-->", start);
  return body.substr(0, start) + format_marker(marker) + (end == std::string::npos ? "" : body.substr(end + 3));
}

void update_issue(Client& client, int issue, const std::string& body, const Marker& marker, bool close) {
  nlohmann::json patch = {{"body", with_marker(body, marker)}};
  if (close) patch["state"] = "closed";
  client.send("PATCH", "/issues/" + std::to_string(issue), patch);
}

}  // namespace perfwatch::github
