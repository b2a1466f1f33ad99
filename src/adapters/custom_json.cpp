// github-action-benchmark's generic JSON (its customSmallerIsBetter and
// customBiggerIsBetter tools): [{"name", "unit", "value", "range", "extra"}].
// The file does not say which way is better; the format named does. One
// value a benchmark (range and extra describe it), so the run is
// aggregate-only. Smaller is better: a time unit is kept in ns, any other
// unit as it is, in the latency slot; bigger is better: the throughput slot.
#include "adapters/adapter.hpp"
#include "adapters/json_fields.hpp"
#include "model/units.hpp"

namespace perfwatch {
namespace {

using namespace json_fields;

enum class Better { smaller, bigger };

SuiteResult parse_custom(std::string_view text, const std::string& source, Better better) {
  const json doc = parse_document(text, source);
  const json& rows = require_array(doc, source, "(document)");
  SuiteResult suite;
  suite.aggregate_only = true;
  for (size_t i = 0; i < rows.size(); ++i) {
    const std::string path = element("", i);
    const json& row = require_object(rows[i], source, path);
    BenchmarkResult b;
    b.name = require_string(require(row, "name", source, path), source, child(path, "name"));
    const std::string unit = require_string(require(row, "unit", source, path), source, child(path, "unit"));
    const double value = require_number(require(row, "value", source, path), source, child(path, "value"));
    if (better == Better::bigger) {
      b.throughput = Series{unit, {value}};
    } else if (const auto ns = nanoseconds_per(unit)) {
      b.latency = Series{"ns", {value * *ns}};
    } else {
      b.latency = Series{unit, {value}};
    }
    check_benchmark(b, source, path);
    suite.benchmarks.push_back(std::move(b));
  }
  if (suite.benchmarks.empty()) throw input_error(source + ": expected at least one {\"name\", \"unit\", \"value\"} entry, got none");
  return suite;
}

}  // namespace

bool looks_like_custom_json(const nlohmann::json& doc) {
  if (!doc.is_array() || doc.empty()) return false;
  for (const json& row : doc)
    if (!row.is_object() || !row.contains("name") || !row.contains("unit") || !row.contains("value")) return false;
  return true;
}

SuiteResult parse_custom_smaller_is_better(std::string_view text, const std::string& source) {
  return parse_custom(text, source, Better::smaller);
}

SuiteResult parse_custom_bigger_is_better(std::string_view text, const std::string& source) {
  return parse_custom(text, source, Better::bigger);
}

}  // namespace perfwatch
