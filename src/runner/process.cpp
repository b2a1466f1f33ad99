#include "runner/process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string_view>
#include <thread>

extern char** environ;

namespace perfwatch {
namespace {

using Clock = std::chrono::steady_clock;

std::vector<std::string> merged_environment(const std::map<std::string, std::string>& extra) {
  std::vector<std::string> env;
  for (char** e = environ; *e; ++e) {
    const std::string entry = *e;
    if (!extra.count(entry.substr(0, entry.find('=')))) env.push_back(entry);
  }
  for (const auto& [key, value] : extra) env.push_back(key + "=" + value);
  return env;
}

std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

}  // namespace

std::string resolve_command(const std::string& command) {
  if (command.find('/') != std::string::npos) return command;
  const char* path = std::getenv("PATH");
  std::string dirs = path && *path ? path : "/usr/local/bin:/usr/bin:/bin";
  for (size_t begin = 0; begin <= dirs.size();) {
    const size_t end = std::min(dirs.find(':', begin), dirs.size());
    const std::string dir = end > begin ? dirs.substr(begin, end - begin) : ".";
    const std::string candidate = dir + "/" + command;
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
    begin = end + 1;
  }
  return "";
}

namespace {

// The child's way out when it cannot exec: errno to the parent, then exit 127.
[[noreturn]] void report_and_exit(int report) {
  const int e = errno;
  [[maybe_unused]] const ssize_t n = write(report, &e, sizeof e);
  _exit(127);
}

// What the child does between fork and exec: only async-signal-safe calls on
// strings prepared before the fork. On failure the errno goes down `report`.
[[noreturn]] void become_child(const ProcessSpec& spec, const char* program, char* const* argv, char* const* envp,
                               const char* cgroup_procs, int report, const int go[2]) {
  auto fail = [report] { report_and_exit(report); };
  setpgid(0, 0);
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  for (int sig : {SIGINT, SIGTERM, SIGPIPE}) signal(sig, SIG_DFL);
  // Joined before exec: everything the benchmark's image allocates is charged there.
  if (cgroup_procs) {
    const int fd = open(cgroup_procs, O_WRONLY | O_CLOEXEC);
    if (fd < 0 || write(fd, "0", 1) != 1) fail();
    close(fd);
  }
  const int in = open("/dev/null", O_RDONLY);
  const int out = open(spec.stdout_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  const int err = open(spec.stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (in < 0 || out < 0 || err < 0) fail();
  if (dup2(in, STDIN_FILENO) < 0 || dup2(out, STDOUT_FILENO) < 0 || dup2(err, STDERR_FILENO) < 0) fail();
  if (!spec.cwd.empty() && chdir(spec.cwd.c_str()) != 0) fail();
  // A counter is attached by the parent before the exec it starts at. The
  // write end is closed here first: else the parent's giving up (closing its
  // own) would never reach this read.
  if (go[0] >= 0) {
    close(go[1]);
    char byte = 0;
    ssize_t n;
    while ((n = read(go[0], &byte, 1)) < 0 && errno == EINTR) {
    }
    if (n != 1) _exit(127);  // the parent gave up
  }
  execve(program, argv, envp);
  report_and_exit(report);
}

// Starts the child in a new process group with default signal handling (in
// `cgroup` when given, counted by `counter` when spec.count asks); returns
// once it has exec'd: its pid, or -errno (`why` says more when it is set).
pid_t spawn(const ProcessSpec& spec, const MemoryCgroup* cgroup, std::optional<PerfCounter>& counter, std::string& why) {
  const std::string program = resolve_command(spec.argv[0]);
  if (program.empty()) return -ENOENT;
  std::vector<std::string> argv_strings = spec.argv;
  std::vector<std::string> env_strings = merged_environment(spec.env);
  auto argv = c_strings(argv_strings);
  auto envp = c_strings(env_strings);
  const std::string procs = cgroup ? cgroup->procs_path().string() : "";
  int report[2], go[2] = {-1, -1};
  if (pipe2(report, O_CLOEXEC) != 0) return -errno;
  if (spec.count && pipe2(go, O_CLOEXEC) != 0) {
    close(report[0]);
    close(report[1]);
    return -errno;
  }
  const pid_t pid = fork();
  if (pid == 0) become_child(spec, program.c_str(), argv.data(), envp.data(), cgroup ? procs.c_str() : nullptr, report[1], go);
  close(report[1]);
  if (go[0] >= 0) close(go[0]);
  if (pid < 0) {
    close(report[0]);
    if (go[1] >= 0) close(go[1]);
    return -errno;
  }
  if (spec.count) {
    counter = PerfCounter::attach(pid, *spec.count, why);
    if (counter) {
      [[maybe_unused]] const ssize_t n = write(go[1], "g", 1);
    }
    close(go[1]);  // without a counter the child exits unstarted
    if (!counter) {
      close(report[0]);
      waitpid(pid, nullptr, 0);
      return -EPERM;
    }
  }
  int child_errno = 0;
  ssize_t n;
  while ((n = read(report[0], &child_errno, sizeof child_errno)) < 0 && errno == EINTR) {
  }
  close(report[0]);
  if (n <= 0) return pid;  // the pipe closed at exec
  waitpid(pid, nullptr, 0);
  return -child_errno;
}

// A kB field of /proc/<pid>/status ("VmHWM": the peak resident set, "VmRSS":
// the resident set now), in bytes; 0 when unknown.
std::int64_t status_bytes(const std::string& pid, std::string_view field) {
  std::ifstream status("/proc/" + pid + "/status");
  for (std::string line; std::getline(status, line);) {
    if (line.starts_with(field) && line.size() > field.size() && line[field.size()] == ':')
      return std::atoll(line.c_str() + field.size() + 1) * 1024;
  }
  return 0;
}

std::int64_t high_water_mark(const std::string& pid) { return status_bytes(pid, "VmHWM"); }

// The memory series, thinned as it grows so an hour-long run stays a few
// thousand points: every other point dropped and the interval doubled.
class MemorySampler {
 public:
  void sample(double seconds, const MemoryCgroup* cgroup, const std::string& pid, MemorySeries& series) {
    if (seconds < next_) return;
    const std::int64_t bytes = cgroup ? cgroup->current_bytes() : status_bytes(pid, "VmRSS");
    if (bytes <= 0) return;  // gone, or not readable
    series.seconds.push_back(seconds);
    series.bytes.push_back(static_cast<double>(bytes));
    next_ = seconds + interval_;
    if (series.seconds.size() < kMaxMemoryPoints) return;
    for (size_t i = 0; 2 * i < series.seconds.size(); ++i) {
      series.seconds[i] = series.seconds[2 * i];
      series.bytes[i] = series.bytes[2 * i];
    }
    series.seconds.resize((series.seconds.size() + 1) / 2);
    series.bytes.resize(series.seconds.size());
    interval_ *= 2;
  }

 private:
  double interval_ = 0.1, next_ = 0;
};

// A process frees its pages as it exits, before it can be reaped: a sample
// from its last 100 ms may show that teardown, not the run.
void drop_teardown(MemorySeries& series, double reaped_at) {
  while (!series.seconds.empty() && series.seconds.back() > reaped_at - 0.1) {
    series.seconds.pop_back();
    series.bytes.pop_back();
  }
}

// The child's peak memory: its cgroup's, where it had one. Else wait4's
// ru_maxrss, which also holds the high-water mark of the memory image the
// child replaced at exec (perfwatch's own, copied by fork), so it is trusted
// only above perfwatch's own peak, read now: a high-water mark only grows, so
// now bounds what it was at exec. Below it, the child's VmHWM polled while it
// ran is the measure. Below the floor: unknown (0).
void record_peak(ProcessResult& r, const MemoryCgroup* cgroup, const rusage& usage, std::int64_t polled) {
  std::int64_t peak = polled;
  if (cgroup) {
    peak = cgroup->peak_bytes();
  } else if (const std::int64_t reported = static_cast<std::int64_t>(usage.ru_maxrss) * 1024;
             reported > high_water_mark("self")) {
    peak = std::max(reported, polled);
  }
  r.memory_source = cgroup ? cgroup->source() : MemorySource::polled;
  r.peak_rss_bytes = above_floor(peak).value_or(0);
}

// Kills the group and reaps the leader; fills the peak memory.
void kill_and_reap(pid_t pid, int signal, ProcessResult& r, const MemoryCgroup* cgroup, std::int64_t polled) {
  killpg(pid, signal);
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  killpg(pid, SIGKILL);  // stragglers the leader left behind
  record_peak(r, cgroup, usage, polled);
}

}  // namespace

ProcessResult run_process(const ProcessSpec& spec, const std::atomic<bool>* stop,
                          const std::function<void(double)>& tick) {
  ProcessResult r;
  const auto start = Clock::now();
  const std::optional<MemoryCgroup> cgroup = spec.memory_cgroup ? MemoryCgroup::create() : std::nullopt;
  const MemoryCgroup* group = cgroup ? &*cgroup : nullptr;
  std::optional<PerfCounter> counter;
  std::string why;
  const pid_t pid = spawn(spec, group, counter, why);
  if (pid < 0) {
    r.error = why.empty() ? spec.argv[0] + ": " + std::strerror(-pid) : "perf_event_open: " + why;
    return r;
  }
  const std::string pid_text = std::to_string(pid);
  std::int64_t polled = 0;  // the child's own VmHWM, monotonic
  auto next_tick = start + std::chrono::milliseconds(250);
  auto delay = std::chrono::microseconds(20);
  MemorySampler sampler;
  while (true) {
    int status = 0;
    rusage usage{};
    if (!group) polled = std::max(polled, high_water_mark(pid_text));
    sampler.sample(std::chrono::duration<double>(Clock::now() - start).count(), group, pid_text, r.memory);
    if (wait4(pid, &status, WNOHANG, &usage) == pid) {
      r.wall_seconds = std::chrono::duration<double>(Clock::now() - start).count();
      drop_teardown(r.memory, r.wall_seconds);
      killpg(pid, SIGKILL);  // the benchmark's own children do not outlive it
      record_peak(r, group, usage, polled);
      if (counter) r.count = counter->read();
      if (WIFEXITED(status)) {
        r.end = ProcessEnd::exited;
        r.exit_code = WEXITSTATUS(status);
      } else {
        r.end = ProcessEnd::signaled;
        r.signal = WTERMSIG(status);
      }
      return r;
    }
    const auto now = Clock::now();
    r.wall_seconds = std::chrono::duration<double>(now - start).count();
    if (stop && stop->load()) {
      kill_and_reap(pid, SIGTERM, r, group, polled);
      r.end = ProcessEnd::interrupted;
      return r;
    }
    if (r.wall_seconds > spec.timeout_s) {
      kill_and_reap(pid, SIGKILL, r, group, polled);
      r.end = ProcessEnd::timed_out;
      return r;
    }
    if (tick && now >= next_tick) {
      tick(r.wall_seconds);
      next_tick = now + std::chrono::milliseconds(250);
    }
    std::this_thread::sleep_for(delay);
    delay = std::min(delay * 2, std::chrono::microseconds(5000));
  }
}

std::string describe(const ProcessResult& r, double timeout_s) {
  char buf[64];
  switch (r.end) {
    case ProcessEnd::exited: return "exit status " + std::to_string(r.exit_code);
    case ProcessEnd::signaled: return std::string("killed by signal ") + std::to_string(r.signal) + " (" + strsignal(r.signal) + ")";
    case ProcessEnd::timed_out:
      std::snprintf(buf, sizeof buf, "timed out after %g s", timeout_s);
      return buf;
    case ProcessEnd::interrupted: return "interrupted";
    case ProcessEnd::not_started: return "could not start: " + r.error;
  }
  return "?";
}

}  // namespace perfwatch
