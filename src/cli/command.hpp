#pragma once
// Subcommands come from one table of {name, one-line help, setup}. `setup`
// declares the command's options on its CLI11 subcommand and returns the
// handler that runs once parsing succeeded.
#include <CLI/CLI.hpp>
#include <functional>
#include <vector>

#include "cli/context.hpp"
#include "util/error.hpp"

namespace perfwatch {

using Handler = std::function<int(Context&)>;

struct Command {
  const char* name;
  const char* help;
  Handler (*setup)(CLI::App& sub);
};

const std::vector<Command>& commands();

Handler setup_run(CLI::App& sub);
Handler setup_ingest(CLI::App& sub);
Handler setup_compare(CLI::App& sub);
Handler setup_status(CLI::App& sub);
Handler setup_report(CLI::App& sub);
Handler setup_history(CLI::App& sub);
Handler setup_export(CLI::App& sub);
Handler setup_import(CLI::App& sub);
Handler setup_migrate(CLI::App& sub);
Handler setup_triage(CLI::App& sub);
Handler setup_nightly(CLI::App& sub);
Handler setup_bisect(CLI::App& sub);

}  // namespace perfwatch
