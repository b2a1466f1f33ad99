#include "runner/process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <fstream>
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

// Spawns in a new process group with default signal handling; returns the pid or -errno.
pid_t spawn(const ProcessSpec& spec) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, spec.stdout_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, spec.stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (!spec.cwd.empty()) posix_spawn_file_actions_addchdir_np(&actions, spec.cwd.c_str());
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t none, defaults;
  sigemptyset(&none);
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGINT);
  sigaddset(&defaults, SIGTERM);
  sigaddset(&defaults, SIGPIPE);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setpgroup(&attr, 0);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  std::vector<std::string> argv_strings = spec.argv;
  std::vector<std::string> env_strings = merged_environment(spec.env);
  auto argv = c_strings(argv_strings);
  auto envp = c_strings(env_strings);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, argv[0], &actions, &attr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  return rc == 0 ? pid : -rc;
}

// VmHWM (peak resident set) of a process from /proc, in bytes; 0 when unknown.
std::int64_t high_water_mark(const std::string& pid) {
  std::ifstream status("/proc/" + pid + "/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("VmHWM:", 0) == 0) return std::atoll(line.c_str() + 6) * 1024;
  }
  return 0;
}

// The child's peak memory. wait4's ru_maxrss also holds the high-water mark
// of the memory image the child replaced at exec (perfwatch's own, shared
// under vfork), so it is trusted only above perfwatch's own peak, read now:
// a high-water mark only grows, so now bounds what it was at exec. Below it,
// the child's VmHWM polled while it ran is the measure.
std::int64_t peak_memory(const rusage& usage, std::int64_t polled) {
  const std::int64_t reported = static_cast<std::int64_t>(usage.ru_maxrss) * 1024;
  return reported > high_water_mark("self") ? std::max(reported, polled) : polled;
}

// Kills the group and reaps the leader; fills the peak memory.
void kill_and_reap(pid_t pid, int signal, ProcessResult& r, std::int64_t polled) {
  killpg(pid, signal);
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  killpg(pid, SIGKILL);  // stragglers the leader left behind
  r.peak_rss_bytes = peak_memory(usage, polled);
}

}  // namespace

ProcessResult run_process(const ProcessSpec& spec, const std::atomic<bool>* stop,
                          const std::function<void(double)>& tick) {
  ProcessResult r;
  const auto start = Clock::now();
  const pid_t pid = spawn(spec);  // returns once the child has exec'd (vfork semantics)
  if (pid < 0) {
    r.error = spec.argv[0] + ": " + std::strerror(-pid);
    return r;
  }
  const std::string pid_text = std::to_string(pid);
  std::int64_t polled = 0;  // the child's own VmHWM, monotonic
  auto next_tick = start + std::chrono::milliseconds(250);
  auto delay = std::chrono::microseconds(20);
  while (true) {
    int status = 0;
    rusage usage{};
    polled = std::max(polled, high_water_mark(pid_text));
    if (wait4(pid, &status, WNOHANG, &usage) == pid) {
      r.wall_seconds = std::chrono::duration<double>(Clock::now() - start).count();
      r.peak_rss_bytes = peak_memory(usage, polled);
      killpg(pid, SIGKILL);  // the benchmark's own children do not outlive it
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
      kill_and_reap(pid, SIGTERM, r, polled);
      r.end = ProcessEnd::interrupted;
      return r;
    }
    if (r.wall_seconds > spec.timeout_s) {
      kill_and_reap(pid, SIGKILL, r, polled);
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
