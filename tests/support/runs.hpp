#pragma once
// Small builders of RunRecords for store tests.
#include "model/run.hpp"
#include "util/error.hpp"

namespace perfwatch::testing {

inline RunRecord make_run(const std::string& sha, UnixTime time, std::vector<BenchmarkResult> results) {
  RunRecord run;
  run.commit = {sha, {}, "Test Author <author@example.com>", 1700000000, "subject of " + sha.substr(0, 6)};
  run.environment = {"ci-runner", "Test CPU", 2, "Linux 6.1"};
  run.time = time;
  run.suite = "demo";
  run.tool_version = "test";
  run.source_format = "perfwatch";
  run.results = std::move(results);
  return run;
}

inline BenchmarkResult latency(const std::string& name, std::vector<double> values) {
  BenchmarkResult b;
  b.name = name;
  b.latency = Series{"ns", std::move(values)};
  return b;
}

}  // namespace perfwatch::testing
