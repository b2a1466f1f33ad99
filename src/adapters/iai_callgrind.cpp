// iai-callgrind's terminal report (`cargo bench` of its library and binary
// benchmarks), and Gungraun's, as iai-callgrind is called since 0.17 (the
// same layout; its summary line says "Gungraun result:"):
//   lib::group::bench_fibonacci short:10
//     Instructions:                2805|1734            (+61.7647%) [+1.61765x]
//     L1 Hits:                     3815|2359            (+61.7211%) [+1.61721x]
// A benchmark is its header line (module::group::function, then its id; a
// binary benchmark's " -> command" is cut off); the value left of '|' is this
// run's, the one right of it the previous run's (not kept). Instructions are
// the benchmark's instruction count (counted by callgrind, so comparable with
// perfwatch's own callgrind counts); every other event count (L1 Hits, RAM
// Hits, Estimated Cycles, DHAT's bytes and blocks, ...) is a benchmark of its
// own, "<benchmark>:<event>", a count where lower is better. Hit and miss
// rates are left out: they are ratios of the counts kept, and a hit rate is
// better higher. "Comparison with ..." blocks (compare_by_id) repeat another
// benchmark's counts and are skipped, as are "Baselines:" lines and the
// benchmarks' own output. A metric whose name ends in a time unit in
// brackets (Gungraun's perf metrics: "task-clock/u [us]") is a time, kept in
// ns, not a count.
#include <map>

#include "adapters/adapter.hpp"
#include "adapters/text_input.hpp"
#include "model/units.hpp"

namespace perfwatch {
namespace {

using namespace text_input;

bool is_summary(std::string_view line) {
  return line.starts_with("Iai-Callgrind result:") || line.starts_with("Gungraun result:");
}

bool is_header(std::string_view line) {
  return !line.empty() && line[0] != ' ' && line[0] != '\t' && line.find("::") != std::string_view::npos &&
         !is_summary(line);
}

// "task-clock/u [us]" -> "us"; "" without a time unit in brackets.
std::string bracketed_time_unit(std::string_view name) {
  const size_t open = name.rfind(" [");
  if (open == std::string_view::npos || !name.ends_with("]")) return "";
  const std::string unit(name.substr(open + 2, name.size() - open - 3));
  return nanoseconds_per(unit) ? unit : "";
}

struct MetricLine {
  std::string_view name, value;
};

// "  Name:   1234|N/A  (...)": the name and this run's value.
std::optional<MetricLine> metric_line(std::string_view line) {
  if (!line.starts_with("  ")) return std::nullopt;
  const std::string_view t = trim(line);
  const size_t colon = t.find(':'), bar = t.find('|');
  if (colon == std::string_view::npos || bar == std::string_view::npos || bar < colon) return std::nullopt;
  return MetricLine{t.substr(0, colon), trim(t.substr(colon + 1, bar - colon - 1))};
}

bool is_rate(std::string_view name) { return name.ends_with(" Rate"); }

std::string unit_of(std::string_view name) {
  if (name.ends_with("bytes")) return "bytes";
  if (name.ends_with("blocks")) return "blocks";
  if (name == "Estimated Cycles") return "cycles";
  return "events";
}

}  // namespace

bool looks_like_iai_callgrind(std::string_view text) {
  for (const Line& line : split_lines(text)) {
    if (is_summary(line.text)) return true;
    const auto m = metric_line(line.text);
    if (m && m->name == "Instructions" && parse_number(m->value)) return true;
  }
  return false;
}

SuiteResult parse_iai_callgrind(std::string_view text, const std::string& source) {
  SuiteResult suite;
  std::map<std::string, size_t> index;  // benchmark name -> its place in suite
  std::string current;                  // the benchmark whose counts follow
  bool comparison = false;              // inside a "Comparison with" block
  for (const Line& line : split_lines(text)) {
    if (is_header(line.text)) {
      std::string_view header = trim(line.text);
      if (const size_t arrow = header.find(" -> "); arrow != std::string_view::npos) header = trim(header.substr(0, arrow));
      current = std::string(header);
      comparison = false;
      continue;
    }
    if (trim(line.text).starts_with("Comparison with ")) comparison = true;
    const auto m = metric_line(line.text);
    if (!m || current.empty() || comparison || m->name == "Baselines" || is_rate(m->name)) continue;
    if (m->value == "N/A") continue;  // not measured by this run
    const double value = require_number_at(m->value, source, line.number, std::string(m->name), false);
    if (value < 0) fail_at(source, line.number, std::string(m->name), "a non-negative count", m->value);
    const bool instructions = m->name == "Instructions";
    const std::string name = instructions ? current : current + ":" + std::string(m->name);
    if (!instructions) {
      const std::string time = bracketed_time_unit(m->name);
      add_sample(suite, index, name, time.empty() ? unit_of(m->name) : time, value);
      continue;
    }
    BenchmarkResult& b = benchmark_named(suite, index, name);
    if (!b.instructions) b.instructions = Series{"instructions", {}};
    b.instructions_source = "callgrind";
    b.instructions->values.push_back(value);
  }
  for (BenchmarkResult& b : suite.benchmarks)
    if (b.latency) normalise_time_unit(*b.latency);
  if (suite.benchmarks.empty())
    throw input_error(source + ": expected iai-callgrind's report (a \"module::group::bench\" line, then "
                               "\"  Instructions:  1734|N/A\" lines), found none");
  return suite;
}

}  // namespace perfwatch
