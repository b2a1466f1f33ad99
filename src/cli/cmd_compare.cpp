// perfwatch compare [REV] [--format text|json|markdown] [--window-days N] [--all]
#include "cli/command.hpp"
#include "cli/comparison.hpp"
#include "report/comparison_view.hpp"

namespace perfwatch {
namespace {

struct CompareOptions {
  std::string rev = "HEAD";
  std::string format = "text";
  int window_days = 0;  // 0: the policy's
  bool all = false;
  std::string thresholds;
};

void warn_unmatched(const Policy& policy, Store& store, Context& ctx) {
  for (const std::string& glob : unmatched_globs(policy, store.benchmark_names())) {
    ctx.info() << "perfwatch: warning: thresholds override \"" << glob << "\" matches no benchmark in the history\n";
  }
}

int compare(const CompareOptions& o, Context& ctx) {
  const CommitInfo commit = ctx.repo().resolve(o.rev);
  Policy policy = load_policy(ctx, o.thresholds);
  if (o.window_days > 0) policy.window_days = o.window_days;
  Store store = ctx.open_store(Store::Mode::read_only);
  const RunInfo run = latest_run_or_fail(store, o.rev, commit);
  warn_unmatched(policy, store, ctx);
  const Comparison c = compare_run(store, ctx.repo(), run, commit, policy);
  print_comparison(ctx, c, o.format, o.all ? Rows::all : Rows::changed);
  return c.verdict == Verdict::regression ? to_int(ExitStatus::regression) : 0;
}

}  // namespace

Handler setup_compare(CLI::App& sub) {
  auto o = std::make_shared<CompareOptions>();
  sub.add_option("rev", o->rev, "Commit to compare (anything git takes)")->capture_default_str();
  sub.add_option("--format", o->format, "text, json or markdown")
      ->check(CLI::IsMember({"text", "json", "markdown"}))
      ->capture_default_str();
  sub.add_option("--window-days", o->window_days, "Baseline window in days (default 7, or the thresholds file's)")
      ->check(CLI::Range(1, 3650));
  sub.add_flag("--all", o->all, "Show unchanged rows too");
  sub.add_option("--thresholds", o->thresholds, "Policy file (default baselines/thresholds.json in the repo)");
  return [o](Context& ctx) { return compare(*o, ctx); };
}

}  // namespace perfwatch
