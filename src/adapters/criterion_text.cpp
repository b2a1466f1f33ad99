// Criterion.rs's report on stdout (`cargo bench` with Criterion, no
// `--output-format bencher`):
//   fib 20                  time:   [26.029 us 26.251 us 26.505 us]
//   parser/a_name_longer_than_23_characters
//                           time:   [1.2345 µs 1.2456 µs 1.2567 µs]
//                           thrpt:  [75.891 MiB/s 76.567 MiB/s 77.246 MiB/s]
// (src/report.rs: an id longer than 23 characters gets a line of its own).
// One value a benchmark, Criterion's point estimate (the middle figure), so
// the run is aggregate-only; its interval, the throughput (the same estimate
// as a rate), the change against Criterion's own saved baseline and the
// --verbose lines are not kept. A "time:" of percentages is that change.
// Units: ps, ns, us/µs/μs, ms, s; a custom measurement's unit is kept as it
// is (a count). ANSI colours (a terminal's) are taken off first.
#include "adapters/adapter.hpp"
#include "adapters/text_input.hpp"
#include "model/units.hpp"

namespace perfwatch {
namespace {

using namespace text_input;

std::string without_colours(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\x1b' && i + 1 < s.size() && s[i + 1] == '[') {
      i += 2;
      while (i < s.size() && !(s[i] >= '@' && s[i] <= '~')) ++i;  // up to the final byte ('m')
      continue;
    }
    out += s[i];
  }
  return out;
}

// "[26.029 us 26.251 us 26.505 us]": the middle value and its unit; nullopt
// for a change line's percentages.
struct Estimate {
  double value;
  std::string unit;
};
std::optional<Estimate> estimate_of(std::string_view bracket, const std::string& source, size_t line, const std::string& name) {
  if (!bracket.starts_with('[') || bracket.find(']') == std::string_view::npos)
    fail_at(source, line, name + " time", "\"[low unit estimate unit high unit]\"", bracket);
  const auto words = split_whitespace(bracket.substr(1, bracket.find(']') - 1));
  if (!words.empty() && words[0].ends_with("%")) return std::nullopt;
  if (words.size() != 6) fail_at(source, line, name + " time", "three values with their units", bracket);
  const double value = require_number_at(words[2], source, line, name + " time estimate");
  if (value < 0) fail_at(source, line, name + " time estimate", "a non-negative number", words[2]);
  return Estimate{value, std::string(words[3])};
}

Series series_of(const Estimate& e) {
  if (e.unit == "ps") return Series{"ns", {e.value / 1e3}};
  if (const auto ns = nanoseconds_per(e.unit)) return Series{"ns", {e.value * *ns}};
  return Series{e.unit, {e.value}};  // a custom measurement's unit (cycles, ...)
}

}  // namespace

bool looks_like_criterion_text(std::string_view text) {
  for (const Line& line : split_lines(text)) {
    const std::string t = without_colours(line.text);
    const size_t at = t.find("time:   [");
    if (at != std::string::npos && t.find(']', at) != std::string::npos && t.find('%', at) == std::string::npos) return true;
  }
  return false;
}

SuiteResult parse_criterion_text(std::string_view text, const std::string& source) {
  SuiteResult suite;
  suite.aggregate_only = true;
  std::string pending;  // an id printed on a line of its own, waiting for its "time:"
  for (const Line& line : split_lines(text)) {
    const std::string plain = without_colours(line.text);
    const std::string_view t = trim(plain);
    const size_t at = t.find("time:");
    if (at == std::string_view::npos || (at > 0 && t[at - 1] != ' ')) {
      // Anything but Criterion's own progress and statistics lines may be an id alone.
      const bool criterion_line = t.empty() || t.starts_with("Benchmarking ") || t.starts_with("Found ") ||
                                  t.starts_with("thrpt:") || t.starts_with("change:") || t.starts_with("Running ") ||
                                  t.starts_with("slope ") || t.starts_with("mean ") || t.starts_with("median ") ||
                                  t.starts_with("Performance has") || t.starts_with("No change") ||
                                  t.starts_with("Change within") || std::isdigit(static_cast<unsigned char>(t[0]));
      if (!criterion_line) pending = std::string(t);
      continue;
    }
    std::string name = std::string(trim(t.substr(0, at)));
    if (name.empty()) name = pending;
    const auto e = estimate_of(trim(t.substr(at + 5)), source, line.number, name.empty() ? "(unnamed)" : name);
    if (!e) continue;  // a change line: "time: [+1.0% +2.0% +3.1%]"
    if (name.empty()) fail_at(source, line.number, "time", "a benchmark id before it", t);
    pending.clear();
    BenchmarkResult b;
    b.name = name;
    b.latency = series_of(*e);
    suite.benchmarks.push_back(std::move(b));
  }
  if (suite.benchmarks.empty())
    throw input_error(source + ": expected Criterion.rs report lines (\"name   time:   [1.2 us 1.3 us 1.4 us]\"), found none");
  return suite;
}

}  // namespace perfwatch
