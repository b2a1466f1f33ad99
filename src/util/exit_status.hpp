#pragma once
// Exit statuses, named in one place (SPEC: "Exit status, everywhere").
namespace perfwatch {

enum class ExitStatus : int {
  ok = 0,           // no regression
  regression = 1,   // at least one alerting regression
  bad_input = 2,    // bad usage or bad input
  environment = 3,  // database locked, GitHub unreachable, command missing
};

inline int to_int(ExitStatus s) { return static_cast<int>(s); }

}  // namespace perfwatch
