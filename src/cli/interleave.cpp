#include "cli/interleave.hpp"

#include "detect/nightly.hpp"
#include "runner/execute.hpp"

namespace perfwatch {
namespace {

// One run of `entry` (warm-ups and repetitions, no prepare) in `tree`.
EntryOutcome run_once(const SuiteEntry& entry, const Tree& tree, const std::filesystem::path& work_dir) {
  SuiteEntry once = entry;
  once.prepare.clear();
  std::filesystem::create_directories(work_dir);
  return run_entry(once, tree.suite_dir, work_dir, nullptr, nullptr);
}

std::optional<double> value_in(const EntryOutcome& outcome, const Probe& probe) {
  for (const BenchmarkResult& r : outcome.results)
    if (r.name == probe.benchmark) return metric_value(r, probe.metric);
  return std::nullopt;
}

std::string failure_of(const EntryOutcome& outcome, const Tree& tree) {
  const BenchmarkResult& own = outcome.results.front();
  return own.failure ? "in " + tree.sha.substr(0, 8) + ": " + *own.failure : "";
}

}  // namespace

const SuiteEntry* entry_of(const std::vector<SuiteEntry>& entries, const std::string& benchmark) {
  for (const SuiteEntry& e : entries)
    if (benchmark == e.name || benchmark.starts_with(e.name + "/")) return &e;
  return nullptr;
}

std::string prepare_entry(const SuiteEntry& entry, const Tree& tree, Budget& budget, const std::filesystem::path& work_dir) {
  if (entry.prepare.empty()) return "";
  SuiteEntry only_prepare = entry;
  only_prepare.warmup = only_prepare.repetitions = 0;
  std::filesystem::create_directories(work_dir);
  const EntryOutcome outcome = run_entry(only_prepare, tree.suite_dir, work_dir, nullptr, nullptr);
  budget.spend(outcome.seconds);
  return failure_of(outcome, tree);
}

InterleaveOutcome interleave(const SuiteEntry& entry, const Tree& good, const Tree& tonight, const std::vector<Probe>& probes,
                             Budget& budget, const std::filesystem::path& work_dir, const RoundReport& report) {
  InterleaveOutcome out;
  std::vector<std::vector<double>> differences(probes.size());
  std::vector<bool> decided(probes.size(), false);
  double last_round_s = 0;
  for (int round = 0; round < kMaxRounds; ++round) {
    // A round that would not fit is not started: the budget bounds the night.
    if (budget.seconds < last_round_s || budget.seconds <= 0) {
      out.out_of_budget = true;
      break;
    }
    if (report) report(round + 1, kMaxRounds, budget.seconds);
    const Tree& first = good_runs_first(round) ? good : tonight;
    const Tree& second = good_runs_first(round) ? tonight : good;
    const EntryOutcome a = run_once(entry, first, work_dir);
    const EntryOutcome b = run_once(entry, second, work_dir);
    last_round_s = a.seconds + b.seconds;
    out.seconds += last_round_s;
    budget.spend(last_round_s);
    for (const auto* side : {&a, &b}) {
      const Tree& tree = side == &a ? first : second;
      if (const std::string why = failure_of(*side, tree); !why.empty()) {
        out.failure = why;
        return out;
      }
    }
    ++out.rounds;
    const EntryOutcome& on_good = good_runs_first(round) ? a : b;
    const EntryOutcome& on_tonight = good_runs_first(round) ? b : a;
    bool all_decided = true;
    for (size_t i = 0; i < probes.size(); ++i) {
      const auto g = value_in(on_good, probes[i]), t = value_in(on_tonight, probes[i]);
      if (g && t)
        if (const auto d = paired_difference(probes[i].metric, *g, *t)) differences[i].push_back(*d);
      const PairedSummary s = summarize_pairs(differences[i], kPairedLevel);
      decided[i] = sequential_call(s, probes[i].boundary, kMinRounds) != PairedCall::undecided;
      all_decided = all_decided && decided[i];
    }
    if (all_decided) break;
  }
  for (size_t i = 0; i < probes.size(); ++i) {
    ProbeOutcome p{probes[i], summarize_pairs(differences[i], kPairedLevel), std::nullopt};
    const PairedCall now = sequential_call(p.summary, probes[i].boundary, kMinRounds);
    p.call = now != PairedCall::undecided ? std::optional(now) : final_call(p.summary, probes[i].boundary, kMinRounds);
    out.probes.push_back(std::move(p));
  }
  return out;
}

}  // namespace perfwatch
