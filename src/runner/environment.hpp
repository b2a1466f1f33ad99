#pragma once
#include <optional>
#include <string>

#include "model/run.hpp"

namespace perfwatch {

// This machine's fingerprint: CPU model, cores, OS and kernel, and a name
// and a name (`runner_name`, RUNNER_NAME's value, if given, else the host name).
Environment capture_environment(const std::string& runner_name);

// An environment known only by name (`--env`): results produced elsewhere.
Environment named_environment(const std::string& name);

}  // namespace perfwatch
