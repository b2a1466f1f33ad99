#pragma once
#include <optional>
#include <string>

#include "model/run.hpp"

namespace perfwatch {

// This machine's fingerprint: CPU model, cores, OS and kernel, and a name
// architecture and a name (`runner_name`, RUNNER_NAME's value, if given, else
// the host name). `identity_name` (PERFWATCH_ENV, --env, the suite's
// "environment"), when given, is what its baselines match on instead of the class.
Environment capture_environment(const std::string& runner_name, const std::string& identity_name);

// An environment known only by name (`--env`): results produced elsewhere.
Environment named_environment(const std::string& name);

}  // namespace perfwatch
