// perfwatch history BENCH [--metric M] [--days N] [--format text|json]
#include "cli/command.hpp"
#include "report/history_view.hpp"

namespace perfwatch {
namespace {

struct HistoryOptions {
  std::string benchmark;
  int days = 0;  // 0: everything
  std::string format = "text";
  std::string metric;
};

std::string known_benchmarks(Store& store) {
  std::string list;
  for (const std::string& name : store.benchmark_names()) {
    if (list.size() > 200) return list + ", ...";
    list += (list.empty() ? "" : ", ") + name;
  }
  return list.empty() ? "none yet" : list;
}

int history(const HistoryOptions& o, Context& ctx) {
  Store store = ctx.open_store(Store::Mode::read_only);
  if (!store.has_benchmark(o.benchmark)) {
    throw input_error(store.where() + ": benchmark \"" + o.benchmark +
                      "\": expected a benchmark in the history (known: " + known_benchmarks(store) + ")");
  }
  const UnixTime since = o.days > 0 ? ctx.now() - std::int64_t{o.days} * 86400 : 0;
  const HistoryView view = build_history_view(o.benchmark, store.history(o.benchmark, since));
  if (o.format == "json") {
    ctx.out() << history_json(view).dump(2) << "\n";
  } else {
    print_history_text(view, o.metric, ctx.out());
  }
  return 0;
}

}  // namespace

Handler setup_history(CLI::App& sub) {
  auto o = std::make_shared<HistoryOptions>();
  sub.add_option("benchmark", o->benchmark, "Benchmark name")->required();
  sub.add_option("--metric", o->metric, "Metric the sparkline draws (default p95_latency)")
      ->check(CLI::IsMember(history_metrics()));
  sub.add_option("--days", o->days, "Only the last N days (default: all)")->check(CLI::Range(0, 100000));
  sub.add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  return [o](Context& ctx) { return history(*o, ctx); };
}

}  // namespace perfwatch
