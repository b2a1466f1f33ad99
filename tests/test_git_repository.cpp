#include <doctest/doctest.h>

#include "git/repository.hpp"
#include "util/error.hpp"
#include "support/git_fixture.hpp"
#include "support/temp_dir.hpp"

using namespace perfwatch;
using perfwatch::testing::GitFixture;
using perfwatch::testing::TempDir;

TEST_CASE("git::Repository::resolve") {
  TempDir dir;
  GitFixture fixture(dir.path(), 4);
  const auto& shas = fixture.shas();
  const auto repo = git::Repository::discover(dir.path());

  const CommitInfo head = repo.resolve("HEAD");
  CHECK(head.sha == shas[3]);
  CHECK(head.parents == std::vector<std::string>{shas[2]});
  CHECK(head.subject == "commit 4");
  CHECK(head.author == "Test Author <author@example.com>");
  CHECK(head.time == 1700000000 + 4 * 3600);

  CHECK(repo.resolve("HEAD~3").sha == shas[0]);
  CHECK(repo.resolve(shas[1].substr(0, 7)).sha == shas[1]);
  CHECK(repo.resolve(shas[0]).parents.empty());

  SUBCASE("a branch name") {
    const std::string side = fixture.commit("on a branch", "refs/heads/feature", shas[1]);
    CHECK(repo.resolve("feature").sha == side);
    CHECK(repo.resolve("feature").parents == std::vector<std::string>{shas[1]});
    CHECK(repo.is_ancestor(shas[1], side));
    CHECK_FALSE(repo.is_ancestor(shas[2], side));
  }
  SUBCASE("an unknown revision is bad input naming it") {
    try {
      repo.resolve("no-such-branch");
      FAIL("expected an error");
    } catch (const Error& e) {
      CHECK(e.status() == ExitStatus::bad_input);
      CHECK(std::string(e.what()).find("revision \"no-such-branch\"") != std::string::npos);
    }
  }
}

TEST_CASE("git::Repository::discover") {
  TempDir dir;
  GitFixture fixture(dir.path(), 1);
  std::filesystem::create_directories(dir / "src/deep");
  const auto repo = git::Repository::discover(dir / "src/deep");
  CHECK(std::filesystem::equivalent(repo.workdir(), dir.path()));

  TempDir not_a_repo;
  CHECK_THROWS_WITH_AS(git::Repository::discover(not_a_repo.path()),
                       doctest::Contains("expected a path inside a git repository"), Error);
}
