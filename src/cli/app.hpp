#pragma once
#include <ostream>

namespace perfwatch {

// The whole program with its streams injected, so tests run it in-process.
// Holds the single catch: "perfwatch: error: <message>" and the exit status.
int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace perfwatch
