#pragma once
// Everything perfwatch reads from its surroundings, read once in `main`:
// the clock, the environment variables it knows, and whether the streams are
// terminals. Commands receive it through the Context, so a test sets it
// without touching the process.
#include <functional>
#include <map>
#include <string>

#include "util/time.hpp"

namespace perfwatch {

struct Settings {
  // The one clock. A command reads it once (Context::now); tests fix it.
  std::function<UnixTime()> clock = now_unix;
  // The variables of kEnvironmentVariables that are set and not empty.
  std::map<std::string, std::string> env;
  bool stdout_is_terminal = false;
  bool stderr_is_terminal = false;

  // The variable's value, or "" when unset.
  std::string get(const std::string& name) const;
};

// The names perfwatch reads. (A benchmark's own variables, such as
// CARGO_TARGET_DIR for Criterion's output folder, are read by the runner, as
// the benchmark process inherits them.)
extern const char* const kEnvironmentVariables[];

// The process's settings: the real clock, its environment, isatty.
Settings settings_from_process();

}  // namespace perfwatch
