#include "runner/environment.hpp"

#include <sys/utsname.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <thread>

namespace perfwatch {
namespace {

std::string cpu_model() {
  std::ifstream in("/proc/cpuinfo");
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("model name", 0) == 0) {
      const auto colon = line.find(':');
      if (colon != std::string::npos) return line.substr(line.find_first_not_of(' ', colon + 1));
    }
  }
  return "unknown";
}

std::string host_name() {
  char buf[256] = {};
  return gethostname(buf, sizeof buf - 1) == 0 ? buf : "unknown";
}

}  // namespace

Environment capture_environment(const std::string& runner_name, const std::string& identity_name) {
  Environment env;
  env.name = runner_name.empty() ? host_name() : runner_name;
  if (!identity_name.empty()) env.identity = "env:" + identity_name;
  env.cpu = cpu_model();
  env.cores = static_cast<int>(std::thread::hardware_concurrency());
  utsname u{};
  const bool known = uname(&u) == 0;
  env.os = known ? std::string(u.sysname) + " " + u.release : "unknown";
  env.arch = known ? u.machine : build_architecture();
  return env;
}

Environment named_environment(const std::string& name) { return Environment{name, "", 0, ""}; }

}  // namespace perfwatch
