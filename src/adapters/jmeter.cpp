// JMeter's JTL results as CSV (-l results.jtl, the default CSV save format
// with its header line; comma- or tab-separated). Per sampler label: every sample's "elapsed" (ms)
// is a latency sample, "success" false counts as an error, and the label's
// throughput is its samples over the span from its first start to its last
// end (req/s, one value, as JMeter's Summary Report computes it).
#include <algorithm>
#include <map>

#include "adapters/adapter.hpp"
#include "adapters/csv_columns.hpp"

namespace perfwatch {
namespace {

using namespace text_input;

struct Label {
  BenchmarkResult result;
  double first_start = 0, last_end = 0;
};

}  // namespace

SuiteResult parse_jmeter(std::string_view text, const std::string& source) {
  // JMeter writes tabs instead of commas under jmeter.save.saveservice.default_delimiter=\t:
  // the header line says which.
  const std::string_view header = text.substr(0, text.find('\n'));
  const char delimiter = header.find('\t') != std::string_view::npos && header.find(',') == std::string_view::npos ? '\t' : ',';
  const std::vector<CsvRow> rows = parse_csv(text, source, delimiter);
  if (rows.empty()) throw input_error(source + ": expected a JMeter JTL (CSV) file, got an empty file");
  const CsvColumns columns(rows[0], source);
  const size_t time_stamp = columns.require({"timeStamp"});
  const size_t elapsed = columns.require({"elapsed"});
  const size_t label = columns.require({"label"});
  const size_t success = columns.require({"success"});
  std::vector<Label> labels;
  std::map<std::string, size_t> index;
  for (size_t i = 1; i < rows.size(); ++i) {
    const CsvRow& row = rows[i];
    auto [it, inserted] = index.try_emplace(columns.field(row, label), labels.size());
    if (inserted) {
      labels.emplace_back();
      labels.back().result.name = it->first;
      labels.back().result.latency = Series{"ms", {}};
      labels.back().result.errors = 0;
      labels.back().result.requests = 0;
    }
    Label& l = labels[it->second];
    const double start = columns.number(row, time_stamp);
    const double ms = columns.number(row, elapsed);
    const std::string& ok = columns.field(row, success);
    if (ok != "true" && ok != "false") fail_at(source, row.line, "column \"success\"", "true or false", ok);
    const bool first = l.result.latency->values.empty();
    l.first_start = first ? start : std::min(l.first_start, start);
    l.last_end = first ? start + ms : std::max(l.last_end, start + ms);
    l.result.latency->values.push_back(ms);
    *l.result.requests += 1;
    if (ok == "false") *l.result.errors += 1;
  }
  SuiteResult suite;
  for (Label& l : labels) {
    const double span_s = (l.last_end - l.first_start) / 1000.0;
    if (span_s > 0) l.result.throughput = Series{"req/s", {static_cast<double>(*l.result.requests) / span_s}};
    normalise_time_unit(*l.result.latency);
    suite.benchmarks.push_back(std::move(l.result));
  }
  if (suite.benchmarks.empty()) throw input_error(source + ": expected JMeter samples after the header line, found none");
  return suite;
}

}  // namespace perfwatch
