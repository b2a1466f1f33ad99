#pragma once
// `report --html`: one self-contained page (inline SVG and CSS, no network at
// view time). The model is computed first (html_report in cli/ gathers it
// from the history); this file only formats it.
#include <cmath>
#include <string>
#include <vector>

#include "detect/verdict.hpp"
#include "util/time.hpp"

namespace perfwatch {

struct ChartNight {
  UnixTime time = 0;
  std::string commit;   // full sha
  std::string subject;
  // Latency p50/p95/p99 (ns); when the benchmark has no latency, p50 holds
  // its median throughput and p95/p99 are NaN. NaN: not measured that night.
  double p50 = 0, p95 = 0, p99 = 0;
  double memory_growth = NAN;  // bytes an hour, when the night kept a memory series
  std::string failure;      // "" when the benchmark ran
  bool regression = false;  // the night's comparison said regression for this benchmark
};

struct BenchmarkChart {
  std::string name;
  std::string unit;          // "ns", or the throughput unit
  bool latency = true;       // false: one line, p50 (`line` names it)
  std::string line = "throughput";
  std::vector<ChartNight> nights;  // oldest first
  UnixTime baseline_from = 0, baseline_to = 0;  // the newest night's baseline window (0: none)
  // The newest night's verdict and alerting results, for the summary table.
  Verdict verdict = Verdict::unchanged;
  std::vector<MetricResult> results;
};

struct HtmlReport {
  std::string title;        // the suite
  std::string commit;       // the newest run's commit
  UnixTime generated = 0;
  std::vector<BenchmarkChart> charts;
  std::vector<MeasurementWarning> warnings;  // the newest night's results that are not measurements
};

std::string render_html_report(const HtmlReport& report);

// `text` safe inside HTML text and attribute values.
std::string escape_html(const std::string& text);

}  // namespace perfwatch
