#include "github/reporter.hpp"

#include <set>

namespace perfwatch::github {

std::vector<TrackedIssue> read_open_issues(Client& client) {
  std::vector<TrackedIssue> tracked;
  for (const auto& issue : client.get_all(std::string("/issues?state=open&labels=") + kRegressionLabel + "&per_page=100")) {
    if (issue.contains("pull_request")) continue;  // the issues API lists pull requests too
    const std::string body = issue.value("body", nlohmann::json("")).is_string() ? issue.value("body", "") : "";
    if (auto marker = parse_marker(body)) tracked.push_back({{issue.value("number", 0), *marker}, body});
  }
  return tracked;
}

void ensure_labels(Client& client) {
  std::set<std::string> present;
  for (const auto& label : client.get_all("/labels?per_page=100")) present.insert(label.value("name", ""));
  const std::pair<const char*, const char*> wanted[] = {{kRegressionLabel, "d73a4a"}, {kInvestigateLabel, "fbca04"}};
  for (const auto& [name, colour] : wanted) {
    if (!present.count(name)) client.send("POST", "/labels", {{"name", name}, {"color", colour}});
  }
}

int open_issue(Client& client, const std::string& title, const std::string& body,
               const std::vector<std::string>& assignees) {
  nlohmann::json request = {{"title", title}, {"body", body}, {"labels", {kRegressionLabel, kInvestigateLabel}}};
  if (!assignees.empty()) {
    request["assignees"] = assignees;
    if (auto created = client.try_send("POST", "/issues", request)) return created->value("number", 0);
    request.erase("assignees");
  }
  return client.send("POST", "/issues", request).value("number", 0);
}

void comment(Client& client, int issue, const std::string& body) {
  client.send("POST", "/issues/" + std::to_string(issue) + "/comments", {{"body", body}});
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
