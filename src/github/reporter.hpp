#pragma once
// Carries a plan out on GitHub: the edge between plan.hpp's decisions and the
// REST API. Each function is one small exchange.
#include <string>
#include <vector>

#include "github/client.hpp"
#include "github/plan.hpp"
#include "util/time.hpp"

namespace perfwatch::github {

constexpr const char* kRegressionLabel = "performance-regression";
constexpr const char* kInvestigateLabel = "needs-investigation";
// Triage from the GitHub UI: a maintainer puts one of these on a perfwatch issue.
constexpr const char* kAcceptedLabel = "perf-accepted";
constexpr const char* kInvalidLabel = "perf-invalid";

// Open issues labelled performance-regression that carry a perfwatch marker.
struct TrackedIssue {
  OpenIssue issue;
  std::string body;
  std::vector<std::string> labels;
  UnixTime created = 0;  // created_at
  bool has_label(const std::string& name) const;
};
std::vector<TrackedIssue> read_open_issues(Client& client);

// Creates performance-regression and needs-investigation when the repository lacks them.
void ensure_labels(Client& client);

// Opens an issue; when GitHub refuses the assignees (an invalid login), opens
// it without them rather than losing it. Returns the issue number.
int open_issue(Client& client, const std::string& title, const std::string& body,
               const std::vector<std::string>& assignees);

void comment(Client& client, int issue, const std::string& body);

// Comments and closes (a triage decision ended the issue).
void close_with_comment(Client& client, int issue, const std::string& body);

// Who last put `label` on `issue` (the issue's events), or "" when unknown.
std::string label_actor(Client& client, int issue, const std::string& label);

// Rewrites the marker in `body` (and closes the issue when `close`).
void update_issue(Client& client, int issue, const std::string& body, const Marker& marker, bool close);

// `body` with its perfwatch marker replaced by `marker`.
std::string with_marker(const std::string& body, const Marker& marker);

}  // namespace perfwatch::github
