// Dart's benchmark_harness, as its emitters print a score:
//   Template(RunTime): 0.1568472448997197 us.       BenchmarkBase.report (PrintEmitter)
//   Template(CpuCycles): 12345.0                     PerfBenchmarkBase (PrintEmitterV2)
//   Template.totalIterations(Count): 1000.0
// RunTime is the mean time of one exercise() (ten run()s, or one for
// AsyncBenchmarkBase), in microseconds, kept in ns; a script that reports a
// benchmark several times gives that many samples. Any other metric (perf's
// CpuCycles, MajorPageFaults) is a count of its own, "<name>:<metric>";
// the iteration Count is how long it ran, not a measurement, and is left out.
#include <map>

#include "adapters/adapter.hpp"
#include "adapters/text_input.hpp"

namespace perfwatch {
namespace {

using namespace text_input;

struct Score {
  std::string name, metric;
  std::string_view value, unit;
};

// "name(Metric): value[ unit]"; nullopt for any other line.
std::optional<Score> score_line(std::string_view t) {
  const size_t close = t.find("): ");
  if (close == std::string_view::npos) return std::nullopt;
  const size_t open = t.rfind('(', close);
  if (open == std::string_view::npos || open == 0) return std::nullopt;
  const std::string_view metric = t.substr(open + 1, close - open - 1);
  if (metric.empty() || metric.find(' ') != std::string_view::npos) return std::nullopt;
  const auto words = split_whitespace(t.substr(close + 3));
  if (words.empty() || words.size() > 2 || !parse_number(words[0])) return std::nullopt;
  return Score{std::string(t.substr(0, open)), std::string(metric), words[0], words.size() == 2 ? words[1] : ""};
}

}  // namespace

bool looks_like_dart_benchmark(std::string_view text) {
  for (const Line& line : split_lines(text))
    if (const auto s = score_line(trim(line.text)); s && s->metric == "RunTime" && s->unit == "us.") return true;
  return false;
}

SuiteResult parse_dart_benchmark(std::string_view text, const std::string& source) {
  SuiteResult suite;
  std::map<std::string, size_t> index;
  for (const Line& line : split_lines(text)) {
    const auto s = score_line(trim(line.text));
    if (!s || s->metric == "Count") continue;
    const double value = require_number_at(s->value, source, line.number, s->name + "(" + s->metric + ")");
    if (value < 0) fail_at(source, line.number, s->name + "(" + s->metric + ")", "a non-negative score", s->value);
    if (s->metric == "RunTime") {
      if (s->unit != "us." && s->unit != "us")
        fail_at(source, line.number, s->name + "(RunTime)", "a time in us (\"0.157 us.\")", s->unit);
      add_latency_sample(suite, index, s->name, value * 1e3);
      continue;
    }
    add_sample(suite, index, s->name + ":" + s->metric, s->unit.empty() ? s->metric : std::string(s->unit), value);
  }
  if (suite.benchmarks.empty())
    throw input_error(source + ": expected benchmark_harness lines (\"Template(RunTime): 0.157 us.\"), found none");
  return suite;
}

}  // namespace perfwatch
