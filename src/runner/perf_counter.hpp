#pragma once
// A Linux performance counter (perf_event_open) on one child process and the
// processes it starts, counting from its exec to its exit: what perf stat
// does, without perf. Hardware counters need a PMU the kernel exposes (many
// virtual machines have none) and kernel.perf_event_paranoid <= 2.
#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>

namespace perfwatch {

enum class PerfEvent {
  user_instructions,  // instructions retired in user space: what "measure": "instructions" records
  task_clock,         // CPU time in ns (a software event every kernel has: the tests' way to check the wiring)
};

class PerfCounter {
 public:
  // A disabled counter on `pid` that the kernel enables when `pid` execs;
  // nullopt (and why, in `why`) when the kernel will not count it.
  static std::optional<PerfCounter> attach(pid_t pid, PerfEvent event, std::string& why);

  PerfCounter(PerfCounter&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  PerfCounter& operator=(PerfCounter&& other) noexcept {
    std::swap(fd_, other.fd_);
    return *this;
  }
  ~PerfCounter();

  // The count so far (final once the process has been reaped); nullopt when unreadable.
  std::optional<std::int64_t> read() const;

 private:
  explicit PerfCounter(int fd) : fd_(fd) {}
  int fd_ = -1;
};

// Whether this kernel counts `event` for perfwatch's children, asked by
// opening (not enabling) it on perfwatch itself; "" when it does, else why not.
std::string perf_unavailable_reason(PerfEvent event);

}  // namespace perfwatch
