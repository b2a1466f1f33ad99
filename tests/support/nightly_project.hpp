#pragma once
// A project for `perfwatch nightly` end to end: a real git repository, a suite
// of two real benchmark processes (bench_helper) whose samples the test
// writes before each night, and the history file.
#include <random>
#include <string>
#include <vector>

#include "support/cli.hpp"
#include "support/fake_github.hpp"
#include "support/git_fixture.hpp"
#include "support/night_samples.hpp"
#include "support/temp_dir.hpp"

namespace perfwatch::testing {

// Two suite entries whose samples the test writes before each night:
// small (the one that regresses) and encode (steady).
struct Project {
  TempDir dir;
  GitFixture git{dir.path(), 1};
  std::string db = (dir / "h.db").string();
  std::mt19937_64 rng{7};
  int day = 0;

  Project() {
    const std::string helper = PERFWATCH_TEST_HELPER;
    auto entry = [&](const std::string& entry_name, const std::string& bench) {
      return R"({"name": ")" + entry_name + R"(", "format": "perfwatch", "command": [")" + helper + R"(", "from-file", ")" +
             bench + R"(", ")" + (dir / (bench + ".txt")).string() + R"("]})";
    };
    dir.write("perfwatch.json", R"({"suite": "widgets", "benchmarks": [)" + entry("parser", "small") + ", " +
                                    entry("json", "encode") + "]}");
    // A process's own wall time and memory (the entries "parser", "json") are
    // not what this test is about: too noisy on a loaded test machine to alert.
    std::filesystem::create_directories(dir / "baselines");
    dir.write("baselines/thresholds.json",
              R"({"overrides": {"parser": {"p95_increase": 9, "memory_increase": 9}, "json": {"p95_increase": 9, "memory_increase": 9}}})");
  }

  std::string samples(double level) { return night_samples(rng, level); }

  // A new commit and tonight's samples; returns the arguments of `perfwatch
  // nightly` at 02:00 of the next day.
  std::vector<std::string> prepare_night(double small_factor, std::vector<std::string> extra = {}) {
    ++day;
    git.commit("night " + std::to_string(day));
    dir.write("small.txt", samples(1000 * small_factor));
    dir.write("encode.txt", samples(5000));
    // --no-confirm: these samples are files the test writes, the same for
    // every commit, so reruns of the last good commit would refute every
    // regression (test_cli_confirm.cpp covers confirmation).
    std::vector<std::string> args = {"--repo", dir.path().string(), "--db", db, "nightly", "--no-confirm", "--at",
                                     "2026-11-" + std::to_string(10 + day) + "T02:00:00Z"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
  }
  // The same night run in-process.
  CliResult night(double small_factor, std::vector<std::string> extra = {}) {
    return run(prepare_night(small_factor, std::move(extra)));
  }
  CliResult perfwatch(std::vector<std::string> args) {
    args.insert(args.begin(), {"--repo", dir.path().string(), "--db", db});
    return run(std::move(args));
  }
};

inline size_t writes(FakeGitHub& github) {
  size_t n = 0;
  for (const auto& r : github.requests()) n += r.method != "GET";
  return n;
}

}  // namespace perfwatch::testing
