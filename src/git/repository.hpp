#pragma once
// A git repository through libgit2: find it, resolve revisions, describe commits.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "model/run.hpp"

struct git_repository;

namespace perfwatch::git {

class Repository {
 public:
  // Discovers the repository containing `start` (like `git -C start`).
  // Not a git repository: exit 2 naming the path.
  static Repository discover(const std::filesystem::path& start);

  // Resolves anything git takes (HEAD~3, a branch, a tag, a short sha) to a commit.
  // Unknown or ambiguous: exit 2 naming the revision.
  CommitInfo resolve(const std::string& rev) const;

  // The work tree's root (the repository's parent for a bare one).
  std::filesystem::path workdir() const;

  // `sha` and its first-parent ancestors, newest first, at most `limit`.
  std::vector<std::string> first_parent_history(const std::string& sha, size_t limit) const;

  // Commits reachable from `to` but not from `from` (empty `from`: all),
  // newest first, at most `limit`; `total` gets how many there are in all.
  std::vector<CommitInfo> commits_between(const std::string& from, const std::string& to, size_t limit,
                                          size_t& total) const;

  // True when `ancestor` is `descendant` or one of its ancestors.
  bool is_ancestor(const std::string& ancestor, const std::string& descendant) const;

 private:
  struct Free {
    void operator()(git_repository* r) const;
  };
  explicit Repository(git_repository* r) : repo_(r) {}
  std::unique_ptr<git_repository, Free> repo_;
};

}  // namespace perfwatch::git
