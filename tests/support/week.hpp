#pragma once
#include <doctest/doctest.h>

#include <cmath>
#include <random>

#include "support/cli.hpp"
#include "support/git_fixture.hpp"
#include "support/night_samples.hpp"
#include "support/temp_dir.hpp"

namespace perfwatch::testing {

// A repository with 8 commits on main, one run a night for each (night 8 at
// `last_factor` times the level), recorded through the CLI.
struct Week {
  TempDir dir;
  GitFixture git{dir.path(), 8};
  std::string db = (dir / "h.db").string();
  std::mt19937_64 rng{2026};

  CliResult perfwatch(std::vector<std::string> args) {
    args.insert(args.begin(), {"--repo", dir.path().string(), "--db", db});
    return run(std::move(args));
  }

  std::string samples(double level) { return night_samples(rng, level); }

  // parser/small at `factor` times its level; json/encode unchanged.
  std::string night_file(double factor) {
    return dir.write("night.json", R"({"suite":"demo","benchmarks":[{"name":"parser/small","unit":"ns","samples":[)" +
                                       samples(1000 * factor) + R"(]},{"name":"json/encode","unit":"ns","samples":[)" +
                                       samples(5000) + "]}]}")
        .string();
  }

  void record(const std::string& commit, int day, double factor) {
    const std::string at = "2026-11-" + std::to_string(10 + day) + "T02:00:00Z";
    REQUIRE(perfwatch({"ingest", night_file(factor), "--commit", commit, "--at", at, "--env", "ci"}).status == 0);
  }

  explicit Week(double last_factor = 1.35) {
    for (int night = 0; night < 8; ++night) record(git.shas()[night], night, night == 7 ? last_factor : 1.0);
  }
};


}  // namespace perfwatch::testing
