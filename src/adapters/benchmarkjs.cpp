// benchmark.js's text, what String(benchmark) prints in a 'cycle' handler:
//   RegExp#test x 84,031,574 ops/sec ±1.22% (96 runs sampled)
// One throughput value (ops/s) a benchmark, so the run is aggregate-only.
// A benchmark that threw prints "name: " and the error's text, if any.
#include "adapters/adapter.hpp"
#include "adapters/text_input.hpp"

namespace perfwatch {

using namespace text_input;

SuiteResult parse_benchmarkjs(std::string_view text, const std::string& source) {
  SuiteResult suite;
  suite.aggregate_only = true;
  for (const Line& line : split_lines(text)) {
    const std::string_view t = trim(line.text);
    const size_t x = t.rfind(" x ");
    const size_t ops = t.find(" ops/sec", x == std::string_view::npos ? 0 : x);
    if (x != std::string_view::npos && ops != std::string_view::npos) {
      BenchmarkResult b;
      b.name = std::string(t.substr(0, x));
      const std::string_view value = t.substr(x + 3, ops - x - 3);
      b.throughput = Series{"ops/s", {require_number_at(value, source, line.number, b.name + " ops/sec", true)}};
      suite.benchmarks.push_back(std::move(b));
      continue;
    }
    // "name: " (benchmark.js 2.x prints an Error object as nothing) or "name: TypeError: ...".
    const size_t colon = t.find(": ");
    const bool bare = t.size() > 1 && t.back() == ':' && t.find(": ") == std::string_view::npos;
    const bool error_text = colon != std::string_view::npos && t.find("Error", colon) != std::string_view::npos;
    if (bare || error_text) {
      BenchmarkResult b;
      b.name = std::string(bare ? t.substr(0, t.size() - 1) : t.substr(0, colon));
      const std::string why = bare ? "" : std::string(trim(t.substr(colon + 2)));
      b.failure = why.empty() ? "benchmark.js: the benchmark threw" : why;
      suite.benchmarks.push_back(std::move(b));
    }
  }
  if (suite.benchmarks.empty())
    throw input_error(source + ": expected benchmark.js lines (\"name x 1,234 ops/sec ±0.5% (90 runs sampled)\"), found none");
  return suite;
}

}  // namespace perfwatch
