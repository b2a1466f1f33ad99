// Google Benchmark's JSON (--benchmark_format=json or --benchmark_out).
// Each "iteration" row is one repetition, hence one sample; aggregate rows
// (_mean, _median, _stddev, _cv, BigO) are derived, so they are not samples,
// except when the file holds aggregates only (--benchmark_report_aggregates_only):
// then the median stands in as the night's single value and the run is
// aggregate-only. User counters (state.counters) are benchmarks of their own,
// "<name>:<counter>", a value per repetition, lower is better (the JSON does
// not say which counters are rates).
#include <map>
#include <set>

#include "adapters/adapter.hpp"
#include "adapters/json_fields.hpp"

namespace perfwatch {
namespace {

using namespace json_fields;

// Keys Google Benchmark itself writes; any other number in a row is a user counter.
const std::set<std::string> kBuiltinKeys = {
    "name", "family_index", "per_family_instance_index", "run_name", "run_type", "repetitions", "repetition_index",
    "threads", "iterations", "real_time", "cpu_time", "time_unit", "items_per_second", "bytes_per_second", "label",
    "error_occurred", "error_message", "aggregate_name", "aggregate_unit", "big_o", "rms", "complexity_n"};

struct Group {
  BenchmarkResult result;
  std::map<std::string, Series> counters;  // user counters (state.counters), a value per repetition
  std::optional<double> median;  // from an aggregate row, used when no iteration row exists
  std::string median_unit;
  bool has_iterations = false;
};

void add_throughput(Group& g, const json& row, const std::string& source, const std::string& path) {
  const bool items = optional(row, "items_per_second") != nullptr;
  const char* key = items ? "items_per_second" : "bytes_per_second";
  const json* v = optional(row, key);
  if (!v) return;
  const std::string unit = items ? "items/s" : "bytes/s";
  const double value = require_non_negative(*v, source, child(path, key));
  if (!g.result.throughput) g.result.throughput = Series{unit, {}};
  if (g.result.throughput->unit == unit) g.result.throughput->values.push_back(value);
}

void add_iteration(Group& g, const json& row, const std::string& source, const std::string& path) {
  g.has_iterations = true;
  if (const json* err = optional(row, "error_occurred"); err && err->is_boolean() && err->get<bool>()) {
    std::string message = "benchmark reported an error";
    if (const json* m = optional(row, "error_message")) message = require_string(*m, source, child(path, "error_message"));
    g.result.failure = message;
    g.result.errors = g.result.errors.value_or(0) + 1;
    return;
  }
  const std::string unit = require_string(require(row, "time_unit", source, path), source, child(path, "time_unit"));
  const double t = require_non_negative(require(row, "real_time", source, path), source, child(path, "real_time"));
  if (!g.result.latency) g.result.latency = Series{unit, {}};
  if (g.result.latency->unit != unit) {
    fail(source, child(path, "time_unit"), "\"" + g.result.latency->unit + "\" like the earlier repetitions", row["time_unit"]);
  }
  g.result.latency->values.push_back(t);
  add_throughput(g, row, source, path);
  for (const auto& [key, value] : row.items())
    if (!kBuiltinKeys.count(key) && value.is_number())
      g.counters.try_emplace(key, Series{key, {}}).first->second.values.push_back(require_number(value, source, child(path, key)));
}

// Which aggregate a row is: its aggregate_name, or for versions that wrote
// none (before 1.5) the suffix its name adds to its run name ("BM_x_median").
std::string aggregate_of(const Group& g, const json& row) {
  if (const json* name = optional(row, "aggregate_name"); name && name->is_string()) return name->get<std::string>();
  const json* full = optional(row, "name");
  if (!full || !full->is_string()) return "";
  const std::string n = full->get<std::string>(), prefix = g.result.name + "_";
  return n.starts_with(prefix) ? n.substr(prefix.size()) : "";
}

void add_aggregate(Group& g, const json& row, const std::string& source, const std::string& path) {
  if (aggregate_of(g, row) != "median") return;
  if (const json* u = optional(row, "aggregate_unit"); u && u->is_string() && u->get<std::string>() != "time") return;
  g.median = require_non_negative(require(row, "real_time", source, path), source, child(path, "real_time"));
  g.median_unit = require_string(require(row, "time_unit", source, path), source, child(path, "time_unit"));
}

}  // namespace

SuiteResult parse_gbench(std::string_view text, const std::string& source) {
  const json doc = parse_document(text, source);
  const json& rows = require_document_list(doc, "benchmarks", source);
  std::vector<Group> groups;
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < rows.size(); ++i) {
    const std::string path = element("benchmarks", i);
    const json& row = require_object(rows[i], source, path);
    const json* run_name = optional(row, "run_name");
    const std::string key = run_name ? require_string(*run_name, source, child(path, "run_name"))
                                     : require_string(require(row, "name", source, path), source, child(path, "name"));
    auto [it, inserted] = index.try_emplace(key, groups.size());
    if (inserted) {
      groups.emplace_back();
      groups.back().result.name = key;
    }
    Group& g = groups[it->second];
    const json* type = optional(row, "run_type");
    if (type && type->is_string() && type->get<std::string>() == "aggregate") {
      add_aggregate(g, row, source, path);
    } else {
      add_iteration(g, row, source, path);
    }
  }
  SuiteResult suite;
  if (const json* ctx = optional(doc, "context")) {
    if (const json* exe = optional(*ctx, "executable"); exe && exe->is_string()) {
      const std::string e = exe->get<std::string>();
      suite.suite = e.substr(e.find_last_of('/') + 1);
    }
  }
  bool aggregates_only = true;
  for (size_t i = 0; i < groups.size(); ++i) {
    Group& g = groups[i];
    if (!g.has_iterations && g.median) g.result.latency = Series{g.median_unit, {*g.median}};
    if (g.has_iterations && g.result.latency) aggregates_only = false;  // failures are iteration rows either way
    if (g.result.latency) {
      g.result.failure.reset();  // some repetitions succeeded: errors stay counted
      normalise_time_unit(*g.result.latency);
    }
    if (!g.result.latency && !g.result.failure) continue;  // only non-time aggregates
    if (g.result.errors) g.result.requests = static_cast<std::int64_t>(
        (g.result.latency ? g.result.latency->values.size() : 0) + static_cast<size_t>(*g.result.errors));
    check_benchmark(g.result, source, "benchmarks");
    const std::string name = g.result.name;
    suite.benchmarks.push_back(std::move(g.result));
    for (auto& [counter, series] : g.counters) {
      BenchmarkResult c;
      c.name = name + ":" + counter;
      c.latency = std::move(series);
      suite.benchmarks.push_back(std::move(c));
    }
  }
  suite.aggregate_only = aggregates_only;
  if (suite.benchmarks.empty()) throw input_error(source + ": benchmarks: expected at least one benchmark row, got none");
  return suite;
}

}  // namespace perfwatch
