// Locust's CSV statistics (--csv PREFIX). From PREFIX_stats.csv, one row per
// request type and name plus "Aggregated": the 95% column (ms) is the night's
// latency value, Requests/s its throughput, Failure Count of Request Count
// its error rate; Locust keeps no samples, so the run is aggregate-only.
// From PREFIX_stats_history.csv (a row every few seconds): each row's
// Requests/s is a throughput sample and the last row's totals give the
// error rate; its percentiles are of a moving window, not samples, so they
// are not used. Older Locust headers ("# requests", "# failures") work too.
#include <map>

#include "adapters/adapter.hpp"
#include "adapters/csv_columns.hpp"

namespace perfwatch {
namespace {

using namespace text_input;

std::string request_name(const CsvColumns& columns, const CsvRow& row, size_t name_column, std::optional<size_t> method) {
  const std::string& name = columns.field(row, name_column);
  if (!method) return name;
  const std::string& m = columns.field(row, *method);
  return m.empty() ? name : m + " " + name;
}

}  // namespace

SuiteResult parse_locust(std::string_view text, const std::string& source) {
  const std::vector<CsvRow> rows = parse_csv(text, source);
  if (rows.empty()) throw input_error(source + ": expected Locust's CSV statistics, got an empty file");
  const CsvColumns columns(rows[0], source);
  const size_t name = columns.require({"Name"});
  const std::optional<size_t> method = columns.find({"Type", "Method"});
  const bool history = columns.find({"Timestamp"}).has_value();
  const size_t rps = columns.require({"Requests/s"});
  const size_t requests = columns.require(history ? std::initializer_list<const char*>{"Total Request Count"}
                                                  : std::initializer_list<const char*>{"Request Count", "# requests"});
  const size_t failures = columns.require(history ? std::initializer_list<const char*>{"Total Failure Count"}
                                                  : std::initializer_list<const char*>{"Failure Count", "# failures"});
  const size_t p95 = history ? 0 : columns.require({"95%"});  // the history's windowed percentiles are not used
  SuiteResult suite;
  suite.aggregate_only = !history;
  std::map<std::string, size_t> index;
  for (size_t i = 1; i < rows.size(); ++i) {
    const CsvRow& row = rows[i];
    BenchmarkResult& b = benchmark_named(suite, index, request_name(columns, row, name, method));
    const std::int64_t count = columns.count(row, requests);
    b.requests = count;
    b.errors = columns.count(row, failures);
    if (history) {
      if (count == 0) continue;  // before the first request: no rate yet
      if (!b.throughput) b.throughput = Series{"req/s", {}};
      b.throughput->values.push_back(columns.number(row, rps));
      continue;
    }
    b.throughput = Series{"req/s", {columns.number(row, rps)}};
    if (columns.field(row, p95) != "N/A" && count > 0) {
      b.latency = Series{"ms", {columns.number(row, p95)}};
      normalise_time_unit(*b.latency);
    }
  }
  for (BenchmarkResult& b : suite.benchmarks)
    if (!b.latency && !b.throughput) b.failure = "Locust: no requests were made";
  if (suite.benchmarks.empty()) throw input_error(source + ": expected Locust statistics rows after the header, found none");
  return suite;
}

}  // namespace perfwatch
