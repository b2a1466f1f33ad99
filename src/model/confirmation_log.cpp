#include "model/confirmation_log.hpp"

namespace perfwatch {

const char* to_string(StepCall c) {
  switch (c) {
    case StepCall::bad: return "bad";
    case StepCall::good: return "good";
    case StepCall::undecided: return "undecided";
  }
  return "undecided";
}

StepCall parse_step_call(const std::string& text) {
  for (StepCall c : {StepCall::bad, StepCall::good})
    if (text == to_string(c)) return c;
  return StepCall::undecided;
}

}  // namespace perfwatch
