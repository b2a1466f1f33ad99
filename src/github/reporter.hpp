#pragma once
// Carries a plan out on GitHub: the edge between plan.hpp's decisions and the
// REST API. Each function is one small exchange.
#include <string>
#include <vector>

#include "github/client.hpp"
#include "github/plan.hpp"

namespace perfwatch::github {

constexpr const char* kRegressionLabel = "performance-regression";
constexpr const char* kInvestigateLabel = "needs-investigation";

// Open issues labelled performance-regression that carry a perfwatch marker.
struct TrackedIssue {
  OpenIssue issue;
  std::string body;
};
std::vector<TrackedIssue> read_open_issues(Client& client);

// Creates performance-regression and needs-investigation when the repository lacks them.
void ensure_labels(Client& client);

// Opens an issue; when GitHub refuses the assignees (an invalid login), opens
// it without them rather than losing it. Returns the issue number.
int open_issue(Client& client, const std::string& title, const std::string& body,
               const std::vector<std::string>& assignees);

void comment(Client& client, int issue, const std::string& body);

// Rewrites the marker in `body` (and closes the issue when `close`).
void update_issue(Client& client, int issue, const std::string& body, const Marker& marker, bool close);

// `body` with its perfwatch marker replaced by `marker`.
std::string with_marker(const std::string& body, const Marker& marker);

}  // namespace perfwatch::github
