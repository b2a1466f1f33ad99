#pragma once
#include <ostream>

#include "cli/settings.hpp"

namespace perfwatch {

// The whole program with its streams and settings injected, so tests run it
// in-process.
// Holds the single catch: "perfwatch: error: <message>" and the exit status.
int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err, const Settings& settings);

}  // namespace perfwatch
