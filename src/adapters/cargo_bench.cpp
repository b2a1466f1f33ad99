// libtest's `cargo bench` text (#[bench], nightly or RUSTC_BOOTSTRAP=1), and
// Criterion's `--output-format bencher`, which prints the same lines in its
// measurement's unit (ns, or a custom one: "cycles/iter", or a rate, "MS/s"):
//   test parse_small ... bench:          10.75 ns/iter (+/- 0.26)
//   test parse_large ... bench:       5,112.08 ns/iter (+/- 238.00) = 1173 MB/s
//   test panics      ... FAILED
// One value a benchmark (libtest keeps its samples to itself), so the run is
// aggregate-only; the "+/-" (max - min of its samples) has no place to go.
// A failure's reason is the first line of its "---- name stdout ----" section
// that says "panicked" or follows it.
#include <map>

#include "adapters/adapter.hpp"
#include "adapters/text_input.hpp"
#include "model/units.hpp"

namespace perfwatch {

using namespace text_input;

SuiteResult parse_cargo_bench(std::string_view text, const std::string& source) {
  SuiteResult suite;
  suite.aggregate_only = true;
  std::map<std::string, size_t> failed;  // name -> index in suite.benchmarks
  std::string reason_for;
  for (const Line& line : split_lines(text)) {
    const std::string_view t = trim(line.text);
    if (t.rfind("---- ", 0) == 0 && t.ends_with(" stdout ----")) {
      reason_for = std::string(t.substr(5, t.size() - 5 - 12));
      continue;
    }
    if (!reason_for.empty() && failed.count(reason_for) && !t.empty()) {
      if (t.find("panicked at") != std::string_view::npos) continue;  // the next line is the message
      suite.benchmarks[failed[reason_for]].failure = std::string(t);
      reason_for.clear();  // one line says why
      continue;
    }
    if (t.rfind("test ", 0) != 0) continue;
    const size_t dots = t.find(" ... ");
    if (dots == std::string_view::npos) continue;
    const std::string name(trim(t.substr(5, dots - 5)));
    const std::string_view outcome = trim(t.substr(dots + 5));
    if (outcome == "FAILED") {
      BenchmarkResult b;
      b.name = name;
      b.failure = "cargo bench: FAILED";
      b.errors = 1;
      b.requests = 1;
      failed[name] = suite.benchmarks.size();
      suite.benchmarks.push_back(std::move(b));
      continue;
    }
    if (outcome.rfind("bench:", 0) != 0) continue;  // "ok", "ignored": a test, not a benchmark
    const std::vector<std::string_view> words = split_whitespace(outcome.substr(6));
    const bool rate = words.size() >= 2 && words[1].ends_with("/s") && words[1].size() > 2;
    if (words.size() < 2 || (!rate && (!words[1].ends_with("/iter") || words[1].size() == 5)))
      fail_at(source, line.number, name, "\"<number> <unit>/iter\" (ns/iter, cycles/iter, ...) or a rate (\"<number> MB/s\")", outcome);
    BenchmarkResult b;
    b.name = name;
    if (rate) {  // a custom measurement that is a rate ("1911 MS/s"): higher is better
      b.throughput = Series{std::string(words[1]), {require_number_at(words[0], source, line.number, name + " " + std::string(words[1]), true)}};
      suite.benchmarks.push_back(std::move(b));
      continue;
    }
    // Time in any unit is kept in ns; a custom measurement's unit (Criterion's
    // bencher output: cycles, instructions) is kept as it is, lower is better.
    const std::string_view unit = words[1].substr(0, words[1].size() - 5);
    const double value = require_number_at(words[0], source, line.number, name + " " + std::string(words[1]), true);
    if (const auto ns = nanoseconds_per(unit)) b.latency = Series{"ns", {value * *ns}};
    else b.latency = Series{std::string(words[1]), {value}};
    for (size_t k = 2; k + 2 < words.size(); ++k) {
      if (words[k] == "=" && words[k + 2] == "MB/s")
        b.throughput = Series{"MB/s", {require_number_at(words[k + 1], source, line.number, name + " MB/s", true)}};
    }
    suite.benchmarks.push_back(std::move(b));
  }
  if (suite.benchmarks.empty())
    throw input_error(source + ": expected libtest bench lines (\"test name ... bench: 123 ns/iter (+/- 4)\"), found none");
  return suite;
}

}  // namespace perfwatch
