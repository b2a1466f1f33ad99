#include "support/git_fixture.hpp"

#include <git2.h>

#include <algorithm>
#include <fstream>
#include <stdexcept>

namespace perfwatch::testing {
namespace {

void check(int rc, const char* what) {
  if (rc < 0) {
    const git_error* e = git_error_last();
    throw std::runtime_error(std::string(what) + ": " + (e ? e->message : "?"));
  }
}

}  // namespace

GitFixture::GitFixture(const std::filesystem::path& dir, int commits) : dir_(dir) {
  git_libgit2_init();
  check(git_repository_init(&repo_, dir.c_str(), 0), "init");
  for (int i = 0; i < commits; ++i) commit("commit " + std::to_string(i + 1));
}

GitFixture::~GitFixture() {
  git_repository_free(repo_);
  git_libgit2_shutdown();
}

std::string GitFixture::commit(const std::string& subject, const std::string& ref,
                               const std::string& parent_sha) {
  ++counter_;
  std::ofstream(dir_ / "file.txt", std::ios::app) << counter_ << "\n";
  git_index* index = nullptr;
  check(git_repository_index(&index, repo_), "index");
  check(git_index_add_bypath(index, "file.txt"), "add");
  for (const std::string& path : tracked_) check(git_index_add_bypath(index, path.c_str()), "add");
  check(git_index_write(index), "index write");
  git_oid tree_id, commit_id;
  check(git_index_write_tree(&tree_id, index), "write tree");
  git_index_free(index);
  git_tree* tree = nullptr;
  check(git_tree_lookup(&tree, repo_, &tree_id), "tree");
  git_signature* sig = nullptr;
  // Commit times one hour apart so ordering by time is deterministic.
  check(git_signature_new(&sig, "Test Author", "author@example.com", 1700000000 + counter_ * 3600, 0), "sig");
  git_commit* parent = nullptr;
  if (!parent_sha.empty()) {
    git_oid pid;
    check(git_oid_fromstr(&pid, parent_sha.c_str()), "parent oid");
    check(git_commit_lookup(&parent, repo_, &pid), "parent");
  } else {
    git_oid head;
    if (git_reference_name_to_id(&head, repo_, "HEAD") == 0) check(git_commit_lookup(&parent, repo_, &head), "head");
  }
  const git_commit* parents[] = {parent};
  const std::string message = subject + "\n";
  const char* update_ref = ref == "HEAD" ? "HEAD" : ref.c_str();
  check(git_commit_create(&commit_id, repo_, update_ref, sig, sig, nullptr, message.c_str(), tree,
                          parent ? 1 : 0, parents), "commit");
  git_commit_free(parent);
  git_signature_free(sig);
  git_tree_free(tree);
  char buf[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buf, sizeof buf, &commit_id);
  shas_.push_back(buf);
  return buf;
}

std::string GitFixture::commit_files(const std::string& subject,
                                     const std::vector<std::pair<std::string, std::string>>& files) {
  for (const auto& [path, content] : files) {
    std::filesystem::create_directories((dir_ / path).parent_path());
    std::ofstream(dir_ / path, std::ios::trunc) << content;
    if (std::find(tracked_.begin(), tracked_.end(), path) == tracked_.end()) tracked_.push_back(path);
  }
  return commit(subject);
}

}  // namespace perfwatch::testing
