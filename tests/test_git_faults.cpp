// The git edge against real repositories: a shallow clone (what actions/checkout
// gives by default), a commit the repository does not have, an unborn HEAD, a
// bare repository. Each is one clear line and its exit status; none is a
// silently empty baseline.
#include <doctest/doctest.h>
#include <git2.h>

#include <cstdlib>
#include <filesystem>

#include "git/repository.hpp"
#include "support/cli.hpp"
#include "support/git_fixture.hpp"
#include "support/temp_dir.hpp"
#include "util/error.hpp"

using namespace perfwatch;
using namespace perfwatch::testing;

namespace {

// Seven nights of one benchmark on the fixture's commits 1..7, in `db`.
void record_week(const TempDir& dir, const std::string& db, const GitFixture& git) {
  for (int n = 0; n < 7; ++n) {
    const auto file = dir.write("night.json", R"({"benchmarks":[{"name":"a","unit":"ns","samples":[100,101,99,100,102]}]})");
    const auto r = run({"--repo", dir.path().string(), "--db", db, "ingest", file.string(), "--commit", git.shas()[n],
                        "--at", "2026-11-" + std::to_string(20 + n) + "T02:00:00Z", "--env", "ci"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
  }
}

// `git clone --depth 1` with the real git: libgit2 of Debian 12 cannot make one.
std::filesystem::path shallow_clone(const TempDir& from, const TempDir& into) {
  const auto target = into / "shallow";
  const std::string command = "git clone -q --depth 1 file://" + from.path().string() + " " + target.string() + " 2>&1";
  REQUIRE(std::system(command.c_str()) == 0);
  return target;
}

}  // namespace

TEST_CASE("git faults: a shallow clone says fetch-depth 0, exit 2") {
  TempDir dir, elsewhere;
  GitFixture git(dir.path(), 8);
  const std::string db = (elsewhere / "history.db").string();
  record_week(dir, db, git);
  const auto shallow = shallow_clone(dir, elsewhere);
  const auto tonight = dir.write("tonight.json", R"({"benchmarks":[{"name":"a","unit":"ns","samples":[150,151,149,150,152]}]})");
  const auto r = run({"--repo", shallow.string(), "--db", db, "ingest", tonight.string(), "--at", "2026-11-28T02:00:00Z",
                      "--env", "ci"});
  REQUIRE_MESSAGE(r.status == 0, r.err);  // recording needs no ancestry
  const std::string before = run({"--repo", dir.path().string(), "--db", db, "export"}).out;
  const auto c = run({"--repo", shallow.string(), "--db", db, "compare"});
  CHECK(c.status == 2);
  CHECK(one_line(c.err));
  CHECK_MESSAGE(c.err.find("shallow clone: fetch-depth 0 needed for ancestry") != std::string::npos, c.err);
  // The full clone sees the baseline and the +50 %.
  const auto full = run({"--repo", dir.path().string(), "--db", db, "compare", git.shas()[7]});
  CHECK(full.status == 1);
  CHECK(before == run({"--repo", dir.path().string(), "--db", db, "export"}).out);
}

TEST_CASE("git faults: a commit the repository does not have") {
  TempDir dir;
  GitFixture git(dir.path(), 2);
  const auto repo = git::Repository::discover(dir.path());
  const std::string absent = "0123456789abcdef0123456789abcdef01234567";
  CHECK_FALSE(repo.is_ancestor(absent, git.shas()[1]));  // rewritten history: not an ancestor, not an error
  const auto file = dir.write("r.json", R"({"benchmarks":[{"name":"a","unit":"ns","samples":[1]}]})");
  const auto r = run({"--repo", dir.path().string(), "--db", (dir / "h.db").string(), "ingest", file.string(), "--commit", absent});
  CHECK(r.status == 2);
  CHECK(one_line(r.err));
  CHECK(r.err.find("revision \"" + absent + "\": expected a commit git knows") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "h.db"));
}

TEST_CASE("git faults: an unborn HEAD") {
  TempDir dir;
  git_libgit2_init();
  git_repository* repo = nullptr;
  REQUIRE(git_repository_init(&repo, dir.path().c_str(), 0) == 0);
  git_repository_free(repo);
  git_libgit2_shutdown();
  const auto file = dir.write("r.json", R"({"benchmarks":[{"name":"a","unit":"ns","samples":[1]}]})");
  const auto r = run({"--repo", dir.path().string(), "ingest", file.string()});
  CHECK(r.status == 2);
  CHECK(one_line(r.err));
  CHECK_MESSAGE(r.err.find("the repository has no commits yet: commit once") != std::string::npos, r.err);
  CHECK_FALSE(std::filesystem::exists(dir / ".perfwatch/history.db"));
}

TEST_CASE("git faults: a bare repository") {
  TempDir dir;
  git_libgit2_init();
  git_repository* repo = nullptr;
  REQUIRE(git_repository_init(&repo, (dir / "bare.git").c_str(), 1) == 0);
  git_repository_free(repo);
  git_libgit2_shutdown();
  const auto r = run({"--repo", (dir / "bare.git").string(), "compare"});
  CHECK(r.status == 2);
  CHECK(one_line(r.err));
  CHECK_MESSAGE(r.err.find("a bare repository: perfwatch needs a work tree") != std::string::npos, r.err);
}
