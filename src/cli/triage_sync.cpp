#include "cli/triage_sync.hpp"

#include <fmt/format.h>

#include "github/triage_labels.hpp"
#include "report/issue_view.hpp"

namespace perfwatch {

int close_ended_issues(Context& ctx, GitHubSession& session, const std::vector<Decision>& log, bool dry_run) {
  if (!session.client) return 0;
  int closed = 0;
  std::vector<github::TrackedIssue> still_open;
  for (github::TrackedIssue& issue : session.open) {
    const Decision* d = github::ending_decision(issue, log);
    if (!d) {
      still_open.push_back(std::move(issue));
      continue;
    }
    ++closed;
    const github::Marker& m = issue.issue.marker;
    const std::string text = render_triage(*d, m.benchmark, m.metric);
    const std::string number = fmt::format("#{}", issue.issue.number);
    if (dry_run) {
      ctx.out() << "== would comment on and close " << number << " (triage " << to_string(d->kind) << "):\n" << text << "\n";
      continue;
    }
    github::close_with_comment(*session.client, issue.issue.number, text);
    ctx.info() << "perfwatch: closed " << number << " (triage " << to_string(d->kind) << " by " << d->actor << ")\n";
  }
  session.open = std::move(still_open);
  return closed;
}

void sync_triage(Context& ctx, Store& store, GitHubSession& session, bool dry_run) {
  if (!session.client) return;
  std::vector<Decision> log = store.decisions();
  std::vector<Decision> fresh;
  for (const github::TrackedIssue& issue : session.open) {
    const std::string label = github::triage_label(issue);
    if (label.empty()) continue;
    const auto reported = store.run_info(issue.issue.marker.run);
    if (!reported) {
      ctx.err() << "perfwatch: warning: #" << issue.issue.number << " is labelled " << label << " but reports run "
                << issue.issue.marker.run << ", which this history does not hold; left as it is\n";
      continue;
    }
    auto d = github::decision_from_labels(issue, *reported, log, ctx.now());
    if (!d) continue;
    d->actor = github::label_actor(*session.client, issue.issue.number, label);
    ctx.info() << "perfwatch: " << (dry_run ? "would record" : "recorded") << " triage " << to_string(d->kind) << " of "
               << (d->kind == DecisionKind::accept ? d->benchmark : "run " + std::to_string(d->run_id)) << " by "
               << (d->actor.empty() ? "unknown" : d->actor) << " from the label on #" << issue.issue.number << "\n";
    fresh.push_back(*d);
  }
  if (!fresh.empty() && !dry_run) store.record_decisions(fresh);
  log.insert(log.end(), fresh.begin(), fresh.end());
  close_ended_issues(ctx, session, log, dry_run);
}

}  // namespace perfwatch
