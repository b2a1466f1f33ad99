#pragma once
// One child process, run the way a benchmark must be: no shell, its own
// process group, output to files, killed with its group on timeout or
// interruption, and its peak memory from its own cgroup (runner/memory_cgroup)
// or, without one, polled while it runs.
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/result.hpp"
#include "runner/memory_cgroup.hpp"
#include "runner/perf_counter.hpp"

namespace perfwatch {

struct ProcessSpec {
  std::vector<std::string> argv;  // argv[0] is looked up in PATH
  std::filesystem::path cwd;
  std::map<std::string, std::string> env;  // added to this process's environment
  double timeout_s = 600;
  std::filesystem::path stdout_path, stderr_path;
  // false: measure memory by polling even where a cgroup could be made (tests
  // of the fallback; the real fallback is a machine that offers none).
  bool memory_cgroup = true;
  // Set: counted by a performance counter from exec to exit (runner/perf_counter).
  std::optional<PerfEvent> count;
};

inline constexpr size_t kMaxMemoryPoints = 2048;

enum class ProcessEnd { exited, signaled, timed_out, interrupted, not_started };

struct ProcessResult {
  ProcessEnd end = ProcessEnd::not_started;
  int exit_code = 0;  // when exited
  int signal = 0;     // when signaled
  double wall_seconds = 0;
  std::int64_t peak_rss_bytes = 0;  // 0: unknown (below kMemoryFloorBytes, or not measured)
  MemorySource memory_source = MemorySource::polled;
  // Resident memory while it ran, from the same source as the peak (the
  // cgroup's current charge, else the process's VmRSS): every 100 ms, the
  // interval doubling each time the series reaches kMaxMemoryPoints.
  MemorySeries memory;
  // ProcessSpec::count's final value, when the process exited on its own.
  std::optional<std::int64_t> count;
  std::string error;  // why it did not start
  bool ok() const { return end == ProcessEnd::exited && exit_code == 0; }
};

// Runs `spec` to completion. `stop` (may be null) is polled: when it turns
// true the process group is terminated and the result is `interrupted`.
// `tick` (may be empty) is called about every 250 ms with the elapsed seconds.
ProcessResult run_process(const ProcessSpec& spec, const std::atomic<bool>* stop,
                          const std::function<void(double)>& tick = {});

// argv[0] as execve needs it: looked up in PATH unless it names a path; ""
// when no executable of that name is found.
std::string resolve_command(const std::string& command);

// "exit status 3", "killed by signal 9", "timed out after 2 s", ...
std::string describe(const ProcessResult& r, double timeout_s);

}  // namespace perfwatch
