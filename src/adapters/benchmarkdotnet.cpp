// BenchmarkDotNet's full JSON exporter (*-report-full.json; [JsonExporterAttribute.Full]
// or --exporters json). Statistics.OriginalValues are the workload
// iterations' times per operation (ns), one sample each (files of 0.9-0.11,
// which have none, give their Statistics.Median, aggregate-only); a benchmark that
// failed has Statistics null. Memory.BytesAllocatedPerOperation (with
// [MemoryDiagnoser]) is a benchmark of its own, "<name>:allocated B/op".
#include "adapters/adapter.hpp"
#include "adapters/json_fields.hpp"

namespace perfwatch {

using namespace json_fields;

SuiteResult parse_benchmarkdotnet(std::string_view text, const std::string& source) {
  const json doc = parse_document(text, source);
  const json& rows = require_document_list(doc, "Benchmarks", source);
  SuiteResult suite;
  if (const json* title = optional(doc, "Title"); title && title->is_string()) suite.suite = title->get<std::string>();
  for (size_t i = 0; i < rows.size(); ++i) {
    const std::string path = element("Benchmarks", i);
    const json& row = require_object(rows[i], source, path);
    BenchmarkResult b;
    const json* full = optional(row, "FullName");
    b.name = full ? require_string(*full, source, child(path, "FullName"))
                  : require_string(require(row, "DisplayInfo", source, path), source, child(path, "DisplayInfo"));
    const json* stats = optional(row, "Statistics");
    if (!stats || stats->is_null()) {
      b.failure = "BenchmarkDotNet: no statistics (the benchmark failed or did not run)";
      suite.benchmarks.push_back(std::move(b));
      continue;
    }
    const std::string stats_path = child(path, "Statistics");
    require_object(*stats, source, stats_path);
    const std::string values_path = child(stats_path, "OriginalValues");
    if (const json* values = optional(*stats, "OriginalValues")) {
      Series latency{"ns", require_non_negative_list(*values, source, values_path)};
      if (latency.values.empty()) fail(source, values_path, "at least one measurement", *values);
      b.latency = std::move(latency);
    } else if (const json* median = optional(*stats, "Median")) {
      // 0.9-0.11 wrote the statistics without the measurements: the median
      // is the night's one value, and the run is aggregate-only.
      b.latency = Series{"ns", {require_non_negative(*median, source, child(stats_path, "Median"))}};
      suite.aggregate_only = true;
    } else {
      fail(source, values_path, "the measurements (OriginalValues) or at least their Median", *stats);
    }
    const std::string name = b.name;
    suite.benchmarks.push_back(std::move(b));
    if (const json* memory = optional(row, "Memory"); memory && memory->is_object()) {
      if (const json* bytes = optional(*memory, "BytesAllocatedPerOperation"); bytes && !bytes->is_null()) {
        BenchmarkResult allocated;
        allocated.name = name + ":allocated B/op";
        allocated.latency = Series{"B/op", {require_non_negative(*bytes, source, child(child(path, "Memory"), "BytesAllocatedPerOperation"))}};
        suite.benchmarks.push_back(std::move(allocated));
      }
    }
  }
  if (suite.benchmarks.empty()) throw input_error(source + ": Benchmarks: expected at least one benchmark, got none");
  return suite;
}

}  // namespace perfwatch
