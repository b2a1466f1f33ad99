#pragma once
// The suite file (perfwatch.json): what `perfwatch run` executes.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace perfwatch {

struct SuiteEntry {
  std::string name;
  std::vector<std::string> command;  // argv, run without a shell
  std::string format = "time";       // an adapter name, or "time": the process's wall time is the sample
  std::string cwd;                   // relative to the suite file's directory; empty: that directory
  std::map<std::string, std::string> env;  // added to perfwatch's environment
  double timeout_s = 600;
  int repetitions = 1;  // process-level repeats; their samples are appended
  int warmup = 0;       // runs discarded before the measured ones
  std::vector<std::string> prepare;  // a build step run once before, if given
  // A measured process that ran at least this long keeps its memory series
  // (memory_growth); shorter ones say nothing about a leak.
  double memory_growth_min_seconds = 60;
  // "measure": "instructions": each measured process's user-space
  // instruction count is the sample (runner/instruction_count), not its time.
  bool count_instructions = false;
};

// Where regressions are reported ("github" in the suite file).
struct GitHubSettings {
  std::string repository;  // "owner/name"; GITHUB_REPOSITORY wins
  std::vector<std::pair<std::string, std::vector<std::string>>> assignees;  // benchmark glob -> logins
};

struct Suite {
  std::string name;
  std::string environment;  // "environment": what baselines match on ("": the machine's class)
  std::vector<SuiteEntry> benchmarks;
  GitHubSettings github;
};

// Whether any entry counts instructions (then the run needs a counter).
bool counts_instructions(const Suite& suite);

// The logins to assign for `benchmark`: every matching glob's, in order, once each.
std::vector<std::string> assignees_for(const GitHubSettings& github, const std::string& benchmark);

// Parses and validates a suite file: an unknown key, a wrong type or a
// missing field is exit 2 naming `source`, the JSON path and what was expected.
Suite parse_suite(std::string_view text, const std::string& source);

}  // namespace perfwatch
