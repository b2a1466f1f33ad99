#pragma once
// Runs perfwatch in-process with captured streams.
#include <initializer_list>
#include <sstream>
#include <string>
#include <vector>

#include "cli/app.hpp"

namespace perfwatch::testing {

struct CliResult {
  int status = 0;
  std::string out;
  std::string err;
};

// The instant every test's perfwatch takes as "now": a test never depends on
// the day it runs. Tests that store runs pass their own --at times.
inline constexpr UnixTime kTestNow = 1796126400;  // 2026-12-01T12:00:00Z

// The process's environment (tests set variables), the fixed clock, no terminal.
inline Settings test_settings() {
  Settings s = settings_from_process();
  s.clock = [] { return kTestNow; };
  s.stdout_is_terminal = s.stderr_is_terminal = false;
  return s;
}

inline CliResult run(std::vector<std::string> args, const Settings& settings = test_settings()) {
  args.insert(args.begin(), "perfwatch");
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  std::ostringstream out, err;
  const int status = run_cli(static_cast<int>(argv.size()), argv.data(), out, err, settings);
  return {status, out.str(), err.str()};
}

// True when `text` is exactly one line (one trailing newline).
inline bool one_line(const std::string& text) {
  return !text.empty() && text.back() == '\n' && text.find('\n') == text.size() - 1;
}

}  // namespace perfwatch::testing
