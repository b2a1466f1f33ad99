// perfwatch export > h.ndjson ; perfwatch import h.ndjson
#include <map>
#include <sstream>

#include "cli/command.hpp"
#include "store/ndjson.hpp"
#include "util/file.hpp"

namespace perfwatch {
namespace {

int export_history(Context& ctx) {
  Store store = ctx.open_store(Store::Mode::read_only);
  std::ostream& out = ctx.out();
  out << ndjson_header() << "\n";
  size_t runs = 0;
  std::map<std::int64_t, UnixTime> run_times;
  store.for_each_run([&](const RunRecord& run) {
    out << run_to_ndjson(run) << "\n";
    run_times[run.id] = run.time;
    ++runs;
  });
  const std::vector<Decision> decisions = store.decisions();
  for (const Decision& d : decisions) out << decision_to_ndjson({d, run_times[d.run_id]}) << "\n";
  out.flush();
  ctx.info() << "perfwatch: exported " << runs << " runs and " << decisions.size() << " triage decisions\n";
  return 0;
}

int import_history(const std::string& file, Context& ctx) {
  std::istringstream in(read_file(file));  // exit 2 naming the file and why it cannot be read
  const HistoryExport history = parse_ndjson(in, file);  // all parsed before anything is stored
  const std::vector<RunRecord>& runs = history.runs;
  std::vector<Decision> decisions;
  std::vector<UnixTime> run_times;
  for (const DecisionRecord& d : history.decisions) {
    decisions.push_back(d.decision);
    run_times.push_back(d.run_time);
  }
  Store store = ctx.open_store(Store::Mode::create);
  const size_t added = store.import_history(runs, decisions, run_times);
  ctx.info() << "perfwatch: imported " << added << " runs";
  if (added < runs.size()) ctx.info() << " (" << runs.size() - added << " already present)";
  ctx.info() << "\n";
  return 0;
}

}  // namespace

Handler setup_export(CLI::App&) {
  return [](Context& ctx) { return export_history(ctx); };
}

Handler setup_import(CLI::App& sub) {
  auto file = std::make_shared<std::string>();
  sub.add_option("file", *file, "An NDJSON export")->required();
  return [file](Context& ctx) { return import_history(*file, ctx); };
}

}  // namespace perfwatch
