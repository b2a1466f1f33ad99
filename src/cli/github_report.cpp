#include "cli/github_report.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <map>

#include "detect/nightly.hpp"
#include "report/issue_view.hpp"
#include "util/error.hpp"
#include "util/file.hpp"

namespace perfwatch {
GitHubSettings github_settings(Context& ctx) {
  const std::filesystem::path config = ctx.suite_path();
  if (!std::filesystem::exists(config)) return {};
  return parse_suite(read_file(config), config.string()).github;
}

namespace {

std::string run_url(const Settings& settings) {
  const std::string server = settings.get("GITHUB_SERVER_URL");
  const std::string repo = settings.get("GITHUB_REPOSITORY");
  const std::string run = settings.get("GITHUB_RUN_ID");
  if (server.empty() || repo.empty() || run.empty()) return "";
  return server + "/" + repo + "/actions/runs/" + run;
}

IssueFacts gather_facts(Store& store, Context& ctx, const Comparison& c, const MetricResult& result) {
  const git::Repository& repo = ctx.repo();
  IssueFacts f;
  f.comparison = &c;
  f.result = &result;
  for (const MetricResult& r : c.results)
    if (r.benchmark == result.benchmark) f.rows.push_back(&r);
  f.environment = c.environment + (c.environment_note.empty() ? "" : "; " + c.environment_note);
  f.good_sha = c.last_good_commit;
  size_t total = 0;
  f.suspects = repo.commits_between(c.last_good_commit, c.commit, 50, total);
  f.more_suspects = total - f.suspects.size();
  for (const HistoryPoint& p : store.history(result.benchmark, 0)) {
    if (p.time > c.run_time) continue;
    if (auto v = metric_value(p.result, result.metric)) f.trend.emplace_back(p.time, *v);
  }
  if (f.trend.size() > 30) f.trend.erase(f.trend.begin(), f.trend.end() - 30);
  f.run_url = run_url(ctx.settings());
  return f;
}

std::vector<github::Finding> findings(const Comparison& c, const std::string& repository) {
  std::vector<github::Finding> out;
  for (const MetricResult& r : c.results) {
    // A refuted candidate is neither a regression nor a good night: it leaves issues as they are.
    if (!r.alerting || r.verdict == Verdict::insufficient_baseline || refuted(r)) continue;
    out.push_back({github::fingerprint(repository, c.suite, r.benchmark, r.metric, c.environment), &r,
                   r.verdict == Verdict::regression});
  }
  return out;
}

}  // namespace

GitHubSession connect_github(Context& ctx, bool dry_run) {
  GitHubSession s;
  s.settings = github_settings(ctx);
  s.config = github::config_from_environment(ctx.settings().env, s.settings.repository);
  // A dry run needs no token; with one it reads the open issues to plan exactly.
  if (!dry_run || (!s.config.token.empty() && !s.config.repository.empty())) s.client.emplace(s.config);
  if (s.client) {
    s.open = github::read_open_issues(*s.client);
  } else {
    ctx.out() << "perfwatch: dry run without GITHUB_TOKEN/GITHUB_REPOSITORY: open issues not read, every regression shown as new\n";
  }
  return s;
}

std::string describe(const github::Action& a) {
  const std::string what = a.result ? a.result->benchmark + " " + to_string(a.result->metric) : "";
  switch (a.kind) {
    case github::ActionKind::open: return "open an issue for " + what;
    case github::ActionKind::comment: return fmt::format("comment on #{} ({})", a.issue, what);
    case github::ActionKind::progress: return fmt::format("update #{} ({})", a.issue, what);
    case github::ActionKind::close: return fmt::format("close #{} ({})", a.issue, what);
  }
  return "?";
}

// "; done: 2 of 4 GitHub actions; not done: ...": what a failed report leaves
// for the next nightly (which plans again from GitHub's state, so nothing is doubled).
std::string unfinished(const std::vector<github::Action>& actions, size_t next) {
  std::string left;
  for (size_t i = next; i < actions.size(); ++i) left += (left.empty() ? "" : ", ") + describe(actions[i]);
  return fmt::format("; done: {} of {} GitHub actions; not done: {} (the next nightly retries them)", next,
                     actions.size(), left);
}

ReportCounts report_comparison(Context& ctx, Store& store, const Comparison& c, GitHubSession& session, bool dry_run) {
  std::vector<github::OpenIssue> open;
  std::map<int, std::string> bodies;
  for (const auto& t : session.open) {
    open.push_back(t.issue);
    bodies[t.issue.number] = t.body;
  }
  const auto actions = github::plan_actions(findings(c, session.config.repository), open, c.run_id);
  github::Client* client = session.client ? &*session.client : nullptr;
  bool labels_checked = false;
  ReportCounts counts;
  size_t next = 0;  // the first action not yet carried out
  try {
    for (; next < actions.size(); ++next) {
      const github::Action& a = actions[next];
      // The facts (history, suspect commits) cost reads: only for what is rendered.
      const auto facts = [&] { return gather_facts(store, ctx, c, *a.result); };
      const std::string number = fmt::format("#{}", a.issue);
      switch (a.kind) {
        case github::ActionKind::open: {
          ++counts.opened;
          const IssueFacts f = facts();
          const std::string title = issue_title(f), body = render_issue(f, github::format_marker(a.marker));
          if (dry_run) {
            ctx.out() << "== would open: " << title << "\n" << body << "\n";
            break;
          }
          if (!labels_checked) github::ensure_labels(*client);
          labels_checked = true;
          const auto assignees = assignees_for(session.settings, a.result->benchmark);
          ctx.info() << "perfwatch: opened #" << github::open_issue(*client, title, body, assignees) << ": " << title << "\n";
          break;
        }
        case github::ActionKind::comment:
          ++counts.commented;
          if (dry_run) {
            ctx.out() << "== would comment on " << number << ":\n" << render_comment(facts()) << "\n";
            break;
          }
          github::comment(*client, a.issue, render_comment(facts()));
          github::update_issue(*client, a.issue, bodies[a.issue], a.marker, false);
          ctx.info() << "perfwatch: commented on " << number << " (still regressed)\n";
          break;
        case github::ActionKind::progress:
          ++counts.recovering;
          if (dry_run) {
            ctx.out() << "== would note night " << a.marker.ok_nights << " back within thresholds on " << number << "\n";
            break;
          }
          github::update_issue(*client, a.issue, bodies[a.issue], a.marker, false);
          break;
        case github::ActionKind::close:
          ++counts.closed;
          if (dry_run) {
            ctx.out() << "== would comment on and close " << number << ":\n" << render_recovery(facts(), a.marker.ok_nights) << "\n";
            break;
          }
          github::comment(*client, a.issue, render_recovery(facts(), a.marker.ok_nights));
          github::update_issue(*client, a.issue, bodies[a.issue], a.marker, true);
          ctx.info() << "perfwatch: closed " << number << " (recovered)\n";
          break;
      }
    }
  } catch (const Error& e) {
    throw Error(e.status(), e.what() + unfinished(actions, next));
  }
  ctx.info() << fmt::format("perfwatch: {}{} opened, {} commented, {} closed, {} recovering{}\n", dry_run ? "dry run: " : "",
                            counts.opened, counts.commented, counts.closed, counts.recovering,
                            dry_run ? " (nothing sent)" : "");
  return counts;
}

}  // namespace perfwatch
