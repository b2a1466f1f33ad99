#include "cli/settings.hpp"

#include <unistd.h>

#include <cstdlib>

namespace perfwatch {

const char* const kEnvironmentVariables[] = {
    "PERFWATCH_DB", "PERFWATCH_ENV", "PERFWATCH_BUSY_TIMEOUT_MS", "PERFWATCH_GITHUB_BUDGET", "NO_COLOR",
    "RUNNER_NAME", "RUNNER_OS", "RUNNER_ARCH", "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "GITHUB_SERVER_URL",
    "GITHUB_REPOSITORY", "GITHUB_RUN_ID", "GITHUB_API_URL", "GITHUB_TOKEN", "GITHUB_ACTOR", "USER", "LOGNAME",
    nullptr};

std::string Settings::get(const std::string& name) const {
  const auto it = env.find(name);
  return it == env.end() ? "" : it->second;
}

Settings settings_from_process() {
  Settings s;
  for (const char* const* name = kEnvironmentVariables; *name; ++name)
    if (const char* v = std::getenv(*name); v && *v) s.env[*name] = v;
  s.stdout_is_terminal = isatty(STDOUT_FILENO) == 1;
  s.stderr_is_terminal = isatty(STDERR_FILENO) == 1;
  return s;
}

}  // namespace perfwatch
