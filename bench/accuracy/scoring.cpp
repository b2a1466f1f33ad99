#include "accuracy/scoring.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "accuracy/reference_methods.hpp"
#include "accuracy/reruns.hpp"
#include "detect/decide.hpp"
#include "detect/measurement_warnings.hpp"
#include "detect/paired.hpp"

namespace perfwatch::accuracy {
namespace {

// alerts[benchmark][night] of one method.
using Alerts = std::vector<std::vector<bool>>;

struct Run {
  Alerts alerts[kMethods];
  // perfwatch's results of each benchmark's nights, kept for calibration and causes.
  std::vector<std::vector<std::vector<MetricResult>>> results;  // [benchmark][night]
  int runs = 0, reruns = 0;  // nightly runs, and the benchmarks their reruns judged
};

// Any result of the night past the size rule, whatever the tests said.
bool past_size_rule(const std::vector<MetricResult>& results, const Policy& policy) {
  return std::any_of(results.begin(), results.end(),
                     [&](const MetricResult& r) { return past_size_rule(r, policy.for_benchmark(r.benchmark)); });
}

BenchmarkNights nights_of(const Labelled& l, const std::vector<NightValues>& values, int t, int window, int history) {
  BenchmarkNights n;
  n.name = l.name;
  const int from = std::max(0, t - window);
  n.baseline.assign(l.nights.begin() + from, l.nights.begin() + t);
  n.current = l.nights[static_cast<size_t>(t)];
  n.history.assign(values.begin() + std::max(0, from - history), values.begin() + from);
  return n;
}

Run run_all(const Corpus& c, const Policy& policy, int window, int history) {
  Run run;
  const size_t b_count = c.benchmarks.size();
  std::vector<std::vector<NightValues>> values(b_count);
  for (size_t b = 0; b < b_count; ++b) {
    for (const BenchmarkResult& r : c.benchmarks[b].nights) values[b].push_back(night_values(r));
    for (auto& a : run.alerts) a.emplace_back(c.benchmarks[b].nights.size(), false);
    run.results.emplace_back(c.benchmarks[b].nights.size());
  }
  auto record = [&](size_t b, int t, std::vector<MetricResult> results) {
    for (const MetricResult& r : results) run.alerts[kPerfwatch][b][t] = run.alerts[kPerfwatch][b][t] || r.verdict == Verdict::regression;
    run.results[b][t] = std::move(results);
  };
  // Each run (a night index, or SAP's build id) judged at once, as one nightly.
  std::map<std::int64_t, std::vector<std::pair<size_t, int>>> runs;
  for (size_t b = 0; b < b_count; ++b) {
    const Labelled& l = c.benchmarks[b];
    for (int t = window; t < static_cast<int>(l.nights.size()); ++t)
      runs[l.runs.empty() ? t : l.runs[static_cast<size_t>(t)]].emplace_back(b, t);
  }
  for (const auto& [key, members] : runs) {
    ++run.runs;
    std::vector<BenchmarkNights> tonight;
    for (const auto& [b, t] : members) {
      const Labelled& l = c.benchmarks[b];
      const Thresholds& th = policy.for_benchmark(l.name);
      const BenchmarkResult& now = l.nights[static_cast<size_t>(t)];
      run.alerts[kPrevious][b][t] = previous_run_alerts(previous_run_change(l.nights[static_cast<size_t>(t) - 1], now), th);
      tonight.push_back(nights_of(l, values[b], t, window, history));
      run.alerts[kPooled][b][t] = pooled_mwu_alerts(tonight.back().baseline, now, th);
    }
    std::map<std::string, size_t> position;
    for (size_t i = 0; i < members.size(); ++i) position[tonight[i].name] = i;
    std::vector<std::vector<MetricResult>> by_member(members.size());
    for (MetricResult& r : compare_nights(tonight, policy)) by_member[position[r.benchmark]].push_back(std::move(r));
    for (size_t i = 0; i < members.size(); ++i)
      run.alerts[kSizeRule][members[i].first][members[i].second] = past_size_rule(by_member[i], policy);
    if (c.benchmarks.front().rerun) {  // nightly's reruns, against the good night it would pick
      std::vector<MetricResult> all;
      for (const auto& each : by_member) all.insert(all.end(), each.begin(), each.end());
      const int back = nights_back_to_good(all);
      for (size_t i = 0; i < members.size(); ++i) {
        const auto [b, t] = members[i];
        const std::uint64_t seed = (static_cast<std::uint64_t>(b) << 20) ^ static_cast<std::uint64_t>(t);
        run.alerts[kConfirmed][b][t] = files_after_reruns(c.benchmarks[b], by_member[i], t - back, t, policy, seed);
        run.reruns += std::any_of(by_member[i].begin(), by_member[i].end(), is_rerun_candidate);
      }
    }
    for (size_t i = 0; i < members.size(); ++i) record(members[i].first, members[i].second, std::move(by_member[i]));
  }
  return run;
}

const char* basis(const MetricResult& r) { return r.noise.from_history ? "history" : "baseline only"; }

// One result as the debug lines (PERFWATCH_ACCURACY_DEBUG, _TRACE) print it.
std::string describe(const MetricResult& r) {
  return fmt::format("{} ratio {:.3f} p {:.3g} night-p {:.3g} q {:.3g} spread {:.3f} over {} excursions {} (worse way {}) seen {:.2f} "
                     "two-night {} in-row {} whole {} screened {}{} {}", to_string(r.metric), r.ratio, r.p_value, r.night_p, r.q_value,
                     r.noise.spread, r.noise.nights, r.noise.excursions, r.noise.worse_excursions, r.noise.seen, r.two_night, r.nights_in_row,
                     r.whole_distribution, r.screened, r.persisted ? " (second night)" : "", to_string(r.verdict));
}

bool worse_way(const MetricResult& r) {
  if (r.metric == Metric::error_rate) return r.current >= r.baseline;
  return higher_is_better(r.metric) ? r.ratio < 1 : r.ratio > 1;
}

void calibrate(Calibration& into, const MetricResult& r) {
  ++into.tests;
  const double p = worse_way(r) ? r.p_value : 1;
  for (int i = 0; i < 4; ++i) into.below[i] += p < Calibration::kLevels[i];
}

// How the first alerting-metric result of a night was judged, for a miss.
std::string judged(const std::vector<MetricResult>& results) {
  for (const MetricResult& r : results)
    if (is_alerting(r.metric) && r.verdict != Verdict::insufficient_baseline) return basis(r);
  return "insufficient baseline";
}

// Whether every alerting metric had the history too_noisy is judged on.
bool long_history(const std::vector<MetricResult>& results) {
  for (const MetricResult& r : results)
    if (r.alerting && (!r.noise.from_history || r.noise.nights < kNoisyMinNights)) return false;
  return true;
}

// The score a night's benchmark counts in, by what compare could say of its noise.
Score& by_noise(CorpusScore& s, const std::vector<MetricResult>& results, const Policy& policy) {
  if (!noise_warnings(results, policy).empty()) return s.warned;
  return long_history(results) ? s.quiet : s.young;
}

}  // namespace

CorpusScore score_corpus(const Corpus& c, const Policy& policy, int window, int history) {
  const Run run = run_all(c, policy, window, history);
  // Debug lines, read once: every alarm and miss (DEBUG), or every result of
  // one benchmark ("name:") or one night of it ("name:night", TRACE).
  const bool debug = std::getenv("PERFWATCH_ACCURACY_DEBUG") != nullptr;
  const char* trace = std::getenv("PERFWATCH_ACCURACY_TRACE");
  CorpusScore s;
  s.corpus = c.name;
  s.rerun = !c.benchmarks.empty() && c.benchmarks.front().rerun;
  s.runs = run.runs;
  s.reruns = run.reruns;
  for (size_t b = 0; b < c.benchmarks.size(); ++b) {
    const Labelled& l = c.benchmarks[b];
    const int nights = static_cast<int>(l.nights.size());
    for (int t = window; t < nights; ++t) {
      if (!l.clean[static_cast<size_t>(t)]) continue;
      for (int m = 0; m < kMethods; ++m) {
        ++s.methods[m].clean;
        s.methods[m].false_alarms += run.alerts[m][b][t];
      }
      Score& night_split = by_noise(s, run.results[b][t], policy);
      ++night_split.clean;
      night_split.false_alarms += run.alerts[s.rerun ? kConfirmed : kPerfwatch][b][t];
      if (trace && (l.name + ":" + std::to_string(t) == trace || l.name + ":" == trace))
        for (const MetricResult& r : run.results[b][t])
          fmt::print("TRACE {} night {}: {}\n", l.name, t, describe(r));
      for (const MetricResult& r : run.results[b][t]) {
        if (!is_alerting(r.metric) || r.verdict == Verdict::insufficient_baseline) continue;
        calibrate(r.noise.from_history ? s.calibration : s.calibration_short, r);
        if (debug && r.screened && run.alerts[kConfirmed][b][t]) fmt::print("SCREENED-FA {} night {}: {}\n", l.name, t, describe(r));
        if (r.verdict != Verdict::regression) continue;
        ++s.alarms[std::string(to_string(r.metric)) + ", " + basis(r)];
        if (debug)
          fmt::print("ALARM {} night {}: {}{}\n", l.name, t, describe(r), run.alerts[kConfirmed][b][t] ? " CONFIRMED" : "");
      }
    }
    for (const Change& step : l.steps) {
      if (step.night < window || step.night + 1 >= nights) continue;
      for (int m = 0; m < kMethods; ++m) {
        const auto& a = run.alerts[m][b];
        bool first = false;
        for (int t = std::max(window, step.night - c.tolerance); t <= step.night; ++t) first = first || a[t];
        ++s.methods[m].steps;
        s.methods[m].first_night += first;
        s.methods[m].by_second += first || a[step.night + 1];
      }
      if (const auto& rc = run.alerts[kConfirmed][b]; s.rerun && !rc[step.night] && !rc[step.night + 1] && debug)
        for (int t : {step.night, step.night + 1})
          for (const MetricResult& r : run.results[b][t])
            if (is_alerting(r.metric) || r.metric == Metric::p50_latency)
              fmt::print("RMISS {} {} night {}: {}{}\n", l.name, step.kind, t, describe(r),
                         run.alerts[kPerfwatch][b][t] ? " (candidate refuted)" : "");
      if (const auto& rc = run.alerts[kConfirmed][b]; s.rerun && !rc[step.night] && debug)
        for (const MetricResult& r : run.results[b][step.night])
          if (is_alerting(r.metric))
            fmt::print("RLATE {} {} night {}: {}{}\n", l.name, step.kind, step.night, describe(r),
                       rc[step.night + 1] ? " (confirmed the next night)" : "");
      // What files (after reruns where the corpus can be rerun), by what
      // compare could say of the benchmark's noise on the step's night.
      const auto& files = run.alerts[s.rerun ? kConfirmed : kPerfwatch][b];
      bool filed_first = false;  // as the methods count it, within the corpus's tolerance
      for (int t = std::max(window, step.night - c.tolerance); t <= step.night; ++t) filed_first = filed_first || files[t];
      Score& split = by_noise(s, run.results[b][step.night], policy);
      ++split.steps;
      split.first_night += filed_first;
      split.by_second += filed_first || files[step.night + 1];
      const auto& a = run.alerts[kPerfwatch][b];
      const bool caught_second = a[step.night] || a[step.night + 1];
      const std::string how = judged(run.results[b][step.night]);
      if (!caught_second && debug) {
        for (int t : {step.night, step.night + 1})
          for (const MetricResult& r : run.results[b][t])
            if (is_alerting(r.metric))
              fmt::print("MISS {} {} night {}: {}\n", l.name, step.kind, t, describe(r));
      }
      if (!a[step.night] && debug) fmt::print("LATE {} night {}\n", l.name, step.night);
      // Whether any test could have filed it: the estimate past the size rule.
      const auto& sized = run.alerts[kSizeRule][b];
      const std::string both_under = sized[step.night] || sized[step.night + 1] ? "" : " (under the size rule both nights)";
      const std::string first_under = sized[step.night] ? "" : " (first night under the size rule)";
      if (!caught_second) ++s.misses[step.kind + ", " + how + ": missed both nights" + both_under];
      else if (!a[step.night]) ++s.misses[step.kind + ", " + how + ": caught on the second night" + first_under];
    }
  }
  return s;
}

}  // namespace perfwatch::accuracy
