// pytest-benchmark's JSON (--benchmark-json, or a saved run under
// .benchmarks/). "stats.data" holds every round's time per iteration
// (seconds) when present (always with --benchmark-json, with
// --benchmark-save-data for saved runs); without it only the summary is
// there, so the median stands in as the night's one value.
#include "adapters/adapter.hpp"
#include "adapters/json_fields.hpp"

namespace perfwatch {

using namespace json_fields;

SuiteResult parse_pytest_benchmark(std::string_view text, const std::string& source) {
  const json doc = parse_document(text, source);
  const json& rows = require_document_list(doc, "benchmarks", source);
  SuiteResult suite;
  bool every_one_has_data = true;
  for (size_t i = 0; i < rows.size(); ++i) {
    const std::string path = element("benchmarks", i);
    const json& row = require_object(rows[i], source, path);
    BenchmarkResult b;
    // fullname ("tests/test_x.py::test_parse[10]") is unique across modules; name is not.
    const json* fullname = optional(row, "fullname");
    b.name = fullname ? require_string(*fullname, source, child(path, "fullname"))
                      : require_string(require(row, "name", source, path), source, child(path, "name"));
    const std::string stats_path = child(path, "stats");
    const json& stats = require_object(require(row, "stats", source, path), source, stats_path);
    Series latency{"s", {}};
    if (const json* data = optional(stats, "data")) {
      latency.values = require_non_negative_list(*data, source, child(stats_path, "data"));
    } else {
      every_one_has_data = false;
      latency.values.push_back(require_non_negative(require(stats, "median", source, stats_path), source,
                                                    child(stats_path, "median")));
    }
    if (latency.values.empty()) fail(source, child(stats_path, "data"), "at least one round", *optional(stats, "data"));
    normalise_time_unit(latency);
    b.latency = std::move(latency);
    suite.benchmarks.push_back(std::move(b));
  }
  if (suite.benchmarks.empty()) throw input_error(source + ": benchmarks: expected at least one benchmark, got none");
  suite.aggregate_only = !every_one_has_data;
  return suite;
}

}  // namespace perfwatch
