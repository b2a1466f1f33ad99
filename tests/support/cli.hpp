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

inline CliResult run(std::vector<std::string> args) {
  args.insert(args.begin(), "perfwatch");
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  std::ostringstream out, err;
  const int status = run_cli(static_cast<int>(argv.size()), argv.data(), out, err);
  return {status, out.str(), err.str()};
}

// True when `text` is exactly one line (one trailing newline).
inline bool one_line(const std::string& text) {
  return !text.empty() && text.back() == '\n' && text.find('\n') == text.size() - 1;
}

}  // namespace perfwatch::testing
