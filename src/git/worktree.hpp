#pragma once
// A temporary git worktree of one commit (libgit2): where confirmation and
// bisection build and run another commit beside the user's checkout, which
// they never touch.
#include <filesystem>
#include <string>

#include "git/repository.hpp"

namespace perfwatch::git {

class Worktree {
 public:
  // Checks out `sha` (detached) at `path`, which must not exist yet, as a
  // worktree of `repo` named after the folder. A libgit2 failure is exit 3.
  Worktree(const Repository& repo, const std::string& sha, const std::filesystem::path& path);
  // Removes the folder and git's record of it (git worktree prune).
  ~Worktree();
  Worktree(const Worktree&) = delete;
  Worktree& operator=(const Worktree&) = delete;

  const std::filesystem::path& path() const { return path_; }
  const std::string& sha() const { return sha_; }

 private:
  const Repository& repo_;
  std::string name_, sha_;
  std::filesystem::path path_;
};

}  // namespace perfwatch::git
