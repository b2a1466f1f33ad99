// Luau's benchmark runner (bench/bench.py of the Luau repository), its
// stdout:
//   SUCCESS: base64                                  :   15.041ms +/-  0.636% on luau
// then a results table (Test | Min | Average | StdDev% | Driver). Each
// SUCCESS line is a test's average over its runs, in ms, kept in ns: one
// value a test, so the run is aggregate-only (bench.py prints no runs).
// "FAILED:  'name' on 'vm'" is that test's failure. The table repeats the
// SUCCESS lines' averages and is not read again.
#include <map>

#include "adapters/adapter.hpp"
#include "adapters/text_input.hpp"

namespace perfwatch {
namespace {

using namespace text_input;

struct Success {
  std::string name;
  std::string_view average;  // "15.041ms"
};

// "SUCCESS: name   :   15.041ms +/-  0.636% on luau"
std::optional<Success> success_line(std::string_view t) {
  if (!t.starts_with("SUCCESS:")) return std::nullopt;
  const std::string_view rest = t.substr(8);
  const size_t plus = rest.rfind("+/-"), colon = rest.rfind(" : ", plus);
  if (plus == std::string_view::npos || colon == std::string_view::npos) return std::nullopt;
  return Success{std::string(trim(rest.substr(0, colon))), trim(rest.substr(colon + 3, plus - colon - 3))};
}

}  // namespace

bool looks_like_luau(std::string_view text) {
  for (const Line& line : split_lines(text))
    if (const auto s = success_line(trim(line.text)); s && s->average.ends_with("ms")) return true;
  return false;
}

SuiteResult parse_luau(std::string_view text, const std::string& source) {
  SuiteResult suite;
  suite.aggregate_only = true;
  std::map<std::string, size_t> index;
  for (const Line& line : split_lines(text)) {
    const std::string_view t = trim(line.text);
    if (const auto s = success_line(t)) {
      if (!s->average.ends_with("ms")) fail_at(source, line.number, s->name, "an average in ms (\"15.041ms\")", s->average);
      const double ms = require_number_at(s->average.substr(0, s->average.size() - 2), source, line.number, s->name);
      if (ms < 0) fail_at(source, line.number, s->name, "a non-negative time", s->average);
      add_latency_sample(suite, index, s->name, ms * 1e6);
    } else if (t.starts_with("FAILED:")) {
      const size_t open = t.find('\''), close = t.find('\'', open + 1);
      if (open == std::string_view::npos || close == std::string_view::npos) continue;
      BenchmarkResult b;
      b.name = std::string(t.substr(open + 1, close - open - 1));
      b.failure = "Luau bench: " + std::string(trim(t.substr(7)));
      suite.benchmarks.push_back(std::move(b));
    }
  }
  if (suite.benchmarks.empty())
    throw input_error(source + ": expected Luau bench.py lines (\"SUCCESS: name : 15.041ms +/- 0.636% on luau\"), found none");
  return suite;
}

}  // namespace perfwatch
