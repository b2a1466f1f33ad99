// perfwatch ingest FILE... --format F [--commit REV] [--at ISO8601] [--suite NAME] [--env NAME]
#include <filesystem>
#include <set>

#include "adapters/adapter.hpp"
#include "runner/criterion_dir.hpp"
#include "cli/command.hpp"
#include "runner/environment.hpp"
#include "util/file.hpp"
#include "detect/baseline.hpp"
#include "version.hpp"

namespace perfwatch {
namespace {

struct IngestOptions {
  std::vector<std::string> files;
  std::string format = "auto";
  std::string commit = "HEAD";
  std::string at;
  std::string suite;
  std::string env;
};

struct ReadResults {
  SuiteResult suite;
  std::string format;  // the one chosen when --format auto
};

// A folder is Criterion's output tree (target/criterion); a file is read whole.
ReadResults read_results(const std::string& file, const std::string& format, Context& ctx) {
  const bool folder = std::filesystem::is_directory(file);
  if (folder && format != "auto" && format != "criterion")
    throw input_error(file + ": --format " + format + ": expected a file (only criterion reads a folder)");
  const std::string text = folder ? criterion_document(file) : read_file(file);
  std::string chosen = folder ? "criterion" : format;
  if (chosen == "auto") chosen = detect_format(text, file);
  if (format == "auto" && ctx.options().verbose) ctx.info() << "perfwatch: " << file << ": read as " << chosen << "\n";
  return {parse_results(chosen, text, file), chosen};
}

// All files make one run; a benchmark name may appear in only one of them.
RunRecord build_run(const IngestOptions& o, Context& ctx) {
  RunRecord run;
  run.time = ctx.run_time(o.at);
  run.commit = ctx.repo().resolve(o.commit);
  run.environment = o.env.empty() ? capture_environment(ctx.settings().get("RUNNER_NAME"), ctx.settings().get("PERFWATCH_ENV")) : named_environment(o.env);
  run.tool_version = kVersion;
  std::set<std::string> names;
  for (const std::string& file : o.files) {
    auto [suite, format] = read_results(file, o.format, ctx);
    if (run.source_format.empty()) run.source_format = format;  // the first file's, as read (never "auto")
    if (run.suite.empty()) run.suite = suite.suite;
    run.aggregate_only = run.aggregate_only || suite.aggregate_only;
    for (BenchmarkResult& b : suite.benchmarks) {
      if (!names.insert(b.name).second) {
        throw input_error(file + ": benchmark \"" + b.name + "\": expected once per run, got it in two files");
      }
      run.results.push_back(std::move(b));
    }
  }
  if (!o.suite.empty()) run.suite = o.suite;
  if (run.suite.empty()) run.suite = "default";
  return run;
}

size_t sample_count(const RunRecord& run) {
  size_t n = 0;
  for (const BenchmarkResult& b : run.results) {
    n += b.latency ? b.latency->values.size() : 0;
    n += b.throughput ? b.throughput->values.size() : 0;
  }
  return n;
}

int ingest(const IngestOptions& o, Context& ctx) {
  const RunRecord run = build_run(o, ctx);  // everything validated before the store is touched
  Store store = ctx.open_store(Store::Mode::create);
  // A retried job ingesting the same file again (the first attempt stored it
  // but its job failed later) must not make the night's results twice.
  if (const auto same = store.same_run(run, kNightSeconds)) {
    ctx.info() << "perfwatch: run " << *same << " of this night already holds these results (a retried job?); "
               << "nothing stored\n";
    return 0;
  }
  const std::int64_t id = store.record_run(run);
  ctx.info() << "perfwatch: recorded run " << id << ": " << run.results.size() << " benchmarks, "
             << sample_count(run) << " samples for " << run.commit.sha.substr(0, 8) << " ("
             << run.commit.subject << ") at " << format_iso8601(run.time) << "\n";
  return 0;
}

}  // namespace

Handler setup_ingest(CLI::App& sub) {
  auto o = std::make_shared<IngestOptions>();
  sub.add_option("files", o->files, "Result files (\"-\" reads standard input)")->required();
  sub.add_option("--format", o->format, "auto, or one of: " + adapter_names())->capture_default_str();
  sub.add_option("--commit", o->commit, "The commit the results belong to (anything git takes)")->capture_default_str();
  sub.add_option("--at", o->at, "Run time, ISO 8601 (default now); backfills history");
  sub.add_option("--suite", o->suite, "Suite name (default: from the file, else \"default\")");
  sub.add_option("--env", o->env, "Environment name: results from elsewhere, matched on this name (default: PERFWATCH_ENV, else this machine's class)");
  return [o](Context& ctx) { return ingest(*o, ctx); };
}

}  // namespace perfwatch
