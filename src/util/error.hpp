#pragma once
// The one error type higher layers throw; main's single catch prints
// "perfwatch: error: <message>" and exits with its status.
#include <stdexcept>
#include <string>

#include "util/exit_status.hpp"

namespace perfwatch {

class Error : public std::runtime_error {
 public:
  Error(ExitStatus status, const std::string& message)
      : std::runtime_error(message), status_(status) {}
  ExitStatus status() const { return status_; }

 private:
  ExitStatus status_;
};

// Bad usage or bad input: exit 2. Always one line: a line break that came
// from the input (a name, a JSON key) shows as "\n".
inline Error input_error(const std::string& message) {
  std::string line;
  for (char c : message) line += c == '\n' ? std::string("\\n") : c == '\r' ? std::string("\\r") : std::string(1, c);
  return Error(ExitStatus::bad_input, line);
}
// The environment failed us (locked database, missing command...): exit 3.
inline Error environment_error(const std::string& message) {
  return Error(ExitStatus::environment, message);
}

}  // namespace perfwatch
