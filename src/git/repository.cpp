#include "git/repository.hpp"

#include <git2.h>

#include "util/error.hpp"

namespace perfwatch::git {
namespace {

// libgit2 needs one global init per process; this object holds it.
struct Library {
  Library() { git_libgit2_init(); }
  ~Library() { git_libgit2_shutdown(); }
};

void ensure_library() { static Library library; }

std::string last_error() {
  const git_error* e = git_error_last();
  return e && e->message ? e->message : "unknown libgit2 error";
}

template <class T, void (*Free)(T*)>
struct Handle {
  T* ptr = nullptr;
  ~Handle() {
    if (ptr) Free(ptr);
  }
};

std::string oid_string(const git_oid* oid) {
  char buf[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buf, sizeof buf, oid);
  return buf;
}

CommitInfo describe(git_commit* commit) {
  CommitInfo info;
  info.sha = oid_string(git_commit_id(commit));
  for (unsigned i = 0; i < git_commit_parentcount(commit); ++i) {
    info.parents.push_back(oid_string(git_commit_parent_id(commit, i)));
  }
  const git_signature* author = git_commit_author(commit);
  info.author = std::string(author->name) + " <" + author->email + ">";
  info.time = git_commit_time(commit);
  const char* summary = git_commit_summary(commit);
  info.subject = summary ? summary : "";
  return info;
}

}  // namespace

void Repository::Free::operator()(git_repository* r) const { git_repository_free(r); }

Repository Repository::discover(const std::filesystem::path& start) {
  ensure_library();
  git_buf found = GIT_BUF_INIT;
  const int rc = git_repository_discover(&found, start.c_str(), 0, nullptr);
  if (rc != 0) {
    throw input_error(start.string() + ": --repo: expected a path inside a git repository, got none found");
  }
  git_repository* repo = nullptr;
  const int open_rc = git_repository_open(&repo, found.ptr);
  git_buf_dispose(&found);
  if (open_rc != 0) throw input_error(start.string() + ": --repo: cannot open repository: " + last_error());
  Repository opened(repo);  // owns it from here, whatever is thrown next
  if (git_repository_is_bare(repo)) {
    throw input_error(start.string() + ": --repo: a bare repository: perfwatch needs a work tree (point --repo at a checkout)");
  }
  return opened;
}

[[noreturn]] void Repository::fail(const std::string& what) const {
  const std::string message = last_error();
  if (git_repository_is_shallow(repo_.get()) == 1) {
    throw input_error(workdir().string() + ": shallow clone: fetch-depth 0 needed for ancestry (" + what +
                      ": " + message + "; run `git fetch --unshallow`, or give actions/checkout `fetch-depth: 0`)");
  }
  throw environment_error(workdir().string() + ": git: " + what + ": " + message);
}

void Repository::require_ancestry() const {
  if (git_repository_is_shallow(repo_.get()) == 1) {
    throw input_error(workdir().string() + ": shallow clone: fetch-depth 0 needed for ancestry (run `git fetch "
                      "--unshallow`, or give actions/checkout `fetch-depth: 0`)");
  }
}

CommitInfo Repository::resolve(const std::string& rev) const {
  if (git_repository_head_unborn(repo_.get()) == 1) {
    throw input_error(workdir().string() + ": the repository has no commits yet: commit once, then record runs against it");
  }
  Handle<git_object, git_object_free> object;
  if (git_revparse_single(&object.ptr, repo_.get(), rev.c_str()) != 0) {
    throw input_error(workdir().string() + ": revision \"" + rev +
                      "\": expected a commit git knows (" + last_error() + ")");
  }
  Handle<git_commit, git_commit_free> commit;
  if (git_object_peel(reinterpret_cast<git_object**>(&commit.ptr), object.ptr, GIT_OBJECT_COMMIT) != 0) {
    throw input_error(workdir().string() + ": revision \"" + rev + "\": expected a commit, got another object");
  }
  return describe(commit.ptr);
}

std::filesystem::path Repository::workdir() const {
  if (const char* wd = git_repository_workdir(repo_.get())) return wd;
  return std::filesystem::path(git_repository_path(repo_.get())).parent_path();
}

std::vector<std::string> Repository::first_parent_history(const std::string& sha, size_t limit) const {
  std::vector<std::string> history;
  Handle<git_revwalk, git_revwalk_free> walk;
  git_oid start;
  if (git_oid_fromstr(&start, sha.c_str()) != 0) throw input_error("\"" + sha + "\": expected a full commit id");
  if (git_revwalk_new(&walk.ptr, repo_.get()) != 0) fail("history of " + sha.substr(0, 8));
  git_revwalk_simplify_first_parent(walk.ptr);
  if (git_revwalk_push(walk.ptr, &start) != 0) fail("history of " + sha.substr(0, 8));
  git_oid oid;
  int rc = 0;
  while (history.size() < limit && (rc = git_revwalk_next(&oid, walk.ptr)) == 0) history.push_back(oid_string(&oid));
  if (rc < 0 && rc != GIT_ITEROVER) fail("history of " + sha.substr(0, 8));
  return history;
}

std::vector<CommitInfo> Repository::commits_between(const std::string& from, const std::string& to, size_t limit,
                                                    size_t& total) const {
  std::vector<CommitInfo> commits;
  total = 0;
  Handle<git_revwalk, git_revwalk_free> walk;
  git_oid to_oid, from_oid;
  const std::string what = "commits " + from.substr(0, 8) + ".." + to.substr(0, 8);
  if (git_oid_fromstr(&to_oid, to.c_str()) != 0) throw input_error("\"" + to + "\": expected a full commit id");
  if (!from.empty() && git_oid_fromstr(&from_oid, from.c_str()) != 0)
    throw input_error("\"" + from + "\": expected a full commit id");
  if (git_revwalk_new(&walk.ptr, repo_.get()) != 0) fail(what);
  git_revwalk_sorting(walk.ptr, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);
  if (git_revwalk_push(walk.ptr, &to_oid) != 0) fail(what);
  if (!from.empty() && git_revwalk_hide(walk.ptr, &from_oid) != 0) fail(what);
  git_oid oid;
  int rc = 0;
  while ((rc = git_revwalk_next(&oid, walk.ptr)) == 0) {
    ++total;
    if (commits.size() >= limit) continue;
    Handle<git_commit, git_commit_free> commit;
    if (git_commit_lookup(&commit.ptr, repo_.get(), &oid) != 0) fail(what);
    commits.push_back(describe(commit.ptr));
  }
  if (rc != GIT_ITEROVER) fail(what);
  return commits;
}

bool Repository::has_commit(const git_oid& oid) const {
  Handle<git_commit, git_commit_free> commit;
  return git_commit_lookup(&commit.ptr, repo_.get(), &oid) == 0;
}

bool Repository::is_ancestor(const std::string& ancestor, const std::string& descendant) const {
  if (ancestor == descendant) return true;
  git_oid a, d;
  if (git_oid_fromstr(&a, ancestor.c_str()) != 0) throw input_error("\"" + ancestor + "\": expected a full commit id");
  if (git_oid_fromstr(&d, descendant.c_str()) != 0) throw input_error("\"" + descendant + "\": expected a full commit id");
  // A commit this clone does not have (rewritten history, another fork) is no
  // ancestor; in a shallow clone it may be one beyond the cut, so say so.
  if (!has_commit(a)) {
    require_ancestry();
    return false;
  }
  const int rc = git_graph_descendant_of(repo_.get(), &d, &a);
  if (rc < 0) fail("is " + ancestor.substr(0, 8) + " an ancestor of " + descendant.substr(0, 8));
  return rc == 1;
}

}  // namespace perfwatch::git
