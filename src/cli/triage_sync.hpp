#pragma once
// Triage carried between GitHub and the history, at the start of `nightly`
// (and `report --github`): perf-accepted / perf-invalid labels on open
// perfwatch issues become decisions in the history (once each, with who put
// the label), and every open issue a decision ended is commented on and
// closed. A dry run prints what it would record and close.
#include "cli/github_report.hpp"

namespace perfwatch {

// Removes the issues it closes (or would close) from `session.open`.
void sync_triage(Context& ctx, Store& store, GitHubSession& session, bool dry_run);

// Comments on and closes the open issues `decision` ends (`triage accept` and
// `triage invalidate` with a token); returns how many.
int close_ended_issues(Context& ctx, GitHubSession& session, const std::vector<Decision>& log, bool dry_run);

}  // namespace perfwatch
