#include "model/run.hpp"

namespace perfwatch {

std::string fingerprint(const Environment& env) {
  if (env.cpu.empty() && env.os.empty() && env.cores == 0) return "env:" + env.name;
  return env.name + "|" + env.cpu + "|" + std::to_string(env.cores) + "|" + env.os;
}

const char* to_string(RunStatus s) {
  switch (s) {
    case RunStatus::complete: return "complete";
    case RunStatus::interrupted: return "interrupted";
    case RunStatus::invalidated: return "invalidated";
  }
  return "complete";
}

bool parse_run_status(const std::string& text, RunStatus& out) {
  for (RunStatus s : {RunStatus::complete, RunStatus::interrupted, RunStatus::invalidated}) {
    if (text == to_string(s)) {
      out = s;
      return true;
    }
  }
  return false;
}

}  // namespace perfwatch
