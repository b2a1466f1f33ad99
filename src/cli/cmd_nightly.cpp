// perfwatch nightly [--dry-run] [--format text|json|markdown] [--only GLOB] [--at ISO8601]
//                   [--no-confirm] [--confirm-budget MINUTES]
// The scheduled job in one command: triage read back from GitHub, run the
// suite, compare tonight with its baseline, confirm candidates by interleaved
// reruns (and bisect the confirmed), then file/update/close issues.
#include <cstdlib>
#include <fstream>
#include <optional>

#include "cli/command.hpp"
#include "cli/comparison.hpp"
#include "cli/confirm.hpp"
#include "cli/github_report.hpp"
#include "cli/suite_run.hpp"
#include "cli/triage_sync.hpp"
#include "report/actions_view.hpp"
#include "store/postgres_text.hpp"
#include "util/file_lock.hpp"

namespace perfwatch {
namespace {

struct NightlyOptions {
  SuiteRunOptions run;
  std::string format = "text";
  bool dry_run = false;
  bool all = false;
  ConfirmOptions confirm;
};

bool in_github_actions(const Settings& settings) { return settings.get("GITHUB_ACTIONS") == "true"; }

// The Markdown comparison on the job's summary page, and annotations on the run.
void tell_github_actions(Context& ctx, const Comparison& c) {
  if (const std::string summary = ctx.settings().get("GITHUB_STEP_SUMMARY"); !summary.empty()) {
    std::ofstream out(summary, std::ios::app);
    if (!out) throw environment_error(summary + ": expected a writable GITHUB_STEP_SUMMARY file");
    print_comparison_markdown(c, Rows::changed, out);
  }
  for (const std::string& line : actions_annotations(c)) ctx.out() << line << "\n";
}

std::optional<FileLock> lock_history_file(Context& ctx) {
  if (postgres::is_url(ctx.db_path().string())) return std::nullopt;
  const std::filesystem::path lock_path = ctx.db_path().string() + ".nightly-lock";
  std::error_code ec;  // a missing folder is Store::open's to report
  if (lock_path.has_parent_path()) std::filesystem::create_directories(lock_path.parent_path(), ec);
  return std::optional<FileLock>(std::in_place, lock_path, [&] {
    ctx.info() << "perfwatch: another nightly is running on " << ctx.db_path().string() << "; waiting for it to finish\n";
  });
}

int nightly(const NightlyOptions& o, Context& ctx) {
  const Policy policy = load_policy(ctx, "");
  PlannedRun plan = plan_suite_run(ctx, o.run);
  const std::vector<SuiteEntry> plan_entries = plan.entries;  // the reruns need them after the run
  const std::filesystem::path suite_dir = plan.suite_dir;
  // One nightly at a time per history file: two would both run the suite on
  // the same machine and could file the same issue twice. The second waits.
  // A history on a server is shared by shards on other machines: they run at
  // once, and only their filing waits for one another (below).
  const std::optional<FileLock> lock = lock_history_file(ctx);
  Store store = ctx.open_store(Store::Mode::create);
  // GitHub first: a missing token fails in a second, not after the suite ran,
  // and a maintainer's label decides tonight's baselines.
  GitHubSession session = connect_github(ctx, o.dry_run);
  sync_triage(ctx, store, session, o.dry_run);
  const SuiteRunOutcome tonight = run_suite(ctx, store, std::move(plan));
  Comparison c = compare_run(store, ctx.repo(), tonight.run, tonight.commit, policy);
  const ConfirmPhase confirmed = confirm_candidates(ctx, plan_entries, suite_dir, c, policy, o.confirm);
  if (!confirmed.records.empty()) store.record_confirmations(c.run_id, confirmed.records, confirmed.steps);
  apply_confirmations(c, confirmed.records);
  print_comparison(ctx, c, o.format, o.all ? Rows::all : Rows::changed);
  if (in_github_actions(ctx.settings())) tell_github_actions(ctx, c);
  store.hold_filing_lock([&] {
    ctx.info() << "perfwatch: another nightly is filing issues from this history; waiting for it to finish\n";
  });
  report_comparison(ctx, store, c, session, o.dry_run);
  if (tonight.command_missing)
    throw environment_error("a benchmark command is missing (see the failures above); the night was recorded and reported");
  return c.verdict == Verdict::regression ? to_int(ExitStatus::regression) : 0;
}

}  // namespace

Handler setup_nightly(CLI::App& sub) {
  auto o = std::make_shared<NightlyOptions>();
  sub.add_flag("--dry-run", o->dry_run, "Run, record and compare as usual, but send nothing to GitHub: print it");
  sub.add_option("--format", o->format, "text, json or markdown")
      ->check(CLI::IsMember({"text", "json", "markdown"}))
      ->capture_default_str();
  sub.add_flag("--all", o->all, "Show unchanged rows too");
  sub.add_option("--only", o->run.only, "Run only the benchmarks whose name matches this glob");
  sub.add_option("--at", o->run.at, "Run time, ISO 8601 (default now)");
  sub.add_option("--env", o->run.env, "The environment its baselines match on (default: PERFWATCH_ENV, the suite's \"environment\", else this machine's class)");
  sub.add_flag("--no-confirm", [o](std::int64_t) { o->confirm.enabled = false; },
               "File candidates without rerunning them against the last good commit");
  sub.add_option("--confirm-budget", o->confirm.budget_minutes,
                 "Minutes the reruns (confirmation and bisection) may take in all")
      ->check(CLI::Range(0.0, 1440.0))
      ->capture_default_str();
  return [o](Context& ctx) { return nightly(*o, ctx); };
}

}  // namespace perfwatch
