#pragma once
// A recorded run: one execution of a suite for one commit on one environment.
#include <cstdint>
#include <string>
#include <vector>

#include "model/result.hpp"
#include "util/time.hpp"

namespace perfwatch {

struct CommitInfo {
  std::string sha;  // full 40-hex id
  std::vector<std::string> parents;
  std::string author;  // "Name <email>"
  UnixTime time = 0;
  std::string subject;
  bool operator==(const CommitInfo&) const = default;
};

// Where a run happened. Runs compare only against runs with the same fingerprint.
struct Environment {
  std::string name;  // --env, RUNNER_NAME or the host name
  std::string cpu;
  int cores = 0;
  std::string os;  // "Linux 6.1.0-18-amd64"
  bool operator==(const Environment&) const = default;
};

// A stable identity: an explicit --env name stands alone (results produced
// elsewhere); otherwise the machine's shape is part of it.
std::string fingerprint(const Environment& env);

enum class RunStatus { complete, interrupted, invalidated };
const char* to_string(RunStatus s);
bool parse_run_status(const std::string& text, RunStatus& out);

// A run's identity without its results.
struct RunInfo {
  std::int64_t id = 0;
  UnixTime time = 0;
  std::string commit_sha;
  std::string environment;  // fingerprint
  RunStatus status = RunStatus::complete;
  std::string suite;
};

struct RunRecord {
  std::int64_t id = 0;  // 0 until stored
  CommitInfo commit;
  Environment environment;
  UnixTime time = 0;
  std::string suite;
  RunStatus status = RunStatus::complete;
  std::string tool_version;
  std::string source_format;  // adapter that produced the results
  bool aggregate_only = false;
  std::vector<BenchmarkResult> results;
};

}  // namespace perfwatch
