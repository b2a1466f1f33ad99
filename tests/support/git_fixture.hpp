#pragma once
// Real git repositories made with libgit2 for tests: a linear history of
// commits (and optionally a branch), each with a file change.
#include <filesystem>
#include <string>
#include <vector>

struct git_repository;

namespace perfwatch::testing {

class GitFixture {
 public:
  // Creates a repository at `dir` with `commits` commits on the default branch.
  GitFixture(const std::filesystem::path& dir, int commits);
  ~GitFixture();
  GitFixture(const GitFixture&) = delete;
  GitFixture& operator=(const GitFixture&) = delete;

  // Adds a commit on top of `parent_sha` (empty: HEAD) and moves `ref` to it.
  std::string commit(const std::string& subject, const std::string& ref = "HEAD",
                     const std::string& parent_sha = "");

  // Writes `files` (path relative to the repository, content) and commits them with file.txt on HEAD.
  std::string commit_files(const std::string& subject, const std::vector<std::pair<std::string, std::string>>& files);

  const std::vector<std::string>& shas() const { return shas_; }  // oldest first
  const std::filesystem::path& dir() const { return dir_; }

 private:
  std::filesystem::path dir_;
  git_repository* repo_ = nullptr;
  std::vector<std::string> shas_;
  std::vector<std::string> tracked_;  // files commit_files added, staged again by every commit
  int counter_ = 0;
};

}  // namespace perfwatch::testing
