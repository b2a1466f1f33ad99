// vitest's benchmark report (`vitest bench --outputJson FILE`):
//   {"files": [{"filepath", "groups": [{"fullName": "bench/x.bench.js > group",
//     "benchmarks": [{"name", "median", "mean", "p99", "hz", "sampleCount", "samples": [], ...}]}]}]}
// vitest 3 writes the statistics of each benchmark but never its samples
// (the report empties them), so the run is aggregate-only: one value a
// benchmark, its median (its mean where an older report has no median), in
// ms, stored in ns. A benchmark that threw has a name and no statistics: a
// failure. The name is the group's fullName, " > ", the benchmark's.
#include "adapters/adapter.hpp"
#include "adapters/json_fields.hpp"

namespace perfwatch {
namespace {

using namespace json_fields;

BenchmarkResult read_benchmark(const json& b, const std::string& group, const std::string& source, const std::string& path) {
  BenchmarkResult r;
  const std::string name = require_string(require(b, "name", source, path), source, child(path, "name"));
  r.name = group.empty() ? name : group + " > " + name;
  const json* median = optional(b, "median");
  const json* mean = optional(b, "mean");
  if (!median && !mean) {
    r.failure = "vitest reported no timings for it (the benchmark threw?)";
    return r;
  }
  const std::string key = median ? "median" : "mean";
  const double ms = require_non_negative(median ? *median : *mean, source, child(path, key));
  r.latency = Series{"ns", {ms * 1e6}};
  return r;
}

}  // namespace

bool looks_like_vitest(const nlohmann::json& doc) {
  if (!doc.is_object() || !doc.contains("files") || !doc["files"].is_array() || doc["files"].empty()) return false;
  const json& first = doc["files"][0];
  return first.is_object() && first.contains("groups") && first.contains("filepath");
}

SuiteResult parse_vitest(std::string_view text, const std::string& source) {
  const json doc = parse_document(text, source);
  const json& files = require_array(require(require_object(doc, source, "(document)"), "files", source, ""), source, "files");
  SuiteResult suite;
  suite.aggregate_only = true;
  for (size_t f = 0; f < files.size(); ++f) {
    const std::string file_path = element("files", f);
    const json& groups = require_array(require(require_object(files[f], source, file_path), "groups", source, file_path),
                                       source, child(file_path, "groups"));
    for (size_t g = 0; g < groups.size(); ++g) {
      const std::string group_path = element(child(file_path, "groups"), g);
      const json& group = require_object(groups[g], source, group_path);
      const json* full_name = optional(group, "fullName");
      const std::string prefix = full_name ? require_string(*full_name, source, child(group_path, "fullName")) : "";
      const json& benchmarks = require_array(require(group, "benchmarks", source, group_path), source, child(group_path, "benchmarks"));
      for (size_t b = 0; b < benchmarks.size(); ++b) {
        const std::string path = element(child(group_path, "benchmarks"), b);
        suite.benchmarks.push_back(read_benchmark(require_object(benchmarks[b], source, path), prefix, source, path));
      }
    }
  }
  if (suite.benchmarks.empty())
    throw input_error(source + ": files: expected vitest benchmarks (files[].groups[].benchmarks[]), found none");
  return suite;
}

}  // namespace perfwatch
