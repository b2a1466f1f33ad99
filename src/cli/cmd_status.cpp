// perfwatch status [REV] [--format text|json]: a developer's view of one commit.
#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include "report/reason.hpp"
#include "cli/command.hpp"
#include "cli/comparison.hpp"
#include "report/comparison_view.hpp"

namespace perfwatch {
namespace {

struct StatusOptions {
  std::string rev = "HEAD";
  std::string format = "text";
};

// The worst verdict of each benchmark, with the result that earned it. A
// p99.9 of too few samples says nothing either way: it never outranks an
// insufficient baseline.
std::map<std::string, const MetricResult*> worst_by_benchmark(const Comparison& c) {
  auto rank = [](Verdict v) {
    return v == Verdict::regression ? 3 : v == Verdict::improvement ? 2 : v == Verdict::unchanged ? 1 : 0;
  };
  std::map<std::string, const MetricResult*> worst;
  for (const MetricResult& r : c.results) {
    if (r.too_few_samples > 0) continue;
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
      detail = fmt::format("{} {} (p {:.2g}): {}", to_string(r->metric), format_change(*r), r->p_value, reason_text(*r));
    }
    out << fmt::format("  {:<40} {:<22} {}\n", name, to_string(r->verdict), detail);
  }
  for (const auto& [name, why] : c.failures) out << fmt::format("  {:<40} {:<22} {}\n", name, "failed", why);
}

// compare's JSON, with each benchmark's worst verdict as "benchmarks".
nlohmann::json status_json(const Comparison& c) {
  nlohmann::json doc = nlohmann::json::parse(comparison_json(c));
  doc["measured"] = true;
  doc["benchmarks"] = nlohmann::json::object();
  for (const auto& [name, r] : worst_by_benchmark(c)) doc["benchmarks"][name] = to_string(r->verdict);
  for (const auto& [name, why] : c.failures) doc["benchmarks"][name] = "failed";
  return doc;
}

// A measured neighbour of an unmeasured commit: its commit and verdict.
struct Neighbour {
  CommitInfo commit;
  Verdict verdict;
};

Neighbour neighbour(const RunInfo& run, Store& store, Context& ctx, const Policy& policy) {
  const CommitInfo commit = ctx.repo().resolve(run.commit_sha);
  return {commit, compare_run(store, ctx.repo(), run, commit, policy).verdict};
}

nlohmann::json neighbour_json(const std::optional<Neighbour>& n) {
  if (!n) return nullptr;
  return {{"commit", n->commit.sha}, {"subject", n->commit.subject}, {"verdict", to_string(n->verdict)}};
}

void print_neighbour(Context& ctx, const char* label, const std::optional<Neighbour>& n) {
  if (!n) {
    ctx.out() << "  " << label << ": none\n";
    return;
  }
  ctx.out() << fmt::format("  {}: {} {} -> {}\n", label, n->commit.sha.substr(0, 8), n->commit.subject, to_string(n->verdict));
}

int status(const StatusOptions& o, Context& ctx) {
  const CommitInfo commit = ctx.repo().resolve(o.rev);
  const Policy policy = load_policy(ctx, "");
  Store store = ctx.open_store(Store::Mode::read_only);
  if (const auto run = store.latest_run_of_commit(commit.sha)) {
    const Comparison c = compare_run(store, ctx.repo(), *run, commit, policy);
    if (o.format == "json") ctx.out() << status_json(c).dump(2) << "\n";
    else print_status(c, ctx.out());
    return c.verdict == Verdict::regression ? to_int(ExitStatus::regression) : 0;
  }
  // Nearest measured ancestor: the first commit on the first-parent line that has a run.
  std::optional<Neighbour> ancestor, descendant;
  for (const std::string& sha : ctx.repo().first_parent_history(commit.sha, 1000)) {
    if (const auto run = store.latest_run_of_commit(sha)) {
      ancestor = neighbour(*run, store, ctx, policy);
      break;
    }
  }
  // Nearest measured descendant: the earliest run on a commit that contains this one.
  for (const RunInfo& run : store.all_runs()) {
    if (run.commit_sha != commit.sha && ctx.repo().is_ancestor(commit.sha, run.commit_sha)) {
      descendant = neighbour(run, store, ctx, policy);
      break;
    }
  }
  if (o.format == "json") {
    ctx.out() << nlohmann::json{{"commit", commit.sha}, {"subject", commit.subject}, {"measured", false},
                                {"nearest_ancestor", neighbour_json(ancestor)},
                                {"nearest_descendant", neighbour_json(descendant)}}
                     .dump(2)
              << "\n";
    return 0;
  }
  ctx.out() << fmt::format("{} {}: no run recorded for this commit\n", commit.sha.substr(0, 8), commit.subject);
  print_neighbour(ctx, "nearest measured ancestor", ancestor);
  print_neighbour(ctx, "nearest measured descendant", descendant);
  return 0;
}

}  // namespace

Handler setup_status(CLI::App& sub) {
  auto o = std::make_shared<StatusOptions>();
  sub.add_option("rev", o->rev, "Commit (anything git takes)")->capture_default_str();
  sub.add_option("--format", o->format, "text or json (compare's shape, plus each benchmark's worst verdict)")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  return [o](Context& ctx) { return status(*o, ctx); };
}

}  // namespace perfwatch
