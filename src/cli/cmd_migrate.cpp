// perfwatch migrate --to postgresql://... : the history, whole, into another.
#include "cli/command.hpp"
#include "util/error.hpp"

namespace perfwatch {
namespace {

int migrate(const std::string& to, Context& ctx) {
  Store source = ctx.open_store(Store::Mode::read_only);
  Store target = Store::open(to, Store::Mode::create, busy_timeout_ms(ctx.settings().get("PERFWATCH_BUSY_TIMEOUT_MS")));
  if (target.where() == source.where())
    throw input_error(target.where() + ": --to: expected another history than --db's, got the same");
  const size_t total = source.all_runs().size();
  size_t said = 0;
  const Store::CopyCounts n = target.copy_from(source, [&](size_t done) {
    // A line at every tenth: a year of a large suite takes minutes.
    if (total >= 20 && done * 10 / total > said) {
      said = done * 10 / total;
      ctx.info() << "perfwatch: migrate: " << done << " of " << total << " runs read\n";
    }
  });
  ctx.info() << "perfwatch: migrated to " << target.where() << ": " << n.runs << " runs";
  if (n.skipped) ctx.info() << " (" << n.skipped << " already there)";
  ctx.info() << ", " << n.decisions << " triage decisions, " << n.confirmations << " confirmations, " << n.bisect_steps
             << " bisection steps; `perfwatch --db " << target.where() << " export` reads it back\n";
  return 0;
}

}  // namespace

Handler setup_migrate(CLI::App& sub) {
  auto to = std::make_shared<std::string>();
  sub.add_option("--to", *to, "The history to copy into: a postgresql:// URL (or an SQLite file)")->required();
  return [to](Context& ctx) { return migrate(*to, ctx); };
}

}  // namespace perfwatch
