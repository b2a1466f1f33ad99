// Detection accuracy on labelled synthetic histories (fixed seed), beside two
// reference methods, then perfwatch on TigerBeetle's real history.
//   build-release/bench/accuracy_bench [tigerbeetle.json]
// Targets: false alarms <= 0.1 % of clean benchmark-nights; recall >= 90 % on
// the first night and >= 95 % by the second for steps clearly past thresholds.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>

#include "accuracy/coverage.hpp"
#include "accuracy/generator.hpp"
#include "accuracy/reference_methods.hpp"
#include "accuracy/tigerbeetle.hpp"
#include "detect/decide.hpp"

using namespace perfwatch;
using namespace perfwatch::accuracy;

namespace {

constexpr int kBenchmarks = 400, kNights = 60, kWindow = 7;
constexpr std::uint64_t kSeed = 20261123;

struct Score {
  int clean = 0, false_alarms = 0, steps = 0, first_night = 0, by_second = 0;
  double false_alarm_rate() const { return clean ? 100.0 * false_alarms / clean : 0; }
  double recall_first() const { return steps ? 100.0 * first_night / steps : 0; }
  double recall_second() const { return steps ? 100.0 * by_second / steps : 0; }
};

// alerts[method][benchmark][night]
using Alerts = std::vector<std::vector<std::vector<bool>>>;
enum Method { kPerfwatch, kPrevious, kPooled, kMethods };
const char* const kMethodNames[] = {"perfwatch", "previous run, ratio > threshold", "7 days pooled, MWU 0.05 + threshold"};

// What every detector said about every night. perfwatch's results and the
// previous-run changes are kept for the tables that look at them again.
struct Detections {
  Alerts alerts;
  NightlyResults perfwatch;                               // [night]
  std::vector<std::vector<PreviousRunChange>> previous;  // [benchmark][night]
};

Detections run_detectors(const std::vector<SyntheticBenchmark>& history) {
  const Policy policy;
  Detections d;
  d.alerts.assign(kMethods, std::vector<std::vector<bool>>(history.size(), std::vector<bool>(kNights, false)));
  d.perfwatch.resize(kNights);
  d.previous.assign(history.size(), std::vector<PreviousRunChange>(kNights));
  std::map<std::string, size_t> index;
  for (size_t b = 0; b < history.size(); ++b) index[history[b].name] = b;
  for (int t = kWindow; t < kNights; ++t) {
    std::vector<BenchmarkNights> tonight;
    for (size_t b = 0; b < history.size(); ++b) {
      const auto& nights = history[b].nights;
      std::vector<BenchmarkResult> base(nights.begin() + (t - kWindow), nights.begin() + t);
      const Thresholds& th = policy.for_benchmark(history[b].name);
      d.previous[b][t] = previous_run_change(nights[t - 1], nights[t]);
      d.alerts[kPrevious][b][t] = previous_run_alerts(d.previous[b][t], th);
      d.alerts[kPooled][b][t] = pooled_mwu_alerts(base, nights[t], th);
      tonight.push_back({history[b].name, std::move(base), nights[t]});
    }
    d.perfwatch[t] = compare_nights(tonight, policy);
    for (const MetricResult& r : d.perfwatch[t]) {
      if (r.verdict == Verdict::regression) d.alerts[kPerfwatch][index[r.benchmark]][t] = true;
    }
  }
  return d;
}

// Clean nights: before any step, or after a step that must not alert. Steps
// are scored on their first two nights only.
Score score(const std::vector<SyntheticBenchmark>& history, const std::vector<std::vector<bool>>& alerts,
            Step only = Step::none) {
  Score s;
  for (size_t b = 0; b < history.size(); ++b) {
    const auto& h = history[b];
    if (only != Step::none && h.step != only) continue;
    const bool regresses = must_alert(h.step);
    for (int t = kWindow; t < kNights; ++t) {
      if (!regresses || t < h.step_night) {
        ++s.clean;
        s.false_alarms += alerts[b][t];
      }
    }
    if (regresses && h.step_night + 1 < kNights) {
      ++s.steps;
      s.first_night += alerts[b][h.step_night];
      s.by_second += alerts[b][h.step_night] || alerts[b][h.step_night + 1];
    }
  }
  return s;
}

void print_scores(const std::vector<SyntheticBenchmark>& history, const Alerts& alerts) {
  fmt::print("Synthetic history: {} benchmarks x {} nights, seed {}, baseline window {} nights\n\n", kBenchmarks,
             kNights, kSeed, kWindow);
  fmt::print("{:<38} {:>12} {:>13} {:>9} {:>7} {:>16} {:>14}\n", "method", "clean nights", "false alarms", "FA rate",
             "steps", "recall 1st night", "recall by 2nd");
  for (int m = 0; m < kMethods; ++m) {
    const Score s = score(history, alerts[m]);
    fmt::print("{:<38} {:>12} {:>13} {:>8.3f}% {:>7} {:>15.1f}% {:>13.1f}%\n", kMethodNames[m], s.clean,
               s.false_alarms, s.false_alarm_rate(), s.steps, s.recall_first(), s.recall_second());
  }
  fmt::print("\nperfwatch by kind of step:\n");
  for (Step k : {Step::p95_tail, Step::p95_body, Step::throughput_drop, Step::error_jump, Step::memory_growth,
                 Step::harmless_drift, Step::improvement}) {
    const Score s = score(history, alerts[kPerfwatch], k);
    if (must_alert(k)) {
      fmt::print("  {:<22} {:>4} steps   recall 1st night {:>5.1f}%   by 2nd {:>5.1f}%\n", to_string(k), s.steps,
                 s.recall_first(), s.recall_second());
    } else {
      fmt::print("  {:<22} {:>4} nights  false alarms {}\n", to_string(k), s.clean, s.false_alarms);
    }
  }
}

// PERFWATCH_ACCURACY_DEBUG=1: every miss and false alarm of perfwatch, with its numbers.
void print_debug(const std::vector<SyntheticBenchmark>& history, const Alerts& alerts) {
  const Policy policy;
  for (size_t b = 0; b < history.size(); ++b) {
    const auto& h = history[b];
    for (int t = kWindow; t < kNights; ++t) {
      const bool regressed = must_alert(h.step) && t >= h.step_night;
      const auto& a = alerts[kPerfwatch][b];
      const bool missed = regressed && ((t == h.step_night && !a[t]) || (t == h.step_night + 1 && !a[t] && !a[t - 1]));
      const bool false_alarm = !regressed && a[t];
      if (!missed && !false_alarm) continue;
      std::vector<BenchmarkResult> base(h.nights.begin() + (t - kWindow), h.nights.begin() + t);
      BenchmarkNights n{h.name, base, h.nights[t]};
      fmt::print("{} {} night {} step {}@{} n={}:\n", false_alarm ? "FALSE ALARM" : "MISS", h.name, t,
                 to_string(h.step), h.step_night, h.nights[t].latency ? h.nights[t].latency->values.size() : 0);
      for (const MetricResult& r : compare_nights({n}, policy)) {  // alone: no moderation, no BH with others
        fmt::print("    {:<12} ratio {:.3f} p {:.3g} ci [{:.3f}, {:.3f}] {}\n", to_string(r.metric), r.ratio, r.p_value,
                   r.ci_low, r.ci_high, to_string(r.verdict));
      }
    }
  }
}

// "Previous run only" with its thresholds raised (log ratio times `margin`)
// until it has no more than `max_false_alarms`: its recall at that cost.
void print_previous_run_at(const std::vector<SyntheticBenchmark>& history,
                           const std::vector<std::vector<PreviousRunChange>>& changes, int max_false_alarms,
                           const char* label) {
  const Policy policy;
  for (double margin = 1.0; margin <= 4.0; margin += 0.05) {
    std::vector<std::vector<bool>> alerts(history.size(), std::vector<bool>(kNights, false));
    for (size_t b = 0; b < history.size(); ++b) {
      Thresholds t = policy.for_benchmark(history[b].name);
      t.p95_increase = std::pow(1 + t.p95_increase, margin) - 1;
      t.throughput_decrease = 1 - std::pow(1 - t.throughput_decrease, margin);
      t.memory_increase = std::pow(1 + t.memory_increase, margin) - 1;
      t.error_rate_increase *= margin;
      for (int n = kWindow; n < kNights; ++n) alerts[b][n] = previous_run_alerts(changes[b][n], t);
    }
    const Score s = score(history, alerts);
    if (s.false_alarms > max_false_alarms) continue;
    fmt::print("  {:<34} thresholds x{:.2f} (p95 +{:.0f} %): {:>3} false alarms, recall {:5.1f} % / {:5.1f} %\n", label,
               margin, 100 * (std::pow(1.2, margin) - 1), s.false_alarms, s.recall_first(), s.recall_second());
    return;
  }
  fmt::print("  {:<34} no threshold up to x4 gets there\n", label);
}

}  // namespace

int main(int argc, char** argv) {
  const auto history = generate_history(kBenchmarks, kNights, kSeed);
  const Detections detections = run_detectors(history);
  const Alerts& alerts = detections.alerts;
  print_scores(history, alerts);
  if (std::getenv("PERFWATCH_ACCURACY_DEBUG")) print_debug(history, alerts);
  print_interval_coverage(history, detections.perfwatch, kWindow);

  const Score pw = score(history, alerts[kPerfwatch]);
  const Score prev = score(history, alerts[kPrevious]);
  const Score pool = score(history, alerts[kPooled]);
  const bool targets = pw.false_alarm_rate() <= 0.1 && pw.recall_first() >= 90 && pw.recall_second() >= 95;
  const bool fewer_alarms = pw.false_alarms < prev.false_alarms && pw.false_alarms < pool.false_alarms;
  const bool keeps_recall = pw.recall_first() >= std::max(prev.recall_first(), pool.recall_first()) &&
                            pw.recall_second() >= std::max(prev.recall_second(), pool.recall_second());
  fmt::print("\ntargets (FA <= 0.1 %, recall >= 90 % first night, >= 95 % by the second): {}\n", targets ? "met" : "MISSED");
  fmt::print("fewer false alarms than both references: {}\n", fewer_alarms ? "yes" : "NO");
  fmt::print("recall at least that of both references: {} (first night {:+.1f} / {:+.1f} pts, by 2nd {:+.1f} / {:+.1f} pts vs previous run / pooled)\n\n",
             keeps_recall ? "yes" : "NO", pw.recall_first() - prev.recall_first(), pw.recall_first() - pool.recall_first(),
             pw.recall_second() - prev.recall_second(), pw.recall_second() - pool.recall_second());
  const bool beats = fewer_alarms && keeps_recall;
  fmt::print("previous run only, thresholds' log ratios raised until it alarms no more than (recall 1st night / by 2nd):\n");
  print_previous_run_at(history, detections.previous, pw.false_alarms, "perfwatch's false alarms");
  print_previous_run_at(history, detections.previous, pw.clean / 1000, "the 0.1 % target");
  fmt::print("  {:<34} {:>3} false alarms, recall {:5.1f} % / {:5.1f} %\n\n", "(perfwatch itself)", pw.false_alarms,
             pw.recall_first(), pw.recall_second());

  const std::string tigerbeetle = argc > 1 ? argv[1] : PERFWATCH_TIGERBEETLE;
  print_tigerbeetle_report(tigerbeetle);
  return targets && beats ? 0 : 1;
}
