#include "runner/perf_counter.hpp"

#include <linux/perf_event.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace perfwatch {
namespace {

perf_event_attr attributes(PerfEvent event) {
  perf_event_attr a{};
  a.size = sizeof a;
  a.type = event == PerfEvent::user_instructions ? PERF_TYPE_HARDWARE : PERF_TYPE_SOFTWARE;
  a.config = event == PerfEvent::user_instructions ? std::uint64_t{PERF_COUNT_HW_INSTRUCTIONS}
                                                   : std::uint64_t{PERF_COUNT_SW_TASK_CLOCK};
  a.disabled = 1;
  a.enable_on_exec = 1;  // perfwatch's own work between fork and exec is not counted
  a.inherit = 1;         // nor is a wrapper script's child left out
  a.exclude_kernel = 1;  // user space: what the code does, not the system calls' cost
  a.exclude_hv = 1;
  return a;
}

int open_counter(pid_t pid, PerfEvent event) {
  perf_event_attr a = attributes(event);
  return static_cast<int>(syscall(SYS_perf_event_open, &a, pid, -1, -1, PERF_FLAG_FD_CLOEXEC));
}

std::string reason(int error) {
  switch (error) {
    case ENOENT:
    case EOPNOTSUPP: return "this kernel exposes no hardware counter for instructions (a virtual machine without a PMU?)";
    case EACCES:
    case EPERM: return "the kernel does not allow it (kernel.perf_event_paranoid is above 2, or a seccomp filter)";
    case ENOSYS: return "this kernel has no perf_event_open";
    default: return std::string("perf_event_open: ") + std::strerror(error);
  }
}

}  // namespace

std::optional<PerfCounter> PerfCounter::attach(pid_t pid, PerfEvent event, std::string& why) {
  const int fd = open_counter(pid, event);
  if (fd < 0) {
    why = reason(errno);
    return std::nullopt;
  }
  return PerfCounter(fd);
}

PerfCounter::~PerfCounter() {
  if (fd_ >= 0) close(fd_);
}

std::optional<std::int64_t> PerfCounter::read() const {
  std::uint64_t count = 0;
  if (::read(fd_, &count, sizeof count) != static_cast<ssize_t>(sizeof count)) return std::nullopt;
  return static_cast<std::int64_t>(count);
}

std::string perf_unavailable_reason(PerfEvent event) {
  const int fd = open_counter(0, event);
  if (fd < 0) return reason(errno);
  close(fd);
  return "";
}

}  // namespace perfwatch
