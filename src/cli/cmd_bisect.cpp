// perfwatch bisect BENCH [--metric M] --good REV --bad REV [--format text|json] [--confirm-budget MINUTES]
// By hand what nightly does for a confirmed regression: both ends built in
// worktrees and rerun interleaved on this machine, then the midpoints, until
// the first bad commit is named. Exit 1 when one is.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "cli/bisect.hpp"
#include "cli/command.hpp"
#include "cli/comparison.hpp"
#include "report/confirmation_view.hpp"
#include "util/file.hpp"

namespace perfwatch {
namespace {

struct BisectOptions {
  std::string benchmark;
  std::string metric = "p95_latency";
  std::string good, bad;
  std::string format = "text";
  double budget_minutes = 20;
};

void print(Context& ctx, const BisectOptions& o, Metric metric, const std::vector<BisectStep>& steps,
           const std::optional<Culprit>& culprit, const std::string& note) {
  if (o.format == "json") {
    nlohmann::json doc = {{"benchmark", o.benchmark}, {"metric", to_string(metric)}, {"steps", nlohmann::json::array()}};
    for (const BisectStep& s : steps) doc["steps"].push_back(step_json(s));
    doc["culprit"] = culprit ? nlohmann::json(culprit->sha) : nlohmann::json(nullptr);
    if (culprit) {
      doc["culprit_commit"] = effect_json(culprit->effect);
      doc["culprit_commit"]["author"] = culprit->author;
      doc["culprit_commit"]["subject"] = culprit->subject;
    }
    doc["note"] = note.empty() ? nlohmann::json(nullptr) : nlohmann::json(note);
    ctx.out() << doc.dump(2) << "\n";
    return;
  }
  for (const BisectStep& s : steps)
    ctx.out() << fmt::format("{}  {:<9}  {} over {} round(s)\n", s.commit_sha.substr(0, 8), to_string(s.call),
                             effect_text(metric, s.effect), s.effect.rounds);
  if (culprit)
    ctx.out() << fmt::format("first bad commit: {} ({}: {}): {}\n", culprit->sha.substr(0, 8), culprit->author, culprit->subject,
                             effect_text(metric, culprit->effect));
  if (!note.empty()) ctx.out() << note << "\n";
}

int run_bisect(const BisectOptions& o, Context& ctx) {
  const Metric metric = parse_metric(o.metric).value();  // --metric is checked against metric_names() when parsed
  const std::filesystem::path config = ctx.suite_path();
  const Suite suite = parse_suite(read_file(config), config.string());
  const SuiteEntry* entry = entry_of(suite.benchmarks, o.benchmark);
  if (!entry) throw input_error(config.string() + ": benchmark \"" + o.benchmark + "\": expected one the suite's entries measure (an entry's name, or <entry>/<benchmark>)");
  const git::Repository& repo = ctx.repo();
  const CommitInfo good = repo.resolve(o.good), bad = repo.resolve(o.bad);
  if (good.sha == bad.sha || !repo.is_ancestor(good.sha, bad.sha))
    throw input_error("--good " + o.good + ": expected an ancestor of --bad " + o.bad + ", got " + good.sha.substr(0, 8) +
                      " which is not one");
  Policy policy = load_policy(ctx, "");
  Store store = ctx.open_store(Store::Mode::create);
  const std::filesystem::path suite_dir = std::filesystem::absolute(config).parent_path();
  Workspace ws(repo, repo.workdir() / ".perfwatch" / "bisect" / std::to_string(ctx.now()), suite_dir);
  if (!ws.problem().empty()) throw input_error(config.string() + ": " + ws.problem());
  Budget budget{o.budget_minutes * 60};
  std::ostream& info = ctx.info();
  const auto good_tree = ws.checkout(good.sha), bad_tree = ws.checkout(bad.sha);
  const Tree good_at = ws.tree_of(*good_tree), bad_at = ws.tree_of(*bad_tree);
  for (const Tree* t : {&good_at, &bad_at})
    if (const std::string failed = prepare_entry(*entry, *t, budget, ws.work_dir(t->sha.substr(0, 8))); !failed.empty())
      throw environment_error("prepare step failed " + failed + " (fix the build of that commit, then bisect again)");
  // First the two ends: is --bad a regression against --good at all?
  const Probe probe{o.benchmark, metric, confirm_boundary(metric, policy.for_benchmark(o.benchmark))};
  info << fmt::format("perfwatch: bisect {} {}: {} against {}\n", o.benchmark, o.metric, bad.sha.substr(0, 8), good.sha.substr(0, 8));
  const InterleaveOutcome ends = interleave(*entry, good_at, bad_at, {probe}, budget, ws.work_dir("ends"),
                                            round_reporter(info, "measuring " + bad.sha.substr(0, 8)));
  if (!ends.failure.empty()) throw environment_error("a rerun failed " + ends.failure + " (see its output under .perfwatch/bisect)");
  const ProbeOutcome& p = ends.probes.front();
  if (p.summary.rounds == 0) throw input_error(o.benchmark + ": expected the entry's output to have it, got no " + o.metric);
  std::vector<BisectStep> steps{{ctx.now(), o.benchmark, metric, good.sha, bad.sha, StepCall::undecided,
                                 effect_from(metric, p.summary), ends.seconds}};
  std::optional<Culprit> culprit;
  std::string note;
  if (p.call != PairedCall::above) {
    steps[0].call = p.call ? StepCall::good : StepCall::undecided;
    note = p.call ? "no regression: --bad is within half the policy's threshold of --good on this machine"
                  : "undecided: the budget ran out before the two ends could be told apart";
  } else {
    steps[0].call = StepCall::bad;
    const std::vector<CommitInfo> range = suspect_range(repo, good.sha, bad.sha);
    if (range.size() == 1) {
      culprit = Culprit{bad.sha, bad.author, bad.subject, steps[0].effect};
    } else {
      BisectOutcome found = bisect(ws, *entry, good_at, range, probe, p.summary, budget, ctx.now(), info);
      culprit = found.culprit;
      note = found.note;
      for (BisectStep& s : found.steps) steps.push_back(std::move(s));
    }
  }
  store.record_bisect_steps(steps);
  print(ctx, o, metric, steps, culprit, note);
  return culprit ? to_int(ExitStatus::regression) : 0;
}

}  // namespace

Handler setup_bisect(CLI::App& sub) {
  auto o = std::make_shared<BisectOptions>();
  sub.add_option("benchmark", o->benchmark, "The benchmark (an entry's name, or <entry>/<benchmark>)")->required();
  sub.add_option("--metric", o->metric, "The metric that regressed")->check(CLI::IsMember(metric_names()))->capture_default_str();
  sub.add_option("--good", o->good, "A commit without the regression (anything git takes)")->required();
  sub.add_option("--bad", o->bad, "A later commit with it")->required();
  sub.add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  sub.add_option("--confirm-budget", o->budget_minutes, "Minutes the reruns may take in all")
      ->check(CLI::Range(0.0, 1440.0))
      ->capture_default_str();
  return [o](Context& ctx) { return run_bisect(*o, ctx); };
}

}  // namespace perfwatch
