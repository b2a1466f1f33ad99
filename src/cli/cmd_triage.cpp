// perfwatch triage accept|ignore|unignore|invalidate|log: maintainers'
// decisions that change future baselines, recorded with who, when and why.
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

#include "cli/command.hpp"
#include "cli/comparison.hpp"
#include "cli/triage_sync.hpp"
#include "util/text.hpp"

namespace perfwatch {
namespace {

struct TriageOptions {
  std::string benchmark;
  std::string metric;
  std::string at = "HEAD";
  std::string until;
  std::int64_t run = 0;
  std::string commit;
  std::string by;
  std::string reason;
};

std::string default_actor(const Settings& settings) {
  for (const char* name : {"GITHUB_ACTOR", "USER", "LOGNAME"})
    if (std::string v = settings.get(name); !v.empty()) return v;
  return "unknown";
}

Decision base_decision(const Context& ctx, const TriageOptions& o, DecisionKind kind) {
  Decision d;
  d.time = ctx.now();
  d.kind = kind;
  d.actor = o.by.empty() ? default_actor(ctx.settings()) : o.by;
  d.reason = o.reason;
  d.source = "cli";
  return d;
}

// With a token and a repository, the open issues the decisions end are closed
// now; otherwise the next `nightly` (or `report --github`) closes them.
void close_issues_now(Context& ctx, Store& store) {
  const auto config = github::config_from_environment(ctx.settings().env, "");
  if (config.token.empty()) {
    ctx.info() << "perfwatch: no GITHUB_TOKEN: a matching open issue is closed by the next `perfwatch nightly`\n";
    return;
  }
  GitHubSession session = connect_github(ctx, false);
  close_ended_issues(ctx, session, store.decisions(), false);
}

int accept(const TriageOptions& o, Context& ctx) {
  Store store = ctx.open_store(Store::Mode::create);
  if (!store.has_benchmark(o.benchmark)) {
    throw input_error("triage accept \"" + o.benchmark + "\": expected a benchmark in the history, got none by that name");
  }
  const CommitInfo commit = ctx.repo().resolve(o.at);
  const RunInfo run = latest_run_or_fail(store, o.at, commit);
  Decision d = base_decision(ctx, o, DecisionKind::accept);
  d.benchmark = o.benchmark;
  d.metric = o.metric;
  d.commit_sha = commit.sha;
  d.since = run.time;
  store.record_decisions({d});
  ctx.info() << "perfwatch: accepted the new level of " << o.benchmark << " (" << (o.metric.empty() ? "every metric" : o.metric)
             << "): its baseline starts at " << commit.sha.substr(0, 8) << " (run " << run.id << ", "
             << format_short_time(run.time) << ")\n";
  close_issues_now(ctx, store);
  return 0;
}

int ignore(const TriageOptions& o, Context& ctx, DecisionKind kind) {
  Store store = ctx.open_store(Store::Mode::create);
  Decision d = base_decision(ctx, o, kind);
  d.benchmark = o.benchmark;
  if (!o.until.empty()) {
    d.until = parse_iso8601(o.until);
    if (!d.until) throw input_error("triage ignore --until \"" + o.until + "\": expected an ISO 8601 date such as 2026-12-01");
  }
  bool matches = false;
  for (const std::string& name : store.benchmark_names()) matches = matches || glob_match(o.benchmark, name);
  if (!matches) ctx.err() << "perfwatch: warning: \"" << o.benchmark << "\" matches no benchmark in the history yet\n";
  store.record_decisions({d});
  if (kind == DecisionKind::ignore) {
    ctx.info() << "perfwatch: regressions of " << o.benchmark << " no longer alert"
               << (d.until ? " until " + format_iso8601(*d.until) : std::string(" (until `perfwatch triage unignore`)")) << "\n";
  } else {
    ctx.info() << "perfwatch: regressions of " << o.benchmark << " alert again\n";
  }
  return 0;
}

int invalidate(const TriageOptions& o, Context& ctx) {
  if ((o.run == 0) == o.commit.empty()) throw input_error("triage invalidate: expected a RUN id or --commit REV (one of them)");
  Store store = ctx.open_store(Store::Mode::create);
  std::vector<RunInfo> runs;
  if (o.run != 0) {
    const auto run = store.run_info(o.run);
    if (!run) throw input_error("triage invalidate " + std::to_string(o.run) + ": expected a recorded run id, got none");
    runs.push_back(*run);
  } else {
    const CommitInfo commit = ctx.repo().resolve(o.commit);
    runs = store.runs_of_commit(commit.sha);
    if (runs.empty()) throw input_error(o.commit + " (" + commit.sha.substr(0, 8) + "): expected a commit with recorded runs, got none");
  }
  std::vector<Decision> decisions;
  for (const RunInfo& r : runs) {
    Decision d = base_decision(ctx, o, DecisionKind::invalidate);
    d.run_id = r.id;
    d.commit_sha = r.commit_sha;
    decisions.push_back(d);
  }
  store.record_decisions(decisions);
  for (const RunInfo& r : runs)
    ctx.info() << "perfwatch: run " << r.id << " (" << r.commit_sha.substr(0, 8) << ", " << format_short_time(r.time)
               << ") is invalidated and leaves every baseline\n";
  close_issues_now(ctx, store);
  return 0;
}

std::string describe(const Decision& d) {
  switch (d.kind) {
    case DecisionKind::accept:
      return d.benchmark + " " + (d.metric.empty() ? "(every metric)" : d.metric) + " from " + d.commit_sha.substr(0, 8);
    case DecisionKind::ignore: return d.benchmark + (d.until ? " until " + format_iso8601(*d.until) : "");
    case DecisionKind::unignore: return d.benchmark;
    case DecisionKind::invalidate: return "run " + std::to_string(d.run_id) + " (" + d.commit_sha.substr(0, 8) + ")";
  }
  return "";
}

int log(Context& ctx) {
  Store store = ctx.open_store(Store::Mode::read_only);
  const auto decisions = store.decisions();
  if (decisions.empty()) {
    ctx.out() << "no triage decisions yet\n";
    return 0;
  }
  // Columns as wide as their longest entry.
  size_t what_width = 4, by_width = 2, from_width = 4;
  for (const Decision& d : decisions) {
    what_width = std::max(what_width, describe(d).size());
    by_width = std::max(by_width, d.actor.size());
    from_width = std::max(from_width, d.source.size());
  }
  auto line = [&](const std::string& when, const std::string& kind, const std::string& what, const std::string& by,
                  const std::string& from, const std::string& why) {
    ctx.out() << fmt::format("{:<17} {:<10} {:<{}}  {:<{}}  {:<{}}  {}\n", when, kind, what, what_width, by, by_width, from,
                             from_width, why);
  };
  line("when (UTC)", "decision", "what", "by", "from", "why");
  for (const Decision& d : decisions) line(format_short_time(d.time), to_string(d.kind), describe(d), d.actor, d.source, d.reason);
  return 0;
}

void add_common(CLI::App* sub, TriageOptions& o) {
  sub->add_option("--by", o.by, "Who decides (default $GITHUB_ACTOR, else $USER)");
  sub->add_option("--reason,-m", o.reason, "Why, for the log and the issue");
}

}  // namespace

Handler setup_triage(CLI::App& sub) {
  auto o = std::make_shared<TriageOptions>();
  auto chosen = std::make_shared<std::string>();
  auto* accept_cmd = sub.add_subcommand("accept", "The new level is intended: the benchmark's baseline starts at REV");
  accept_cmd->add_option("benchmark", o->benchmark, "Benchmark name")->required();
  accept_cmd->add_option("--metric", o->metric, "Only this metric (default every metric)")
      ->check(CLI::IsMember(metric_names()));
  accept_cmd->add_option("--at", o->at, "Commit whose newest run starts the new baseline")->capture_default_str();
  auto* ignore_cmd = sub.add_subcommand("ignore", "Stop alerting for benchmarks matching a glob (a flaky benchmark)");
  ignore_cmd->add_option("benchmark", o->benchmark, "Benchmark name or glob")->required();
  ignore_cmd->add_option("--until", o->until, "ISO 8601 date when alerts resume (default: until unignore)");
  auto* unignore_cmd = sub.add_subcommand("unignore", "Alert again for benchmarks matching a glob");
  unignore_cmd->add_option("benchmark", o->benchmark, "Benchmark name or glob")->required();
  auto* invalidate_cmd = sub.add_subcommand("invalidate", "A bad night: the run leaves every baseline");
  invalidate_cmd->add_option("run", o->run, "Run id (see `perfwatch history` or `export`)")->check(CLI::PositiveNumber);
  invalidate_cmd->add_option("--commit", o->commit, "Every run of this commit instead");
  sub.add_subcommand("log", "Every triage decision: who, when, what and why");
  for (CLI::App* s : {accept_cmd, ignore_cmd, unignore_cmd, invalidate_cmd}) add_common(s, *o);
  for (CLI::App* s : sub.get_subcommands({})) s->callback([chosen, s] { *chosen = s->get_name(); });
  return [o, chosen](Context& ctx) {
    if (*chosen == "accept") return accept(*o, ctx);
    if (*chosen == "ignore") return ignore(*o, ctx, DecisionKind::ignore);
    if (*chosen == "unignore") return ignore(*o, ctx, DecisionKind::unignore);
    if (*chosen == "invalidate") return invalidate(*o, ctx);
    if (*chosen == "log") return log(ctx);
    throw input_error("triage: expected one of accept, ignore, unignore, invalidate, log");
  };
}

}  // namespace perfwatch
