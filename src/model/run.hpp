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

// Where a run happened: the machine in detail, and the identity a baseline
// matches on. A hosted CI runner is another host (and often another CPU
// model and kernel) every night, so the identity is the machine's class, never
// its name; the details are kept with each run to say when they changed.
struct Environment {
  std::string name;  // RUNNER_NAME or the host name; for `ingest --env`, that name
  std::string cpu;   // the exact CPU model
  int cores = 0;
  std::string os;    // "Linux 6.1.0-18-amd64": kernel name and release
  std::string arch;  // "x86_64" ("" in histories older than schema 3)
  std::string identity;  // "env:<name>" when the user named it, else "" (the class, identity_of)
  bool operator==(const Environment&) const = default;
};

// What baselines match on: the user's name ("env:ci-large"), else the class
// "Linux x86_64, 4 cores" (kernel name, architecture, core count). An
// architecture unknown to an old history is taken as this build's.
std::string identity_of(const Environment& env);

// The details' key: one stored environment per distinct machine and identity.
std::string fingerprint(const Environment& env);

// The architecture this perfwatch was built for ("x86_64", "aarch64", ...).
const char* build_architecture();

enum class RunStatus { complete, interrupted, invalidated };
const char* to_string(RunStatus s);
bool parse_run_status(const std::string& text, RunStatus& out);

// A run's identity without its results.
struct RunInfo {
  std::int64_t id = 0;
  UnixTime time = 0;
  std::string commit_sha;
  std::string environment;  // identity_of the run's environment
  RunStatus status = RunStatus::complete;
  std::string suite;
  std::string cpu;  // the run's exact CPU model (details)
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
