#include "git/worktree.hpp"

#include <git2.h>

#include <memory>

#include "util/error.hpp"

namespace perfwatch::git {
namespace {

std::string last_error() {
  const git_error* e = git_error_last();
  return e && e->message ? e->message : "unknown libgit2 error";
}

template <class T, void (*Free)(T*)>
using Owned = std::unique_ptr<T, decltype([](T* p) { Free(p); })>;

}  // namespace

// libgit2 checks a worktree out at a branch, so a short-lived branch carries
// the commit there; HEAD is then detached and the branch deleted, leaving the
// user's branches as they were.
void Repository::add_worktree(const std::string& name, const std::string& sha, const std::filesystem::path& path) const {
  const std::string what = workdir().string() + ": git worktree of " + sha.substr(0, 8) + " at " + path.string();
  auto fail = [&](const std::string& step) -> void {
    throw environment_error(what + ": " + step + ": " + last_error() + " (check the disk and the repository's permissions)");
  };
  git_oid oid;
  if (git_oid_fromstr(&oid, sha.c_str()) != 0) throw input_error("\"" + sha + "\": expected a full commit id");
  git_commit* raw_commit = nullptr;
  if (git_commit_lookup(&raw_commit, repo_.get(), &oid) != 0) fail("find the commit");
  Owned<git_commit, git_commit_free> commit(raw_commit);
  git_reference* raw_branch = nullptr;
  if (git_branch_create(&raw_branch, repo_.get(), name.c_str(), commit.get(), 0) != 0) fail("create a branch");
  Owned<git_reference, git_reference_free> branch(raw_branch);
  git_worktree_add_options options = GIT_WORKTREE_ADD_OPTIONS_INIT;
  options.ref = branch.get();
  git_worktree* raw_tree = nullptr;
  const int added = git_worktree_add(&raw_tree, repo_.get(), name.c_str(), path.c_str(), &options);
  Owned<git_worktree, git_worktree_free> tree(raw_tree);
  if (added != 0) {
    git_reference_delete(branch.get());
    fail("add the worktree");
  }
  git_repository* raw_checkout = nullptr;
  if (git_repository_open_from_worktree(&raw_checkout, tree.get()) != 0) fail("open the worktree");
  Owned<git_repository, git_repository_free> checkout(raw_checkout);
  if (git_repository_set_head_detached(checkout.get(), &oid) != 0) fail("detach its HEAD");
  // The reference alone: git_branch_delete would also scan the config for the
  // branch's section (it has none), and libgit2 1.5 leaks in that scan.
  if (git_reference_delete(branch.get()) != 0) fail("delete the temporary branch");
}

void Repository::remove_worktree(const std::string& name) const {
  git_worktree* raw = nullptr;
  if (git_worktree_lookup(&raw, repo_.get(), name.c_str()) != 0) return;
  Owned<git_worktree, git_worktree_free> tree(raw);
  git_worktree_prune_options options = GIT_WORKTREE_PRUNE_OPTIONS_INIT;
  options.flags = GIT_WORKTREE_PRUNE_VALID | GIT_WORKTREE_PRUNE_LOCKED | GIT_WORKTREE_PRUNE_WORKING_TREE;
  git_worktree_prune(tree.get(), &options);
}

Worktree::Worktree(const Repository& repo, const std::string& sha, const std::filesystem::path& path)
    : repo_(repo), name_(path.filename().string()), sha_(sha), path_(path) {
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  try {
    repo_.add_worktree(name_, sha, path);
  } catch (...) {  // half made: leave nothing behind
    repo_.remove_worktree(name_);
    std::filesystem::remove_all(path_, ec);
    throw;
  }
}

Worktree::~Worktree() {
  repo_.remove_worktree(name_);
  std::error_code ec;  // what the build left that git does not track
  std::filesystem::remove_all(path_, ec);
}

}  // namespace perfwatch::git
