#pragma once
// Files, updates and closes the GitHub issues for one comparison (shared by
// `report --github` and `nightly`).
#include <optional>
#include <vector>

#include "cli/context.hpp"
#include "detect/verdict.hpp"
#include "github/reporter.hpp"
#include "runner/suite.hpp"

namespace perfwatch {

// The suite file's github settings, when there is a suite file.
GitHubSettings github_settings(Context& ctx);

// Where issues go: the suite file's github settings, the environment, and a
// client when there is a token and a repository (always, unless a dry run).
struct GitHubSession {
  GitHubSettings settings;
  github::Config config;
  std::optional<github::Client> client;
  std::vector<github::TrackedIssue> open;  // the open perfwatch issues, read once
};
GitHubSession connect_github(Context& ctx, bool dry_run);

// Carries out the plan for `c` against `session.open`; a dry run prints each
// action instead. Returns how many issues were opened, commented and closed.
struct ReportCounts {
  int opened = 0, commented = 0, closed = 0, recovering = 0;
};
ReportCounts report_comparison(Context& ctx, Store& store, const Comparison& c, GitHubSession& session, bool dry_run);

}  // namespace perfwatch
