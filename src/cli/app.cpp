#include "cli/app.hpp"

#include <optional>
#include <set>

#include "cli/command.hpp"
#include "util/error.hpp"
#include "version.hpp"

namespace perfwatch {
namespace {

void add_global_options(CLI::App& app, GlobalOptions& g) {
  app.add_option("--db", g.db, "History: a file (default .perfwatch/history.db under the repo) or a postgresql:// URL; env PERFWATCH_DB");
  app.add_option("--repo", g.repo, "Git work tree; the repository is discovered from there")->capture_default_str();
  app.add_option("--config", g.config, "Suite file (default perfwatch.json in the repo root)");
  app.add_flag("-v,--verbose", g.verbose, "Say more about what is done");
  app.add_flag("--quiet", g.quiet, "Print only results and errors");
}

std::string command_names() {
  std::string names;
  for (const Command& c : commands()) names += (names.empty() ? "" : ", ") + std::string(c.name);
  return names;
}

// The first word that is neither an option, an option's value nor a command.
std::optional<std::string> unknown_command(int argc, const char* const* argv) {
  const std::set<std::string> with_value = {"--db", "--repo", "--config"};
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (with_value.count(arg)) {
      ++i;
      continue;
    }
    if (arg.starts_with("-")) continue;
    for (const Command& c : commands())
      if (arg == c.name) return std::nullopt;
    return arg;
  }
  return std::nullopt;
}

}  // namespace

int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err, const Settings& settings) {
  CLI::App app{"perfwatch: nightly performance-regression detection", "perfwatch"};
  app.set_version_flag("--version", std::string(kVersion));
  app.require_subcommand(1);
  GlobalOptions globals;
  add_global_options(app, globals);
  // CLI11 would call an unknown command "a missing subcommand"; say what it is.
  if (const auto unknown = unknown_command(argc, argv)) {
    err << "perfwatch: error: unknown command \"" << *unknown << "\" (expected one of " << command_names()
        << "; see perfwatch --help)\n";
    return to_int(ExitStatus::bad_input);
  }
  Handler handler;
  for (const Command& c : commands()) {
    CLI::App* sub = app.add_subcommand(c.name, c.help);
    Handler h = c.setup(*sub);
    sub->callback([&handler, h] { handler = h; });
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    out << app.help();
    return 0;
  } catch (const CLI::CallForAllHelp&) {
    out << app.help("", CLI::AppFormatMode::All);
    return 0;
  } catch (const CLI::CallForVersion&) {
    out << kVersion << "\n";
    return 0;
  } catch (const CLI::ParseError& e) {
    err << "perfwatch: error: " << e.what() << " (see perfwatch --help)\n";
    return to_int(ExitStatus::bad_input);
  }
  try {
    Context context(globals, settings, out, err);
    return handler(context);
  } catch (const Error& e) {
    err << "perfwatch: error: " << e.what() << "\n";
    return to_int(e.status());
  } catch (const std::exception& e) {
    err << "perfwatch: error: " << e.what() << "\n";
    return to_int(ExitStatus::environment);
  }
}

}  // namespace perfwatch
