// Catch2's console reporter (its default), v2 and v3: the benchmark tables
//
//   benchmark name                       samples       iterations    estimated
//                                        mean          low mean      high mean
//                                        std dev       low std dev   high std dev
//   -------------------------------------------------------------------------------
//   fib 15                                          20            30     1.9242 ms
//                                           1.77143 us    1.75256 us    1.83251 us
//                                           71.1953 ns    10.7921 ns    134.025 ns
//
// under each test case's header. As with the XML reporter (catch2.cpp), a
// benchmark is "<test case>/<benchmark>" and its mean is the one value (the
// run is aggregate-only); "Benchmark failed (why)" is a failure. With
// --benchmark-no-analysis the table has one line a benchmark, the mean last.
// A name too long for its column is wrapped by Catch2 over several lines;
// they are joined with spaces (-r xml keeps names exact).
#include <optional>

#include "adapters/adapter.hpp"
#include "adapters/text_input.hpp"
#include "model/units.hpp"

namespace perfwatch {
namespace {

using text_input::Line;
using text_input::trim;

bool is_rule(std::string_view t, char c) { return t.size() >= 40 && t.find_first_not_of(c) == std::string_view::npos; }

// "<number> <unit>" at words[i], words[i + 1], in ns.
std::optional<double> duration_at(const std::vector<std::string_view>& words, size_t i) {
  if (i + 1 >= words.size()) return std::nullopt;
  const auto value = text_input::parse_number(words[i]);
  const auto unit = nanoseconds_per(words[i + 1]);
  if (!value || !unit || *value < 0) return std::nullopt;
  return *value * *unit;
}

// A benchmark's first line: the (end of its) name, then samples, iterations
// and a duration (estimated run time, or the mean without analysis).
struct FirstRow {
  std::string_view name;
  double duration_ns = 0;
};

std::optional<FirstRow> first_row(std::string_view text) {
  const std::vector<std::string_view> words = text_input::split_whitespace(text);
  if (words.size() < 4) return std::nullopt;
  const size_t n = words.size();
  const auto samples = text_input::parse_number(words[n - 4]), iterations = text_input::parse_number(words[n - 3]);
  const auto duration = duration_at(words, n - 2);
  if (!samples || !iterations || !duration) return std::nullopt;
  // The name is what comes before the samples column, as printed.
  const size_t at = static_cast<size_t>(words[n - 4].data() - text.data());
  return FirstRow{trim(text.substr(0, at)), *duration};
}

std::string joined(const std::vector<std::string_view>& parts) {
  std::string name;
  for (std::string_view p : parts) {
    if (!name.empty()) name += ' ';
    name += p;
  }
  return name;
}

}  // namespace

bool looks_like_catch2_console(std::string_view text) {
  for (const Line& line : text_input::split_lines(text.substr(0, 1 << 16))) {
    const std::string_view t = trim(line.text);
    if (t.starts_with("benchmark name") && t.find("samples") != std::string_view::npos &&
        t.find("iterations") != std::string_view::npos)
      return true;
  }
  return false;
}

SuiteResult parse_catch2_console(std::string_view text, const std::string& source) {
  SuiteResult suite;
  suite.aggregate_only = true;
  const std::vector<Line> lines = text_input::split_lines(text);
  std::string test_case;
  bool in_table = false, analysis = true;
  std::vector<std::string_view> pending;  // name lines of the benchmark being read
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string_view raw = lines[i].text, t = trim(raw);
    if (t.starts_with("benchmark name")) {
      analysis = t.find("estimated") != std::string_view::npos || t.find("est run time") != std::string_view::npos;
      while (i + 1 < lines.size() && !is_rule(trim(lines[i + 1].text), '-')) ++i;  // the header's other lines
      ++i;
      in_table = true;
      pending.clear();
      continue;
    }
    if (is_rule(t, '.') && i >= 3 && is_rule(trim(lines[i - 2].text), '-')) {
      // The end of a test case's header: a rule, its name (sections indented
      // below it), a rule, the source location, this line of dots.
      size_t first = i - 3;
      while (first > 0 && !is_rule(trim(lines[first - 1].text), '-')) --first;
      test_case = std::string(trim(lines[first].text));
      in_table = false;
      continue;
    }
    if (is_rule(t, '-') || is_rule(t, '=')) {
      in_table = false;
      continue;
    }
    if (!in_table) continue;
    if (t.empty()) {
      pending.clear();
      continue;
    }
    const std::string prefix = test_case.empty() ? "" : test_case + "/";
    if (const size_t failed = t.find("Benchmark failed ("); failed != std::string_view::npos) {
      pending.push_back(trim(t.substr(0, failed)));
      BenchmarkResult b;
      b.name = prefix + joined(pending);
      std::string_view why = t.substr(failed + 18);
      if (why.ends_with(")")) why.remove_suffix(1);
      b.failure = std::string(why);  // as the XML reporter's <failed message>
      suite.benchmarks.push_back(std::move(b));
      pending.clear();
      continue;
    }
    const auto row = first_row(t);
    if (!row) {
      pending.push_back(t);  // a wrapped name's first lines
      continue;
    }
    pending.push_back(row->name);
    BenchmarkResult b;
    b.name = prefix + joined(pending);
    pending.clear();
    double mean = row->duration_ns;
    if (analysis) {
      const auto words = i + 1 < lines.size() ? text_input::split_whitespace(lines[i + 1].text) : std::vector<std::string_view>{};
      const auto value = duration_at(words, 0);
      if (!value || words.size() != 6)
        text_input::fail_at(source, i + 1 < lines.size() ? lines[i + 1].number : lines[i].number, b.name + ": mean",
                            "Catch2's line of mean, low mean and high mean (\"1.77 us 1.75 us 1.83 us\")",
                            i + 1 < lines.size() ? trim(lines[i + 1].text) : std::string_view("end of file"));
      mean = *value;
      i += 2;  // the mean line, then the standard deviation's
    }
    b.latency = Series{"ns", {mean}};
    suite.benchmarks.push_back(std::move(b));
  }
  if (suite.benchmarks.empty())
    throw input_error(source + ": Catch2 console output: expected benchmark tables (\"benchmark name  samples  iterations\"), "
                               "found none (run the benchmarks: \"[!benchmark]\")");
  return suite;
}

}  // namespace perfwatch
