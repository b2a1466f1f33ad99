#include "cli/app.hpp"

#include "cli/command.hpp"
#include "util/error.hpp"
#include "version.hpp"

namespace perfwatch {
namespace {

void add_global_options(CLI::App& app, GlobalOptions& g) {
  app.add_option("--db", g.db, "History file (default .perfwatch/history.db under the repo; env PERFWATCH_DB)");
  app.add_option("--repo", g.repo, "Git work tree; the repository is discovered from there")->capture_default_str();
  app.add_option("--config", g.config, "Suite file (default perfwatch.json in the repo root)");
  app.add_flag("-v,--verbose", g.verbose, "Say more about what is done");
  app.add_flag("--quiet", g.quiet, "Print only results and errors");
}

}  // namespace

int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CLI::App app{"perfwatch: nightly performance-regression detection", "perfwatch"};
  app.set_version_flag("--version", std::string(kVersion));
  app.require_subcommand(1);
  GlobalOptions globals;
  add_global_options(app, globals);
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
    Context context(globals, out, err);
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
