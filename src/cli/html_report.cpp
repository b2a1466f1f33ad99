#include "cli/html_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <optional>

#include "cli/comparison.hpp"
#include "cli/github_report.hpp"
#include "detect/decide.hpp"
#include "detect/nightly.hpp"
#include "github/client.hpp"
#include "model/units.hpp"
#include "report/comparison_view.hpp"
#include "report/confirmation_view.hpp"
#include "report/html_view.hpp"
#include "report/reason.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace perfwatch {
namespace {

// What each recent night's own comparison said of a benchmark.
struct NightCall {
  NightMark mark = NightMark::none;
  std::string note;
};
using NightCalls = std::map<std::pair<std::int64_t, std::string>, NightCall>;  // (run, benchmark)

// Filed: a regression the reruns did not refute. A candidate: past the
// threshold the bad way but not filed, refuted by its reruns or waiting for
// a second night (its history has such one-night excursions).
std::optional<NightCall> call_of(const MetricResult& r) {
  if (!r.alerting || r.verdict == Verdict::insufficient_baseline) return std::nullopt;
  const std::string what = std::string(to_string(r.metric)) + " " + format_change(r) + "; ";
  if (r.verdict == Verdict::regression && !refuted(r)) return NightCall{NightMark::regression, what + reason_text(r)};
  if (refuted(r)) return NightCall{NightMark::candidate, what + "reruns: " + confirmation_text(r)};
  if (r.nights_in_row == 1 && r.noise.excursions > 0 && bad_way_change(r) > 0)
    return NightCall{NightMark::candidate, what + reason_text(r)};
  return std::nullopt;
}

void note_calls(NightCalls& calls, std::int64_t run_id, const Comparison& c) {
  for (const MetricResult& r : c.results) {
    const auto call = call_of(r);
    if (!call) continue;
    NightCall& kept = calls[{run_id, r.benchmark}];
    // A regression outranks a candidate; two of a kind share the line.
    if (call->mark == NightMark::regression && kept.mark != NightMark::regression) kept = {};
    if (kept.mark == NightMark::regression && call->mark != NightMark::regression) continue;
    kept.mark = call->mark;
    kept.note += (kept.note.empty() ? "" : " / ") + call->note;
  }
}

void interval(ChartNight& n, std::optional<NightValue> v) {
  if (!v || v->log_variance <= 0) return;
  const double half = 1.96 * std::sqrt(v->log_variance);
  n.low = v->value * std::exp(-half);
  n.high = v->value * std::exp(half);
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
    const auto v = night_value(p.result, line);
    n.p50 = v ? v->value : NAN;
    interval(n, v);
  } else if (const auto q = latency_quantiles(p.result)) {
    n.p50 = q->p50.value;
    n.p95 = q->p95.value;
    n.p99 = q->p99.value;
    interval(n, q->p95);
  }
  const auto growth = night_value(p.result, Metric::memory_growth);
  n.memory_growth = growth ? growth->value : NAN;
  if (!n.failure.empty()) n.mark = NightMark::failed, n.note = n.failure;
  return n;
}

std::string decided_by(const Decision& d) {
  return d.actor + (d.reason.empty() ? "" : ": " + d.reason) + (d.source == "cli" ? "" : " (" + d.source + ")");
}

// The triage decisions that concern `name`, at the time each took effect.
std::vector<ChartEvent> chart_events(const std::vector<Decision>& log, const std::map<std::int64_t, UnixTime>& run_times,
                                     const std::string& name) {
  std::vector<ChartEvent> events;
  for (const Decision& d : log) {
    switch (d.kind) {
      case DecisionKind::accept:
        if (d.benchmark == name)
          events.push_back({d.since, "accepted the new level of " + (d.metric.empty() ? "every metric" : d.metric) +
                                         " by " + decided_by(d)});
        break;
      case DecisionKind::ignore:
        if (glob_match(d.benchmark, name))
          events.push_back({d.time, "ignored on " + format_short_time(d.time) + " UTC" +
                                        (d.until ? " until " + format_short_time(*d.until) + " UTC" : "") + " by " +
                                        decided_by(d)});
        break;
      case DecisionKind::unignore:
        if (glob_match(d.benchmark, name))
          events.push_back({d.time, "ignore lifted on " + format_short_time(d.time) + " UTC by " + decided_by(d)});
        break;
      case DecisionKind::invalidate:
        if (const auto at = run_times.find(d.run_id); at != run_times.end())
          events.push_back({at->second, "night invalidated (left out of every baseline) by " + decided_by(d)});
        break;
    }
  }
  return events;
}

// "https://github.com/owner/name/commit/", or "" when the repository is not known.
std::string commit_url(Context& ctx) {
  const Settings& s = ctx.settings();
  const std::string repository = github::config_from_environment(s.env, github_settings(ctx).repository).repository;
  if (repository.empty()) return "";
  const std::string server = s.get("GITHUB_SERVER_URL").empty() ? "https://github.com" : s.get("GITHUB_SERVER_URL");
  return server + "/" + repository + "/commit/";
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
  std::ofstream out(path, std::ios::binary | std::ios::trunc);  // before the work, so a bad path is told at once
  if (!out) throw input_error(path + ": expected a writable path for the HTML report");
  const RunInfo newest = runs.back();
  // Each recent night of the newest run's environment against its own
  // baseline, so a chart marks the nights that alerted.
  NightCalls calls;
  std::vector<const RunInfo*> recent;
  for (auto it = runs.rbegin(); it != runs.rend() && static_cast<int>(recent.size()) < compared_nights; ++it)
    if (it->environment == newest.environment && it->status == RunStatus::complete) recent.push_back(&*it);
  ctx.info() << "perfwatch: report: comparing the newest " << recent.size() << " nights, each against its baseline\n";
  std::optional<Comparison> latest;  // the newest run's, kept from the loop when it is among them
  for (const RunInfo* run : recent) {
    Comparison c = compare_stored_run(store, ctx, *run, policy);
    note_calls(calls, run->id, c);
    if (run->id == newest.id) latest = std::move(c);
  }
  if (!latest) latest = compare_stored_run(store, ctx, newest, policy);
  std::map<std::string, std::vector<MetricResult>> results;
  for (const MetricResult& r : latest->results) results[r.benchmark].push_back(r);
  const std::vector<Decision> log = store.decisions();
  std::map<std::int64_t, UnixTime> run_times;
  for (const RunInfo& r : runs) run_times[r.id] = r.time;

  HtmlReport report;
  report.title = newest.suite;
  report.commit = newest.commit_sha;
  report.generated = ctx.now();
  report.commit_url = commit_url(ctx);
  report.warnings = latest->warnings;
  const UnixTime since = newest.time - std::int64_t{days} * 86400;
  const std::vector<BenchmarkResult> tonight_results = store.run_results(newest.id);
  ctx.info() << "perfwatch: report: charting " << tonight_results.size() << " benchmarks over " << days << " days\n";
  for (const BenchmarkResult& tonight : tonight_results) {
    BenchmarkChart chart;
    chart.name = tonight.name;
    // One line where there is no latency: a tool's count (B/op, cycles), the
    // instruction count, else the throughput.
    const bool counts = tonight.latency && is_count_unit(tonight.latency->unit);
    const Metric line = counts ? Metric::count : tonight.instructions ? Metric::instructions : Metric::throughput;
    chart.latency = !counts && (tonight.latency.has_value() || (!tonight.throughput && !tonight.instructions));
    chart.line = to_string(line);
    chart.unit = tonight.latency        ? tonight.latency->unit
                 : tonight.instructions ? tonight.instructions->unit
                 : tonight.throughput   ? tonight.throughput->unit
                                        : "ns";
    for (const HistoryPoint& p : store.history(tonight.name, since)) {
      if (p.time > newest.time || p.status == RunStatus::invalidated) continue;
      ChartNight n = chart_night(p, chart.latency, line);
      if (const auto call = calls.find({p.run_id, tonight.name}); call != calls.end() && n.failure.empty()) {
        n.mark = call->second.mark;
        n.note = call->second.note;
      }
      chart.nights.push_back(std::move(n));
    }
    if (chart.nights.empty()) continue;
    // A decision after the newest night (an ignore made today) shows on that night.
    for (ChartEvent& e : chart_events(log, run_times, tonight.name)) {
      if (e.time < chart.nights.front().time) continue;
      e.time = std::min(e.time, newest.time);
      chart.decisions.push_back(std::move(e));
    }
    chart.baseline_from = latest->baseline.runs > 0 ? latest->baseline.from : 0;
    chart.baseline_to = latest->baseline.runs > 0 ? latest->baseline.to : 0;
    chart.results = results[tonight.name];
    chart.verdict = overall_verdict(chart.results);
    report.charts.push_back(std::move(chart));
  }
  out << render_html_report(report);
  out.close();
  if (!out) throw environment_error(path + ": writing the HTML report failed");
  ctx.info() << "perfwatch: wrote " << path << " (" << report.charts.size() << " benchmarks, " << recent.size()
             << " nights compared)\n";
}

}  // namespace perfwatch
