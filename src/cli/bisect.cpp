#include "cli/bisect.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace perfwatch {
namespace {

// A path without a trailing separator, symlinks resolved where it exists.
std::filesystem::path plain(const std::filesystem::path& p) {
  std::error_code ec;
  std::filesystem::path out = std::filesystem::weakly_canonical(p, ec);
  if (ec) out = p.lexically_normal();
  if (!out.has_filename() && out.has_parent_path()) out = out.parent_path();
  return out;
}

}  // namespace

Workspace::Workspace(const git::Repository& repo, std::filesystem::path root, const std::filesystem::path& suite_dir)
    : repo_(repo), root_(std::move(root)) {
  suite_relative_ = plain(suite_dir).lexically_relative(plain(repo.workdir()));
  if (suite_relative_.empty() || *suite_relative_.begin() == "..")
    problem_ = "the suite file is outside the repository, so another commit's checkout has none";
}

std::unique_ptr<git::Worktree> Workspace::checkout(const std::string& sha) {
  const std::string name = fmt::format("perfwatch-{}-{}", sha.substr(0, 8), ++made_);
  return std::make_unique<git::Worktree>(repo_, sha, root_ / name);
}

std::vector<CommitInfo> suspect_range(const git::Repository& repo, const std::string& good, const std::string& bad) {
  size_t total = 0;
  std::vector<CommitInfo> commits = repo.commits_between(good, bad, 1000, total);
  std::reverse(commits.begin(), commits.end());
  return commits;
}

RoundReport round_reporter(std::ostream& info, const std::string& what) {
  return [&info, what](int round, int max_rounds, double left_s) {
    info << fmt::format("perfwatch: {}: round {}/{}, {:.1f} min of the budget left\n", what, round, max_rounds, left_s / 60)
         << std::flush;
  };
}

BisectOutcome bisect(Workspace& ws, const SuiteEntry& entry, const Tree& good, const std::vector<CommitInfo>& commits,
                     Probe probe, const PairedSummary& bad, Budget& budget, UnixTime time, std::ostream& info) {
  BisectOutcome out;
  probe.boundary = bad.mean / 2;  // halfway between good (0) and the bad commit's effect
  int known_good = -1, known_bad = static_cast<int>(commits.size()) - 1;
  Effect bad_effect = effect_from(probe.metric, bad);
  const auto range = [&] {
    const std::string from = known_good < 0 ? good.sha : commits[known_good].sha;
    return fmt::format("the first bad commit is after {} and at or before {}", from.substr(0, 8),
                       commits[known_bad].sha.substr(0, 8));
  };
  while (const auto mid = bisect_midpoint(known_good, known_bad)) {
    const CommitInfo& commit = commits[*mid];
    const std::string label = commit.sha.substr(0, 8);
    info << fmt::format("perfwatch: bisecting {}: {} commits left; testing {} ({})\n", probe.benchmark,
                        known_bad - known_good, label, commit.subject);
    const auto worktree = ws.checkout(commit.sha);
    const Tree tree = ws.tree_of(*worktree);
    BisectStep step{time, probe.benchmark, probe.metric, good.sha, commit.sha, StepCall::undecided, {}, 0};
    if (const std::string failed = prepare_entry(entry, tree, budget, ws.work_dir(label)); !failed.empty()) {
      out.note = "could not build " + label + " (" + failed + "); " + range();
      out.steps.push_back(step);
      return out;
    }
    const InterleaveOutcome run = interleave(entry, good, tree, {probe}, budget, ws.work_dir(label),
                                             round_reporter(info, "bisecting " + probe.benchmark + " at " + label));
    step.seconds = run.seconds;
    const ProbeOutcome& p = run.probes.front();
    step.effect = effect_from(probe.metric, p.summary);
    if (!run.failure.empty() || !p.call) {
      out.note = (!run.failure.empty() ? "a rerun failed (" + run.failure + ")" : "the budget ran out") + "; " + range();
      out.steps.push_back(step);
      return out;
    }
    step.call = *p.call == PairedCall::above ? StepCall::bad : StepCall::good;
    info << fmt::format("perfwatch: bisecting {}: {} is {} ({:+.1f} % against {}) after {} round(s) in {:.1f} s\n",
                        probe.benchmark, label, to_string(step.call), (step.effect.ratio - 1) * 100, good.sha.substr(0, 8),
                        step.effect.rounds, step.seconds);
    out.steps.push_back(step);
    if (step.call == StepCall::bad) {
      known_bad = *mid;
      bad_effect = step.effect;
    } else {
      known_good = *mid;
    }
  }
  const CommitInfo& first_bad = commits[known_bad];
  out.culprit = Culprit{first_bad.sha, first_bad.author, first_bad.subject, bad_effect};
  return out;
}

}  // namespace perfwatch
