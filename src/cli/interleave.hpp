#pragma once
// Interleaved reruns of one suite entry in two trees of the same repository
// on this machine (good, tonight, tonight, good, ...), until the sequential
// rule (detect/paired) decides every probe, the rounds end or the budget does.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "detect/paired.hpp"
#include "runner/suite.hpp"

namespace perfwatch {

// Where one commit's entries run: the user's checkout or a worktree.
struct Tree {
  std::string sha;
  std::filesystem::path suite_dir;  // the suite file's folder inside this tree
};

// One benchmark's metric to judge, and the boundary its effect is judged by.
struct Probe {
  std::string benchmark;
  Metric metric = Metric::p95_latency;
  double boundary = 0;
};

struct ProbeOutcome {
  Probe probe;
  PairedSummary summary;
  // The sequential rule's call, else the side of the mean once the rounds or
  // the budget ran out; nullopt: too few rounds to say.
  std::optional<PairedCall> call;
};

struct InterleaveOutcome {
  std::vector<ProbeOutcome> probes;
  int rounds = 0;
  double seconds = 0;
  std::string failure;      // a rerun that failed, and why ("" when none did)
  bool out_of_budget = false;
};

// Seconds left for reruns, shared by every confirmation and bisection step of a night.
struct Budget {
  double seconds = 0;
  bool spend(double s) {
    seconds -= s;
    return seconds > 0;
  }
};

// Reports "round 3/12" lines as the rounds go (the caller prints them).
using RoundReport = std::function<void(int round, int max_rounds, double budget_left_s)>;

InterleaveOutcome interleave(const SuiteEntry& entry, const Tree& good, const Tree& tonight, const std::vector<Probe>& probes,
                             Budget& budget, const std::filesystem::path& work_dir, const RoundReport& report);

// Runs the entry's prepare step in `tree` (the build of that commit); the
// failure, or "" when it succeeded or there is none.
std::string prepare_entry(const SuiteEntry& entry, const Tree& tree, Budget& budget, const std::filesystem::path& work_dir);

// The suite entry a benchmark's results come from ("parser/small" from
// "parser"); nullptr when none.
const SuiteEntry* entry_of(const std::vector<SuiteEntry>& entries, const std::string& benchmark);

}  // namespace perfwatch
