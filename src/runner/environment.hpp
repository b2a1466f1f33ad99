#pragma once
#include <optional>
#include <string>

#include "model/run.hpp"

namespace perfwatch {

// This machine's fingerprint: CPU model, cores, OS and kernel, and a name
// (`name` if given, else RUNNER_NAME, else the host name).
Environment capture_environment();

// An environment known only by name (`--env`): results produced elsewhere.
Environment named_environment(const std::string& name);

}  // namespace perfwatch
