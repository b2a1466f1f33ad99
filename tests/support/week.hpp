#pragma once
#include <doctest/doctest.h>

#include <cmath>
#include <memory>
#include <random>

#include "support/cli.hpp"
#include "support/git_fixture.hpp"
#include "support/history.hpp"
#include "support/night_samples.hpp"
#include "support/temp_dir.hpp"
#include "util/time.hpp"

namespace perfwatch::testing {

// A repository with `nights` commits on main (8 by default), one run a
// night for each from 2026-11-10 (the last night at `last_factor` times the
// level), recorded through the CLI.
struct Week {
  TempDir dir;
  int nights;
  GitFixture git;
  std::unique_ptr<TestHistory> history;  // a file by default, or on the test server
  std::string db;
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
    const std::string at = format_iso8601(1794276000 + std::int64_t{day} * 86400);  // 2026-11-10T02:00:00Z + day
    REQUIRE(perfwatch({"ingest", night_file(factor), "--commit", commit, "--at", at, "--env", "ci"}).status == 0);
  }

  explicit Week(double last_factor = 1.35, int night_count = 8, const std::string& engine = "sqlite")
      : nights(night_count),
        git(dir.path(), night_count),
        history(std::make_unique<TestHistory>(dir, engine)),
        db(history->location()) {
    for (int night = 0; night < nights; ++night)
      record(git.shas()[static_cast<size_t>(night)], night, night == nights - 1 ? last_factor : 1.0);
  }
};


}  // namespace perfwatch::testing
