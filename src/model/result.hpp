#pragma once
// The native result model every adapter maps onto (SPEC: "Native result format").
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace perfwatch {

// Raw per-iteration or per-repetition values of one quantity, in one unit.
struct Series {
  std::string unit;
  std::vector<double> values;
  bool operator==(const Series&) const = default;
};

// Resident memory sampled while one process ran: seconds since it started
// and bytes, oldest first (runner/process: the same source as the peak).
struct MemorySeries {
  std::vector<double> seconds;
  std::vector<double> bytes;
  bool operator==(const MemorySeries&) const = default;
};

struct BenchmarkResult {
  std::string name;
  std::optional<Series> latency;     // lower is better (time per op, usually ns)
  std::optional<Series> throughput;  // higher is better (items/s, ...)
  std::optional<std::int64_t> errors;
  std::optional<std::int64_t> requests;
  std::optional<std::int64_t> peak_rss_bytes;
  // The longest measured process's memory over time, when it ran long
  // enough for a growth rate to mean something (suite: memory_growth_min_seconds).
  std::optional<MemorySeries> memory;
  // Instructions the process executed in user space, one count per measured
  // process (suite: "measure": "instructions"), and what counted them:
  // "perf_event_open" or "callgrind" (runner/instruction_count). Counts of
  // two sources differ, so a night is compared only with nights of its source.
  std::optional<Series> instructions;
  std::string instructions_source;
  std::optional<std::string> failure;  // why the benchmark produced no result
  bool operator==(const BenchmarkResult&) const = default;
};

struct SuiteResult {
  std::string suite;
  // True when the source carries one summary value per metric and run
  // (k6 summary, Locust stats, BMF): detection then works on per-night values.
  bool aggregate_only = false;
  std::vector<BenchmarkResult> benchmarks;
  bool operator==(const SuiteResult&) const = default;
};

}  // namespace perfwatch
