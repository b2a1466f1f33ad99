#include "model/run.hpp"

namespace perfwatch {

namespace {

// Known only by name: results `ingest --env NAME` recorded from elsewhere.
bool name_only(const Environment& env) { return env.cpu.empty() && env.os.empty() && env.cores == 0; }

}  // namespace

const char* build_architecture() {
#if defined(__x86_64__)
  return "x86_64";
#elif defined(__aarch64__)
  return "aarch64";
#elif defined(__arm__)
  return "arm";
#elif defined(__powerpc64__)
  return "ppc64le";
#elif defined(__s390x__)
  return "s390x";
#elif defined(__riscv)
  return "riscv64";
#else
  return "unknown";
#endif
}

std::string identity_of(const Environment& env) {
  if (!env.identity.empty()) return env.identity;
  if (name_only(env)) return "env:" + env.name;
  const std::string kernel = env.os.substr(0, env.os.find(' '));
  return kernel + " " + (env.arch.empty() ? build_architecture() : env.arch) + ", " + std::to_string(env.cores) +
         (env.cores == 1 ? " core" : " cores");
}

std::string fingerprint(const Environment& env) {
  if (name_only(env) && env.identity.empty()) return "env:" + env.name;
  std::string key = env.name + "|" + env.cpu + "|" + std::to_string(env.cores) + "|" + env.os;
  if (!env.arch.empty()) key += "|" + env.arch;
  if (!env.identity.empty()) key += "|as " + env.identity;
  return key;
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
