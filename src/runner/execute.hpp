#pragma once
// Runs the suite's entries and turns their processes into benchmark results.
#include <atomic>
#include <filesystem>
#include <vector>

#include "model/result.hpp"
#include "runner/memory_cgroup.hpp"
#include "runner/progress.hpp"
#include "runner/suite.hpp"

namespace perfwatch {

struct EntryOutcome {
  // The entry itself (its processes' wall times as samples, or their
  // instruction counts under "measure": "instructions"; their peak RSS; or
  // its failure), then, for an adapter format, each benchmark its output
  // reported, named "<entry>/<benchmark>".
  std::vector<BenchmarkResult> results;
  bool command_missing = false;
  bool interrupted = false;
  double seconds = 0;
  MemorySource memory_source = MemorySource::polled;  // where the measured runs' peak came from
};

// Runs `entry` (prepare, warmup, repetitions) with its files under `work_dir`;
// relative `cwd`s are resolved against `suite_dir`.
EntryOutcome run_entry(const SuiteEntry& entry, const std::filesystem::path& suite_dir,
                       const std::filesystem::path& work_dir, const std::atomic<bool>* stop, Progress* progress);

// The last `lines` lines of a file, joined with " | " (for failure messages).
std::string tail_lines(const std::filesystem::path& file, size_t lines);

}  // namespace perfwatch
