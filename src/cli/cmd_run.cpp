// perfwatch run [--commit REV] [--at ISO8601] [--only GLOB]
#include "cli/command.hpp"
#include "cli/suite_run.hpp"

namespace perfwatch {

Handler setup_run(CLI::App& sub) {
  auto o = std::make_shared<SuiteRunOptions>();
  sub.add_option("--commit", o->commit, "The commit the run belongs to (anything git takes)")->capture_default_str();
  sub.add_option("--at", o->at, "Run time, ISO 8601 (default now); backfills history");
  sub.add_option("--only", o->only, "Run only the benchmarks whose name matches this glob");
  sub.add_option("--env", o->env, "The environment its baselines match on (default: PERFWATCH_ENV, the suite's \"environment\", else this machine's class)");
  return [o](Context& ctx) {
    PlannedRun plan = plan_suite_run(ctx, *o);
    Store store = ctx.open_store(Store::Mode::create);
    if (run_suite(ctx, store, std::move(plan)).command_missing)
      throw environment_error("a benchmark command is missing (see the failures above); the run was recorded");
    return 0;
  };
}

}  // namespace perfwatch
