#pragma once
// `perfwatch history`: a model of one benchmark's trend, then two formatters.
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace perfwatch {

struct HistoryRow {
  std::int64_t run_id = 0;
  UnixTime time = 0;
  std::string commit_sha;
  std::string commit_subject;
  RunStatus status = RunStatus::complete;
  size_t n = 0;                        // latency samples
  double p50 = NAN, p95 = NAN, p99 = NAN;  // latency, in `unit`
  double p999 = NAN;                   // NaN below kMinSamplesP999 samples
  double memory_growth = NAN;          // bytes an hour, when the run kept a memory series
  double instructions = NAN;           // median count of the run's processes ("measure": "instructions")
  std::string instructions_source;     // what counted them
  std::string unit;
  double throughput = NAN;  // median of the run's throughput samples (Harrell-Davis, as compare)
  std::string throughput_unit;
  std::optional<std::int64_t> errors;
  std::optional<std::int64_t> peak_rss_bytes;
  std::optional<std::string> failure;
};

struct HistoryView {
  std::string benchmark;
  std::vector<HistoryRow> rows;  // oldest first
};

HistoryView build_history_view(const std::string& benchmark, const std::vector<HistoryPoint>& points);

// The metrics `history --metric` can draw.
const std::vector<std::string>& history_metrics();

// A table a person reads, headed by a sparkline of `metric` (empty: p95, or
// throughput when the benchmark has no latency).
void print_history_text(const HistoryView& view, const std::string& metric, std::ostream& out);

nlohmann::json history_json(const HistoryView& view);

}  // namespace perfwatch
