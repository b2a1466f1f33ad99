#include "cli/html_report.hpp"

#include <cmath>
#include <fstream>
#include <map>
#include <optional>
#include <set>

#include "cli/comparison.hpp"
#include "detect/decide.hpp"
#include "detect/nightly.hpp"
#include "report/html_view.hpp"
#include "util/error.hpp"

namespace perfwatch {
namespace {

double value_or_nan(const BenchmarkResult& r, Metric m) {
  const auto v = night_value(r, m);
  return v ? v->value : NAN;
}

// The night's point: latency quantiles, or the one line of `line` (throughput, instructions).
ChartNight chart_night(const HistoryPoint& p, bool latency, Metric line) {
  ChartNight n;
  n.time = p.time;
  n.commit = p.commit_sha;
  n.subject = p.commit_subject;
  n.failure = p.result.failure.value_or("");
  n.p50 = n.p95 = n.p99 = NAN;
  if (!latency) {
    n.p50 = value_or_nan(p.result, line);
  } else if (const auto q = latency_quantiles(p.result)) {
    n.p50 = q->p50.value;
    n.p95 = q->p95.value;
    n.p99 = q->p99.value;
  }
  n.memory_growth = value_or_nan(p.result, Metric::memory_growth);
  return n;
}

Comparison compare_stored_run(Store& store, Context& ctx, const RunInfo& run, const Policy& policy) {
  CommitInfo commit;
  commit.sha = run.commit_sha;
  return compare_run(store, ctx.repo(), run, commit, policy);
}

}  // namespace

void write_html_report(Context& ctx, Store& store, const Policy& policy, const std::string& path, int days,
                       int compared_nights) {
  const std::vector<RunInfo> runs = store.all_runs();
  if (runs.empty()) throw input_error(store.where() + ": expected recorded runs for the report, got none");
  const RunInfo newest = runs.back();
  // Each recent night of the newest run's environment against its own
  // baseline, so a chart marks the nights that alerted.
  std::set<std::pair<std::int64_t, std::string>> regressed;
  std::vector<const RunInfo*> recent;
  for (auto it = runs.rbegin(); it != runs.rend() && static_cast<int>(recent.size()) < compared_nights; ++it)
    if (it->environment == newest.environment && it->status == RunStatus::complete) recent.push_back(&*it);
  std::optional<Comparison> latest;  // the newest run's, kept from the loop when it is among them
  for (const RunInfo* run : recent) {
    Comparison c = compare_stored_run(store, ctx, *run, policy);
    for (const MetricResult& r : c.results)
      if (r.verdict == Verdict::regression && !refuted(r)) regressed.insert({run->id, r.benchmark});
    if (run->id == newest.id) latest = std::move(c);
  }
  if (!latest) latest = compare_stored_run(store, ctx, newest, policy);
  std::map<std::string, std::vector<MetricResult>> results;
  for (const MetricResult& r : latest->results) results[r.benchmark].push_back(r);

  HtmlReport report;
  report.title = newest.suite;
  report.commit = newest.commit_sha;
  report.generated = ctx.now();
  report.warnings = latest->warnings;
  const UnixTime since = newest.time - std::int64_t{days} * 86400;
  for (const BenchmarkResult& tonight : store.run_results(newest.id)) {
    BenchmarkChart chart;
    chart.name = tonight.name;
    // One line where there is no latency: the instruction count, else the throughput.
    const Metric line = tonight.instructions ? Metric::instructions : Metric::throughput;
    chart.latency = tonight.latency.has_value() || (!tonight.throughput && !tonight.instructions);
    chart.line = to_string(line);
    chart.unit = tonight.latency        ? tonight.latency->unit
                 : tonight.instructions ? tonight.instructions->unit
                 : tonight.throughput   ? tonight.throughput->unit
                                        : "ns";
    for (const HistoryPoint& p : store.history(tonight.name, since)) {
      if (p.time > newest.time || p.status == RunStatus::invalidated) continue;
      ChartNight n = chart_night(p, chart.latency, line);
      n.regression = regressed.count({p.run_id, tonight.name}) > 0;
      chart.nights.push_back(std::move(n));
    }
    if (chart.nights.empty()) continue;
    chart.baseline_from = latest->baseline.runs > 0 ? latest->baseline.from : 0;
    chart.baseline_to = latest->baseline.runs > 0 ? latest->baseline.to : 0;
    chart.results = results[tonight.name];
    chart.verdict = overall_verdict(chart.results);
    report.charts.push_back(std::move(chart));
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw input_error(path + ": expected a writable path for the HTML report");
  out << render_html_report(report);
  out.close();
  if (!out) throw environment_error(path + ": writing the HTML report failed");
  ctx.info() << "perfwatch: wrote " << path << " (" << report.charts.size() << " benchmarks, " << recent.size()
             << " nights compared)\n";
}

}  // namespace perfwatch
