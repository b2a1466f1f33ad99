#pragma once
// `report --html`: one self-contained page. The markup comes from
// templates/report.html.mustache, the charts are drawn in the browser by
// uPlot (third_party/uplot, inlined with the page's own script and style), and
// the nights travel in the page as one JSON document: nothing is fetched at
// view time. The model is computed first (html_report in cli/ gathers it from
// the history); this file only formats it.
#include <cmath>
#include <string>
#include <vector>

#include "detect/verdict.hpp"
#include "util/time.hpp"

namespace perfwatch {

// How a night is marked on its chart.
enum class NightMark {
  none,
  regression,  // the night's own comparison filed it
  candidate,   // past the threshold, not filed: the reruns did not confirm it, or it waits for a second night
  failed,      // the benchmark did not run to the end
};
const char* to_string(NightMark m);

struct ChartNight {
  UnixTime time = 0;
  std::string commit;   // full sha
  std::string subject;
  // Latency p50/p95/p99 (ns); when the benchmark has no latency, p50 holds
  // its line's value (median throughput, instructions) and p95/p99 are NaN.
  // NaN: not measured that night.
  double p50 = 0, p95 = 0, p99 = 0;
  // The night's 95 % interval of its charted value (p95, or the line), from
  // its sampling variance; NaN when the night has one value.
  double low = NAN, high = NAN;
  double memory_growth = NAN;  // bytes an hour, when the night kept a memory series
  std::string failure;         // "" when the benchmark ran
  NightMark mark = NightMark::none;
  std::string note;  // why it is marked, in one line (the failure, the reason)
};

// A triage decision drawn on the chart at `time` ("accepted by ana: ...").
struct ChartEvent {
  UnixTime time = 0;
  std::string text;
};

struct BenchmarkChart {
  std::string name;
  std::string unit;          // "ns", or the line's unit
  bool latency = true;       // false: one line, p50 (`line` names it)
  std::string line = "throughput";
  std::vector<ChartNight> nights;  // oldest first
  std::vector<ChartEvent> decisions;
  UnixTime baseline_from = 0, baseline_to = 0;  // the newest night's baseline window (0: none)
  // The newest night's verdict and alerting results, for the card's header.
  Verdict verdict = Verdict::unchanged;
  std::vector<MetricResult> results;
};

struct HtmlReport {
  std::string title;        // the suite
  std::string commit;       // the newest run's commit
  UnixTime generated = 0;
  // A commit's page is this followed by its sha ("https://github.com/o/r/commit/");
  // "" when the repository's web address is not known (then a click does nothing).
  std::string commit_url;
  std::vector<BenchmarkChart> charts;
  std::vector<MeasurementWarning> warnings;  // the newest night's results that are not measurements
};

std::string render_html_report(const HtmlReport& report);

// The charts' nights as the page's JSON document (report/html_data.cpp);
// every '<' escaped, so it sits inside a <script> element as it is.
std::string html_chart_data(const HtmlReport& report);

// How far the benchmark's newest night moved the bad way, for sorting: the
// largest change of its alerting results, positive when worse (p95 +35 %:
// 0.35; throughput -20 %: 0.2; an improvement is negative); 0 with none.
double worse_change(const BenchmarkChart& chart);

// `text` safe inside HTML text and attribute values.
std::string escape_html(const std::string& text);

}  // namespace perfwatch
