#include "cli/comparison.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <filesystem>
#include <map>
#include <unordered_map>

#include "detect/baseline.hpp"
#include "detect/decide.hpp"
#include "detect/measurement_warnings.hpp"
#include "detect/paired.hpp"
#include "detect/triage.hpp"
#include "util/error.hpp"
#include "util/file.hpp"
#include "util/parallel.hpp"

namespace perfwatch {
namespace {

// Per metric, the time of the benchmark's accept in force at `run_time`.
std::map<Metric, UnixTime> accepts_of(const std::vector<Decision>& log, const std::string& benchmark, UnixTime run_time) {
  std::map<Metric, UnixTime> since;
  for (Metric m : kMetrics)
    if (const auto t = accepted_since(log, benchmark, m, run_time)) since[m] = *t;
  return since;
}

// Per metric, the index of the first baseline night (times oldest first) at
// or after its accept.
std::map<Metric, size_t> accepted_nights(const std::map<Metric, UnixTime>& accepts, const std::vector<UnixTime>& night_times) {
  std::map<Metric, size_t> first;
  for (const auto& [m, since] : accepts)
    first[m] = static_cast<size_t>(std::lower_bound(night_times.begin(), night_times.end(), since) - night_times.begin());
  return first;
}

// A night's results by benchmark, in the order its runs first reported them;
// where several runs of the night reported one, the newest run's, and its
// name in `twice`.
template <typename Result>
std::vector<Result> merge_night(std::vector<std::vector<Result>> runs_oldest_first, const auto& name_of,
                                std::vector<std::string>* twice) {
  if (runs_oldest_first.size() == 1) return std::move(runs_oldest_first.front());  // most nights: one run
  std::vector<Result> merged;
  std::map<std::string, size_t> index;
  for (std::vector<Result>& results : runs_oldest_first) {
    for (Result& r : results) {
      const auto [it, inserted] = index.try_emplace(name_of(r), merged.size());
      if (!inserted && twice) twice->push_back(name_of(r));
      if (inserted) merged.push_back(std::move(r));
      else merged[it->second] = std::move(r);
    }
  }
  return merged;
}

std::vector<BenchmarkResult> night_results(Store& store, const std::vector<RunInfo>& night, std::vector<std::string>* twice) {
  std::vector<std::vector<BenchmarkResult>> runs;
  for (const RunInfo& r : night) runs.push_back(store.run_results(r.id));
  return merge_night(std::move(runs), [](const BenchmarkResult& b) { return b.name; }, twice);
}

std::vector<std::pair<std::string, NightValues>> night_summaries(Store& store, const std::vector<RunInfo>& night) {
  std::vector<std::vector<std::pair<std::string, NightValues>>> runs;
  for (const RunInfo& r : night) runs.push_back(store.run_night_values(r.id));
  return merge_night(std::move(runs), [](const auto& v) { return v.first; }, nullptr);
}

}  // namespace

void print_comparison(Context& ctx, const Comparison& c, const std::string& format, Rows rows) {
  if (format == "json") {
    ctx.out() << comparison_json(c) << "\n";
  } else if (format == "markdown") {
    print_comparison_markdown(c, rows, ctx.out());
  } else {
    const bool terminal = ctx.settings().stdout_is_terminal && ctx.settings().get("NO_COLOR").empty();
    print_comparison_text(c, rows, terminal ? Colour::on : Colour::off, ctx.out());
  }
}

Policy load_policy(Context& ctx, const std::string& path) {
  std::filesystem::path file = path;
  if (file.empty()) {
    file = ctx.repo().workdir() / "baselines" / "thresholds.json";
    if (!std::filesystem::exists(file)) return Policy{};
  }
  return parse_policy(read_file(file), file.string());
}

RunInfo latest_run_or_fail(Store& store, const std::string& rev, const CommitInfo& commit) {
  auto run = store.latest_run_of_commit(commit.sha);
  if (!run) {
    throw input_error(rev + " (" + commit.sha.substr(0, 8) + " " + commit.subject +
                      "): expected a commit with a recorded run, got none (`perfwatch status " + rev +
                      "` shows the nearest measured commits)");
  }
  return *run;
}

namespace {

// The runs `run` is compared with, as nights: every run of a night (shards,
// or several files ingested) is one night, to the baseline and to tonight.
struct NightRuns {
  std::vector<RunInfo> tonight;                      // oldest first, `run` last
  std::vector<std::vector<RunInfo>> baseline, older;  // the baseline window's nights, and the noise model's before it
};

NightRuns nights_around(Store& store, const git::Repository& repo, const RunInfo& run, const Policy& policy) {
  // The longer lookback the noise model learns from; the baseline is its last window_days.
  const int lookback_days = std::max(policy.history_days, policy.window_days);
  const UnixTime from = run.time - std::int64_t{lookback_days} * 86400;
  const std::vector<RunInfo> candidates = store.runs_between(run.environment, from, run.time);
  NightRuns nights;
  nights.tonight = night_of(candidates, run);
  // The windows are counted from tonight's first run, so a night's shards stay together.
  RunInfo night_start = run;
  night_start.time = nights.tonight.front().time;
  const auto eligible = select_baseline(candidates, night_start, lookback_days,
                                        [&repo](const std::string& a, const std::string& d) { return repo.is_ancestor(a, d); });
  const UnixTime window_from = night_start.time - std::int64_t{policy.window_days} * 86400;
  std::vector<RunInfo> baseline_runs, older_runs;
  for (const RunInfo& r : eligible) (r.time >= window_from ? baseline_runs : older_runs).push_back(r);
  nights.baseline = group_nights(baseline_runs);
  nights.older = group_nights(older_runs);
  return nights;
}

// Tonight's benchmarks, each one slot of BenchmarkNights the older nights
// fill: nothing is gathered for a benchmark tonight does not have.
struct Slots {
  std::vector<BenchmarkNights> nights;
  std::unordered_map<std::string, size_t> index;  // by benchmark name
  std::vector<std::vector<UnixTime>> baseline_times;  // per slot, each baseline night's time
};

Slots tonight_slots(Store& store, const std::vector<RunInfo>& tonight_runs, std::vector<std::string>* twice,
                    std::vector<std::pair<std::string, std::string>>& failures) {
  Slots slots;
  std::unordered_map<std::string, NightValues> kept;
  for (auto& [name, values] : night_summaries(store, tonight_runs)) kept.emplace(std::move(name), std::move(values));
  for (BenchmarkResult& tonight : night_results(store, tonight_runs, twice)) {
    if (tonight.failure) failures.emplace_back(tonight.name, *tonight.failure);
    BenchmarkNights n;
    n.name = tonight.name;
    n.current = std::move(tonight);
    if (const auto summary = kept.find(n.name); summary != kept.end()) n.current_values = std::move(summary->second);
    slots.index.emplace(n.name, slots.nights.size());
    slots.nights.push_back(std::move(n));
  }
  slots.baseline_times.resize(slots.nights.size());
  return slots;
}

// The baseline nights, in night order, with the summaries kept at ingest.
void add_baseline_nights(Store& store, const std::vector<std::vector<RunInfo>>& baseline_nights, Slots& slots) {
  for (const auto& night : baseline_nights) {
    std::unordered_map<std::string, NightValues> kept;
    for (auto& [name, values] : night_summaries(store, night)) kept.emplace(std::move(name), std::move(values));
    for (BenchmarkResult& r : night_results(store, night, nullptr)) {
      const auto at = slots.index.find(r.name);
      if (at == slots.index.end()) continue;
      BenchmarkNights& n = slots.nights[at->second];
      const auto summary = kept.find(r.name);
      n.baseline_values.push_back(summary != kept.end() ? std::move(summary->second) : night_values(r));
      n.baseline.push_back(std::move(r));
      slots.baseline_times[at->second].push_back(night.back().time);
    }
  }
}

// Where triage accepts restart each metric's baseline, and the older nights
// the noise model learns from: only those after the newest accept of any metric.
void add_history(Store& store, const std::vector<std::vector<RunInfo>>& older, const std::vector<Decision>& log,
                 UnixTime run_time, Slots& slots) {
  std::vector<UnixTime> since(slots.nights.size(), 0);
  for (size_t i = 0; i < slots.nights.size(); ++i) {
    const auto accepts = accepts_of(log, slots.nights[i].name, run_time);
    slots.nights[i].first_night = accepted_nights(accepts, slots.baseline_times[i]);
    for (const auto& [m, t] : accepts) since[i] = std::max(since[i], t);
    slots.nights[i].history.reserve(older.size());
  }
  for (const auto& night : older) {
    for (auto& [name, values] : night_summaries(store, night)) {
      const auto at = slots.index.find(name);
      if (at != slots.index.end() && night.back().time >= since[at->second])
        slots.nights[at->second].history.push_back(std::move(values));
    }
  }
}

}  // namespace

Comparison compare_run(Store& store, const git::Repository& repo, const RunInfo& run, const CommitInfo& commit,
                       const Policy& policy) {
  const NightRuns around = nights_around(store, repo, run, policy);
  const std::vector<std::vector<RunInfo>>& baseline_nights = around.baseline;
  const std::vector<RunInfo>& tonight_runs = around.tonight;
  std::vector<RunInfo> baseline;  // each night's newest run: its time, commit and machine
  for (const auto& night : baseline_nights) baseline.push_back(night.back());
  Comparison c;
  c.commit = commit.sha;
  c.subject = commit.subject;
  c.run_id = run.id;
  c.run_time = run.time;
  c.environment = run.environment;
  c.environment_note = describe_machine_change(baseline, run);
  c.suite = run.suite;
  c.baseline.runs = static_cast<int>(baseline.size());
  if (!baseline.empty()) {
    c.baseline.from = baseline.front().time;
    c.baseline.to = baseline.back().time;
  }
  std::vector<std::string> twice;  // benchmarks more than one of tonight's runs reported
  Slots slots = tonight_slots(store, tonight_runs, &twice, c.failures);
  std::vector<BenchmarkNights>& nights = slots.nights;
  add_baseline_nights(store, baseline_nights, slots);
  const std::vector<Decision> log = store.decisions();
  add_history(store, around.older, log, run.time, slots);
  c.results = compare_nights(nights, policy);
  std::vector<std::vector<MeasurementWarning>> warned(nights.size());
  parallel_for(nights.size(), [&](size_t i) { warned[i] = measurement_warnings(nights[i], policy); });
  for (std::vector<MeasurementWarning>& each : warned)
    for (MeasurementWarning& w : each) c.warnings.push_back(std::move(w));
  for (MeasurementWarning& w : noise_warnings(c.results, policy)) c.warnings.push_back(std::move(w));
  for (const std::string& name : twice) {
    if (silences(policy.for_benchmark(name), WarningKind::reported_twice)) continue;
    c.warnings.push_back({name, WarningKind::reported_twice,
                          "reported by more than one of tonight's " + std::to_string(tonight_runs.size()) +
                              " runs: the newest run's result is compared, not both"});
  }
  apply_ignores(c.results, log, run.time);
  if (const size_t back = std::min(baseline.size(), static_cast<size_t>(nights_back_to_good(c.results))); back > 0)
    c.last_good_commit = baseline[baseline.size() - back].commit_sha;
  apply_confirmations(c, store.confirmations(run.id));
  return c;
}

void apply_confirmations(Comparison& c, const std::vector<ConfirmationRecord>& records) {
  for (MetricResult& r : c.results)
    for (const ConfirmationRecord& rec : records)
      if (rec.benchmark == r.benchmark && rec.metric == r.metric) {
        r.confirmation = rec.confirmation;
        // Reruns on new data are the evidence the run-wide test lacked.
        if (r.screened && rec.confirmation.confirmed == true) r.verdict = Verdict::regression;
      }
  c.verdict = overall_verdict(c.results);
}


}  // namespace perfwatch
