#include "runner/memory_cgroup.hpp"

#include <unistd.h>

#include <atomic>
#include <fstream>
#include <thread>

namespace perfwatch {
namespace {

namespace fs = std::filesystem;

// This process's cgroup path for `controller` ("" for the v2 hierarchy) from
// /proc/self/cgroup ("4:memory:/a/b", "0::/a/b").
std::optional<std::string> own_cgroup(const std::string& controller) {
  std::ifstream in("/proc/self/cgroup");
  for (std::string line; std::getline(in, line);) {
    const size_t first = line.find(':'), second = line.find(':', first + 1);
    if (first == std::string::npos || second == std::string::npos) continue;
    const std::string controllers = line.substr(first + 1, second - first - 1);
    const bool match = controller.empty() ? line.substr(0, first) == "0" && controllers.empty()
                                          : ("," + controllers + ",").find("," + controller + ",") != std::string::npos;
    if (match) return line.substr(second + 1);
  }
  return std::nullopt;
}

std::string unique_name() {
  static std::atomic<int> next{0};
  return "perfwatch-" + std::to_string(getpid()) + "-" + std::to_string(next++);
}

// A new directory under `parent` that holds `peak_file`; nullopt when it cannot be made.
std::optional<fs::path> make_cgroup(const fs::path& parent, const char* peak_file) {
  std::error_code ec;
  if (!fs::exists(parent / "cgroup.procs", ec)) return std::nullopt;
  const fs::path dir = parent / unique_name();
  if (!fs::create_directory(dir, ec) || ec) return std::nullopt;
  if (fs::exists(dir / peak_file, ec)) return dir;
  fs::remove(dir, ec);  // no memory controller in this hierarchy
  return std::nullopt;
}

std::int64_t read_number(const fs::path& file) {
  std::ifstream in(file);
  long long v = 0;
  return in >> v ? static_cast<std::int64_t>(v) : 0;
}

}  // namespace

const char* describe(MemorySource source) {
  switch (source) {
    case MemorySource::cgroup_v2: return "cgroup v2 memory.peak";
    case MemorySource::cgroup_v1: return "cgroup v1 memory.max_usage_in_bytes";
    case MemorySource::polled: return "polled /proc VmHWM";
  }
  return "?";
}

std::optional<std::int64_t> above_floor(std::int64_t bytes) {
  if (bytes < kMemoryFloorBytes) return std::nullopt;
  return bytes;
}

std::optional<MemoryCgroup> MemoryCgroup::create() {
  if (const auto v2 = own_cgroup("")) {
    for (const char* mount : {"/sys/fs/cgroup", "/sys/fs/cgroup/unified"})
      if (auto dir = make_cgroup(fs::path(mount) / v2->substr(1), "memory.peak"))
        return MemoryCgroup(*dir, MemorySource::cgroup_v2);
  }
  if (const auto v1 = own_cgroup("memory")) {
    if (auto dir = make_cgroup(fs::path("/sys/fs/cgroup/memory") / v1->substr(1), "memory.max_usage_in_bytes"))
      return MemoryCgroup(*dir, MemorySource::cgroup_v1);
  }
  return std::nullopt;
}

MemoryCgroup::MemoryCgroup(fs::path dir, MemorySource source)
    : dir_(std::move(dir)), procs_(dir_ / "cgroup.procs"), source_(source) {}

MemoryCgroup::MemoryCgroup(MemoryCgroup&& other) noexcept
    : dir_(std::move(other.dir_)), procs_(std::move(other.procs_)), source_(other.source_) {
  other.dir_.clear();
}

MemoryCgroup::~MemoryCgroup() {
  if (dir_.empty()) return;
  // The reaped process's own children may take a moment to leave.
  for (int attempt = 0; attempt < 50; ++attempt) {
    if (rmdir(dir_.c_str()) == 0 || errno == ENOENT) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

std::int64_t MemoryCgroup::peak_bytes() const {
  return read_number(dir_ / (source_ == MemorySource::cgroup_v2 ? "memory.peak" : "memory.max_usage_in_bytes"));
}

std::int64_t MemoryCgroup::current_bytes() const {
  return read_number(dir_ / (source_ == MemorySource::cgroup_v2 ? "memory.current" : "memory.usage_in_bytes"));
}

}  // namespace perfwatch
