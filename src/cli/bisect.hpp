#pragma once
// Worktrees for the commits reruns need, and the bisection that names the
// first bad commit of a confirmed regression (nightly and `perfwatch bisect`).
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "cli/interleave.hpp"
#include "git/worktree.hpp"
#include "model/confirmation_log.hpp"

namespace perfwatch {

// Where worktrees of other commits go, and where the suite file sits in each.
class Workspace {
 public:
  // Worktrees under `root`; the suite folder's place in the repository is
  // `suite_dir`'s. A suite outside the repository cannot be checked out:
  // `problem()` says so.
  Workspace(const git::Repository& repo, std::filesystem::path root, const std::filesystem::path& suite_dir);

  const std::string& problem() const { return problem_; }
  // A worktree of `sha`, removed when the pointer goes.
  std::unique_ptr<git::Worktree> checkout(const std::string& sha);
  Tree tree_of(const git::Worktree& w) const { return {w.sha(), w.path() / suite_relative_}; }
  std::filesystem::path work_dir(const std::string& label) const { return root_ / "out" / label; }

  const git::Repository& repo() const { return repo_; }

 private:
  const git::Repository& repo_;
  std::filesystem::path root_, suite_relative_;
  std::string problem_;
  int made_ = 0;
};

struct BisectOutcome {
  std::optional<Culprit> culprit;
  std::vector<BisectStep> steps;
  std::string note;  // why it stopped short, and the range left ("" when a culprit was named)
};

// The first bad commit among `commits` (oldest first; the last is bad, with
// effect `bad` against `good`), each midpoint built in a worktree and rerun
// interleaved against `good`: bad when its effect is above half of the bad
// commit's, good when below. Steps carry `time`.
BisectOutcome bisect(Workspace& ws, const SuiteEntry& entry, const Tree& good, const std::vector<CommitInfo>& commits,
                     Probe probe, const PairedSummary& bad, Budget& budget, UnixTime time, std::ostream& info);

// Commits after `good` up to `bad`, oldest first (at most 1000).
std::vector<CommitInfo> suspect_range(const git::Repository& repo, const std::string& good, const std::string& bad);

// "round 3/12, 17.5 min left" lines on `info` for one entry's reruns.
RoundReport round_reporter(std::ostream& info, const std::string& what);

}  // namespace perfwatch
