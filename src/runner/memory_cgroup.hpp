#pragma once
// A benchmark process's peak memory, measured where it cannot be mixed up with
// perfwatch's own: a memory cgroup made for the one process (cgroup v2's
// memory.peak, else v1's memory.max_usage_in_bytes). Where no cgroup can be
// made (no permission, no memory controller) the caller polls the process's
// VmHWM instead, and says so.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace perfwatch {

enum class MemorySource { cgroup_v2, cgroup_v1, polled };
// "cgroup v2 memory.peak", "cgroup v1 memory.max_usage_in_bytes", "polled /proc VmHWM".
const char* describe(MemorySource source);

// Below this a process's peak is mostly the loader's and libc's pages, and
// where it is read decides the figure (0.1 to 3.3 MiB for one tiny process over
// 300 runs): such a peak is recorded as unknown, never as a number.
inline constexpr std::int64_t kMemoryFloorBytes = 4 * 1024 * 1024;

// The peak, or nullopt below kMemoryFloorBytes.
std::optional<std::int64_t> above_floor(std::int64_t bytes);

// One process's cgroup: made empty, joined by the child before exec (its
// `procs_path`), read after the child is reaped, removed on destruction.
class MemoryCgroup {
 public:
  // A fresh cgroup below this process's own, or nullopt where none can be made.
  static std::optional<MemoryCgroup> create();

  MemoryCgroup(MemoryCgroup&& other) noexcept;
  MemoryCgroup& operator=(MemoryCgroup&&) = delete;
  ~MemoryCgroup();

  MemorySource source() const { return source_; }
  // The file a process writes "0" to, to join the cgroup.
  const std::filesystem::path& procs_path() const { return procs_; }
  // The highest memory charged to the cgroup since it was made; 0 when unreadable.
  std::int64_t peak_bytes() const;
  // The memory charged to the cgroup now; 0 when unreadable.
  std::int64_t current_bytes() const;

 private:
  MemoryCgroup(std::filesystem::path dir, MemorySource source);
  std::filesystem::path dir_, procs_;
  MemorySource source_;
};

}  // namespace perfwatch
