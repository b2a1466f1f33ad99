// Bencher Metric Format: {"<benchmark>": {"<measure>": {"value": v,
// "lower_value": l, "upper_value": u}}}. One value per measure (the bounds
// describe it, they are not samples), so the run is aggregate-only.
// "latency" is a time in ns and "throughput" a rate (higher is better);
// any other measure (instructions, file-size, ...) is a benchmark of its
// own, "<benchmark>:<measure>", lower is better.
#include "adapters/adapter.hpp"
#include "adapters/json_fields.hpp"

namespace perfwatch {

using namespace json_fields;

SuiteResult parse_bmf(std::string_view text, const std::string& source) {
  const json doc = parse_document(text, source);
  require_object(doc, source, "(document)");
  SuiteResult suite;
  suite.aggregate_only = true;
  for (const auto& [name, measures] : doc.items()) {
    const std::string path = child("", name);
    require_object(measures, source, path);
    BenchmarkResult main;
    main.name = name;
    for (const auto& [measure, m] : measures.items()) {
      const std::string m_path = child(path, measure);
      require_object(m, source, m_path);
      const double value = require_number(require(m, "value", source, m_path), source, child(m_path, "value"));
      for (const char* bound : {"lower_value", "upper_value"})
        if (const json* b = optional(m, bound)) require_number(*b, source, child(m_path, bound));
      if (measure == "latency") {
        if (value < 0) fail(source, child(m_path, "value"), "a non-negative latency (ns)", m["value"]);
        main.latency = Series{"ns", {value}};
      } else if (measure == "throughput") {
        main.throughput = Series{"ops/s", {value}};
      } else {
        BenchmarkResult other;
        other.name = name + ":" + measure;
        other.latency = Series{measure, {value}};
        suite.benchmarks.push_back(std::move(other));
      }
    }
    if (main.latency || main.throughput) suite.benchmarks.push_back(std::move(main));
    else if (measures.empty()) fail(source, path, "at least one measure (latency, throughput, ...)", measures);
  }
  if (suite.benchmarks.empty()) throw input_error(source + ": expected Bencher Metric Format (benchmark names mapping to measures), got an empty object");
  return suite;
}

}  // namespace perfwatch
