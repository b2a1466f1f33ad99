// perfwatch report --github [REV] [--dry-run] | --html FILE
#include "cli/command.hpp"
#include "cli/comparison.hpp"
#include "cli/github_report.hpp"
#include "cli/html_report.hpp"
#include "cli/triage_sync.hpp"

namespace perfwatch {
namespace {

struct ReportOptions {
  std::string rev = "HEAD";
  bool github = false;
  bool dry_run = false;
  std::string html;
  int days = 90;
};

int report(const ReportOptions& o, Context& ctx) {
  if (!o.github && o.html.empty()) throw input_error("report: expected --github or --html FILE");
  const CommitInfo commit = ctx.repo().resolve(o.rev);
  const Policy policy = load_policy(ctx, "");
  if (!o.html.empty()) {
    Store store = ctx.open_store(Store::Mode::read_only);
    write_html_report(ctx, store, policy, o.html, o.days);
    if (!o.github) return 0;
  }
  // Triage labels may record decisions, so the history is opened for writing.
  Store store = ctx.open_store(o.dry_run ? Store::Mode::read_only : Store::Mode::create);
  GitHubSession session = connect_github(ctx, o.dry_run);
  sync_triage(ctx, store, session, o.dry_run);
  const RunInfo run = latest_run_or_fail(store, o.rev, commit);
  const Comparison c = compare_run(store, ctx.repo(), run, commit, policy);
  report_comparison(ctx, store, c, session, o.dry_run);
  return c.verdict == Verdict::regression ? to_int(ExitStatus::regression) : 0;
}

}  // namespace

Handler setup_report(CLI::App& sub) {
  auto o = std::make_shared<ReportOptions>();
  sub.add_option("rev", o->rev, "Commit whose comparison is reported (anything git takes)")->capture_default_str();
  sub.add_flag("--github", o->github, "File, update or close GitHub issues (GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_API_URL)");
  sub.add_flag("--dry-run", o->dry_run, "Print what would be created, commented and closed; send nothing");
  sub.add_option("--html", o->html, "Write a self-contained HTML report with interactive trend charts to this file");
  sub.add_option("--days", o->days, "With --html: chart the nights of this many days before the newest run (default 90)")
      ->check(CLI::Range(1, 3650));
  return [o](Context& ctx) { return report(*o, ctx); };
}

}  // namespace perfwatch
