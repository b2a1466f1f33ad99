#pragma once
// A git repository through libgit2: find it, resolve revisions, describe commits.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "model/run.hpp"

struct git_repository;
struct git_oid;

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

  // True when `ancestor` is `descendant` or one of its ancestors; false for a
  // commit this repository does not have. A shallow clone that cannot tell is
  // exit 2 ("fetch-depth 0 needed"); any other libgit2 failure, exit 3.
  bool is_ancestor(const std::string& ancestor, const std::string& descendant) const;

  // A detached worktree of `sha` at `path`, and its removal (git/worktree.hpp
  // holds the pair; defined in worktree.cpp).
  void add_worktree(const std::string& name, const std::string& sha, const std::filesystem::path& path) const;
  void remove_worktree(const std::string& name) const;

 private:
  struct Free {
    void operator()(git_repository* r) const;
  };
  explicit Repository(git_repository* r) : repo_(r) {}
  bool has_commit(const git_oid& oid) const;
  // Exit 2 in a shallow clone (its history is cut), else nothing.
  void require_ancestry() const;
  // libgit2's last error about `what`, thrown: the shallow-clone hint where
  // the clone is shallow (exit 2), else exit 3.
  [[noreturn]] void fail(const std::string& what) const;
  std::unique_ptr<git_repository, Free> repo_;
};

}  // namespace perfwatch::git
