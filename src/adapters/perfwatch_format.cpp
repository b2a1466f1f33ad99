// The native format (SPEC "Native result format").
#include <unordered_set>

#include "adapters/adapter.hpp"
#include "adapters/json_fields.hpp"

namespace perfwatch {
namespace {

using namespace json_fields;

Series read_series(const json& values, std::string unit, const std::string& source,
                   const std::string& path) {
  Series s{std::move(unit), require_non_negative_list(values, source, path)};
  if (s.values.empty()) throw input_error(source + ": " + path + ": expected at least one sample, got []");
  return s;
}

std::optional<std::int64_t> optional_count(const json& b, std::string_view key,
                                           const std::string& source, const std::string& path) {
  const json* v = optional(b, key);
  if (!v) return std::nullopt;
  return require_count(*v, source, child(path, key));
}

}  // namespace

BenchmarkResult read_native_benchmark(const json& b, const std::string& source, const std::string& path) {
  require_object(b, source, path);
  BenchmarkResult r;
  r.name = require_string(require(b, "name", source, path), source, child(path, "name"));
  std::string unit = "ns";
  if (const json* u = optional(b, "unit")) unit = require_string(*u, source, child(path, "unit"));
  if (const json* s = optional(b, "samples")) {
    r.latency = read_series(*s, unit, source, child(path, "samples"));
    normalise_time_unit(*r.latency);
  }
  if (const json* t = optional(b, "throughput")) {
    const std::string tpath = child(path, "throughput");
    require_object(*t, source, tpath);
    std::string tunit = "ops/s";
    if (const json* u = optional(*t, "unit")) tunit = require_string(*u, source, child(tpath, "unit"));
    r.throughput = read_series(require(*t, "samples", source, tpath), tunit, source,
                               child(tpath, "samples"));
  }
  if (const json* i = optional(b, "instructions")) {  // {"source": "callgrind", "samples": [...]}
    const std::string ipath = child(path, "instructions");
    require_object(*i, source, ipath);
    r.instructions = read_series(require(*i, "samples", source, ipath), "instructions", source, child(ipath, "samples"));
    if (const json* s = optional(*i, "source")) r.instructions_source = require_string(*s, source, child(ipath, "source"));
  }
  r.errors = optional_count(b, "errors", source, path);
  r.requests = optional_count(b, "requests", source, path);
  r.peak_rss_bytes = optional_count(b, "peak_rss_bytes", source, path);
  if (const json* m = optional(b, "memory")) {  // resident memory over time: {"seconds": [...], "bytes": [...]}
    const std::string mpath = child(path, "memory");
    require_object(*m, source, mpath);
    MemorySeries series{require_non_negative_list(require(*m, "seconds", source, mpath), source, child(mpath, "seconds")),
                        require_non_negative_list(require(*m, "bytes", source, mpath), source, child(mpath, "bytes"))};
    if (series.seconds.size() != series.bytes.size())
      throw input_error(source + ": " + child(mpath, "bytes") + ": expected as many values as seconds (" +
                        std::to_string(series.seconds.size()) + "), got " + std::to_string(series.bytes.size()));
    r.memory = std::move(series);
  }
  if (const json* f = optional(b, "failure")) r.failure = require_string(*f, source, child(path, "failure"));
  check_benchmark(r, source, path);
  return r;
}

nlohmann::json native_benchmark_json(const BenchmarkResult& r) {
  nlohmann::json b = {{"name", r.name}};
  if (r.latency) {
    b["unit"] = r.latency->unit;
    b["samples"] = r.latency->values;
  }
  if (r.throughput) b["throughput"] = {{"unit", r.throughput->unit}, {"samples", r.throughput->values}};
  if (r.instructions) b["instructions"] = {{"source", r.instructions_source}, {"samples", r.instructions->values}};
  if (r.errors) b["errors"] = *r.errors;
  if (r.requests) b["requests"] = *r.requests;
  if (r.peak_rss_bytes) b["peak_rss_bytes"] = *r.peak_rss_bytes;
  if (r.memory) b["memory"] = {{"seconds", r.memory->seconds}, {"bytes", r.memory->bytes}};
  if (r.failure) b["failure"] = *r.failure;
  return b;
}

SuiteResult parse_perfwatch(std::string_view text, const std::string& source) {
  const json doc = parse_document(text, source);
  require_object(doc, source, "(document)");
  SuiteResult suite;
  if (const json* s = optional(doc, "suite")) suite.suite = require_string(*s, source, "suite");
  if (const json* a = optional(doc, "aggregate_only")) {
    if (!a->is_boolean()) fail(source, "aggregate_only", "a boolean", *a);
    suite.aggregate_only = a->get<bool>();
  }
  const json& list = require_array(require(doc, "benchmarks", source, ""), source, "benchmarks");
  std::unordered_set<std::string> seen;
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string path = element("benchmarks", i);
    BenchmarkResult b = read_native_benchmark(list[i], source, path);
    if (!seen.insert(b.name).second) {
      throw input_error(source + ": " + path + ".name: expected a unique name, got \"" + b.name +
                        "\" twice");
    }
    suite.benchmarks.push_back(std::move(b));
  }
  if (suite.benchmarks.empty()) throw input_error(source + ": benchmarks: expected at least one benchmark, got []");
  return suite;
}

}  // namespace perfwatch
