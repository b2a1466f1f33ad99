// k6's data points, `k6 run --out csv=results.csv`: one row a metric sample,
//   metric_name,timestamp,metric_value,check,error,error_code,...,group,...
//   http_req_duration,1595325560,221.899000,,,,,GET,http://test.k6.io,...
// Unlike the end-of-test summary (k6.cpp) these are samples: every
// http_req_duration row (ms, kept in ns) is one of benchmark "http", every
// iteration_duration row one of "iteration", and every group_duration row one
// of "group <group>" (k6's "::name" group path). http_req_failed rows (1 a
// failed request, 0 one that succeeded) give "http" its errors and requests.
// The rate is not kept (the timestamps are whole seconds by default), nor are
// the connection phases (http_req_blocked, ...), checks, vus or data sizes.
// A gzipped file (csv=results.gz) is recognised and asked to be unpacked.
#include <map>

#include "adapters/adapter.hpp"
#include "adapters/csv_columns.hpp"

namespace perfwatch {

using namespace text_input;

bool looks_like_k6_csv(std::string_view first_line) { return first_line.starts_with("metric_name,timestamp,metric_value"); }

SuiteResult parse_k6_csv(std::string_view text, const std::string& source) {
  if (text.starts_with("\x1f\x8b"))
    throw input_error(source + ": a gzipped k6 CSV (--out csv=FILE.gz): unpack it first (gunzip -k " + source + ")");
  const std::vector<CsvRow> rows = parse_csv(text, source);
  if (rows.empty()) throw input_error(source + ": expected k6's CSV output (--out csv=FILE), got an empty file");
  const CsvColumns columns(rows[0], source);
  const size_t metric = columns.require({"metric_name"});
  const size_t value = columns.require({"metric_value"});
  const std::optional<size_t> group = columns.find({"group"});
  SuiteResult suite;
  std::map<std::string, size_t> index;
  for (size_t i = 1; i < rows.size(); ++i) {
    const CsvRow& row = rows[i];
    const std::string& name = columns.field(row, metric);
    if (name == "http_req_duration") {
      add_latency_sample(suite, index, "http", columns.number(row, value) * 1e6);
    } else if (name == "iteration_duration") {
      add_latency_sample(suite, index, "iteration", columns.number(row, value) * 1e6);
    } else if (name == "group_duration") {
      const std::string g = group ? columns.field(row, *group) : "";
      add_latency_sample(suite, index, "group " + (g.empty() ? std::string("(none)") : g), columns.number(row, value) * 1e6);
    } else if (name == "http_req_failed") {
      BenchmarkResult& b = benchmark_named(suite, index, "http");
      const double failed = columns.number(row, value);
      if (failed != 0 && failed != 1) fail_at(source, row.line, "metric_value", "0 or 1 for http_req_failed", columns.field(row, value));
      b.requests = b.requests.value_or(0) + 1;
      b.errors = b.errors.value_or(0) + static_cast<std::int64_t>(failed);
    }
  }
  for (const BenchmarkResult& b : suite.benchmarks)
    if (!b.latency) throw input_error(source + ": http_req_failed rows without http_req_duration rows: expected both, as k6 writes them");
  if (suite.benchmarks.empty())
    throw input_error(source + ": expected k6 http_req_duration, iteration_duration or group_duration rows, found none");
  return suite;
}

}  // namespace perfwatch
