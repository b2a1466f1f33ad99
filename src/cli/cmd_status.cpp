// perfwatch status [REV]: a developer's view of one commit.
#include <fmt/format.h>

#include <map>

#include "cli/command.hpp"
#include "cli/comparison.hpp"
#include "report/comparison_view.hpp"

namespace perfwatch {
namespace {

struct StatusOptions {
  std::string rev = "HEAD";
};

// The worst verdict of each benchmark, with the result that earned it.
std::map<std::string, const MetricResult*> worst_by_benchmark(const Comparison& c) {
  auto rank = [](Verdict v) {
    return v == Verdict::regression ? 3 : v == Verdict::improvement ? 2 : v == Verdict::unchanged ? 1 : 0;
  };
  std::map<std::string, const MetricResult*> worst;
  for (const MetricResult& r : c.results) {
    const MetricResult*& w = worst[r.benchmark];
    if (!w || rank(r.verdict) > rank(w->verdict)) w = &r;
  }
  return worst;
}

void print_status(const Comparison& c, std::ostream& out) {
  out << fmt::format("{} {}: {} (run {}, {} baseline nights)\n", c.commit.substr(0, 8), c.subject,
                     to_string(c.verdict), c.run_id, c.baseline.runs);
  for (const auto& [name, r] : worst_by_benchmark(c)) {
    std::string detail;
    if (r->verdict == Verdict::regression || r->verdict == Verdict::improvement) {
      detail = fmt::format("{} {} (p {:.2g})", to_string(r->metric), format_change(*r), r->p_value);
    }
    out << fmt::format("  {:<40} {:<22} {}\n", name, to_string(r->verdict), detail);
  }
  for (const auto& [name, why] : c.failures) out << fmt::format("  {:<40} {:<22} {}\n", name, "failed", why);
}

// One line about a measured neighbour of an unmeasured commit.
void print_neighbour(const char* label, const RunInfo& run, Store& store, Context& ctx, const Policy& policy) {
  const CommitInfo commit = ctx.repo().resolve(run.commit_sha);
  const Comparison c = compare_run(store, ctx.repo(), run, commit, policy);
  ctx.out() << fmt::format("  {}: {} {} -> {}\n", label, commit.sha.substr(0, 8), commit.subject, to_string(c.verdict));
}

int status(const StatusOptions& o, Context& ctx) {
  const CommitInfo commit = ctx.repo().resolve(o.rev);
  const Policy policy = load_policy(ctx, "");
  Store store = ctx.open_store(Store::Mode::read_only);
  if (const auto run = store.latest_run_of_commit(commit.sha)) {
    const Comparison c = compare_run(store, ctx.repo(), *run, commit, policy);
    print_status(c, ctx.out());
    return c.verdict == Verdict::regression ? to_int(ExitStatus::regression) : 0;
  }
  ctx.out() << fmt::format("{} {}: no run recorded for this commit\n", commit.sha.substr(0, 8), commit.subject);
  const auto runs = store.all_runs();
  // Nearest measured ancestor: the first commit on the first-parent line that has a run.
  bool found_ancestor = false;
  for (const std::string& sha : ctx.repo().first_parent_history(commit.sha, 1000)) {
    if (const auto run = store.latest_run_of_commit(sha)) {
      print_neighbour("nearest measured ancestor", *run, store, ctx, policy);
      found_ancestor = true;
      break;
    }
  }
  if (!found_ancestor) ctx.out() << "  nearest measured ancestor: none\n";
  // Nearest measured descendant: the earliest run on a commit that contains this one.
  const RunInfo* descendant = nullptr;
  for (const RunInfo& run : runs) {
    if (run.commit_sha != commit.sha && ctx.repo().is_ancestor(commit.sha, run.commit_sha)) {
      descendant = &run;
      break;
    }
  }
  if (descendant) print_neighbour("nearest measured descendant", *descendant, store, ctx, policy);
  else ctx.out() << "  nearest measured descendant: none\n";
  return 0;
}

}  // namespace

Handler setup_status(CLI::App& sub) {
  auto o = std::make_shared<StatusOptions>();
  sub.add_option("rev", o->rev, "Commit (anything git takes)")->capture_default_str();
  return [o](Context& ctx) { return status(*o, ctx); };
}

}  // namespace perfwatch
