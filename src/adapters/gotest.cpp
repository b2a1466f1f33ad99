// `go test -bench` text output, with -count N (each count is one line, so
// one sample) and -benchmem. ns/op is the latency sample, MB/s (b.SetBytes)
// the throughput; every other unit (B/op, allocs/op, b.ReportMetric's) is a
// benchmark of its own named "<name>:<unit>", lower is better unless the
// unit is a rate ("/s"); a benchmark that reports only such units (its
// ns/op zeroed) is those benchmarks alone. "--- FAIL: BenchmarkX" records a failure.
#include <map>
#include <set>

#include "adapters/adapter.hpp"
#include "adapters/text_input.hpp"

namespace perfwatch {
namespace {

using namespace text_input;

struct GoBenchmark {
  std::string package;
  std::string name;  // as printed, "-N" (GOMAXPROCS) suffix still on
  BenchmarkResult result;
  std::map<std::string, Series> extra;  // unit -> samples
  bool measured = false;                // has a result line ("--- FAIL" names carry no suffix)
};

bool is_rate(std::string_view unit) { return unit.size() > 2 && unit.substr(unit.size() - 2) == "/s"; }

void add_measurements(GoBenchmark& g, const std::vector<std::string_view>& words, size_t first, const std::string& source,
                      size_t line) {
  if ((words.size() - first) % 2 != 0)
    fail_at(source, line, g.name, "value and unit pairs after the iteration count", words.back());
  for (size_t k = first; k + 1 < words.size(); k += 2) {
    const std::string unit(words[k + 1]);
    const double value = require_number_at(words[k], source, line, g.name + " " + unit);
    if (value < 0) fail_at(source, line, g.name + " " + unit, "a non-negative number", words[k]);
    Series* series = nullptr;
    if (unit == "ns/op") {
      if (!g.result.latency) g.result.latency = Series{"ns", {}};
      series = &*g.result.latency;
    } else if (unit == "MB/s") {
      if (!g.result.throughput) g.result.throughput = Series{"MB/s", {}};
      series = &*g.result.throughput;
    } else {
      series = &g.extra.try_emplace(unit, Series{unit, {}}).first->second;
    }
    series->values.push_back(value);
  }
}

// "-2" when every benchmark line carries the same GOMAXPROCS suffix.
std::string common_procs_suffix(const std::vector<GoBenchmark>& all) {
  std::string suffix;
  for (const GoBenchmark& g : all) {
    if (!g.measured) continue;
    const size_t dash = g.name.find_last_of('-');
    if (dash == std::string::npos || dash + 1 == g.name.size() ||
        g.name.find_first_not_of("0123456789", dash + 1) != std::string::npos)
      return "";
    const std::string s = g.name.substr(dash);
    if (!suffix.empty() && s != suffix) return "";
    suffix = s;
  }
  return suffix;
}

}  // namespace

SuiteResult parse_gotest(std::string_view text, const std::string& source) {
  std::vector<GoBenchmark> all;
  std::map<std::pair<std::string, std::string>, size_t> index;
  std::string package, pending_name, failing;
  auto find = [&](const std::string& name) -> GoBenchmark& {
    auto [it, inserted] = index.try_emplace({package, name}, all.size());
    if (inserted) all.push_back(GoBenchmark{package, name, {}, {}, false});
    return all[it->second];
  };
  for (const Line& line : split_lines(text)) {
    const std::string_view t = trim(line.text);
    if (t.rfind("pkg: ", 0) == 0) {
      package = std::string(trim(t.substr(5)));
    } else if (t.rfind("--- FAIL: Benchmark", 0) == 0) {
      failing = std::string(trim(t.substr(10)));
      GoBenchmark& g = find(failing);
      g.result.failure = "go test: benchmark failed";
      g.result.errors = g.result.errors.value_or(0) + 1;
    } else if (!failing.empty() && line.text.rfind("    ", 0) == 0 && !t.empty()) {
      find(failing).result.failure = std::string(t);  // the first log line says why
      failing.clear();
    } else if (line.text.rfind("Benchmark", 0) == 0 || (!pending_name.empty() && !t.empty() && std::isdigit(static_cast<unsigned char>(t[0])))) {
      failing.clear();
      std::vector<std::string_view> words = split_whitespace(t);
      std::string name;
      size_t first = 0;
      if (line.text.rfind("Benchmark", 0) == 0) {
        name = std::string(words[0]);
        first = 1;
        if (words.size() == 1) {  // the benchmark logged output: its figures follow on a later line
          pending_name = name;
          continue;
        }
      } else {
        name = pending_name;
      }
      pending_name.clear();
      if (words.size() < first + 3) continue;  // "BenchmarkX-2  --- FAIL" and other chatter
      if (!parse_number(words[first])) fail_at(source, line.number, name, "the iteration count", words[first]);
      GoBenchmark& g = find(name);
      g.measured = true;
      add_measurements(g, words, first + 1, source, line.number);
    } else if (!t.empty() && line.text[0] != ' ' && line.text[0] != '\t') {
      failing.clear();
    }
  }
  if (all.empty())
    throw input_error(source + ": expected `go test -bench` lines (\"BenchmarkName-8  1000  1234 ns/op\"), found none");
  // Final names: the GOMAXPROCS suffix off, the package on where two share a name.
  const std::string suffix = common_procs_suffix(all);
  auto final_name = [&](const GoBenchmark& g) {
    std::string name = g.name;
    if (g.measured && !suffix.empty() && name.size() > suffix.size() && name.ends_with(suffix))
      name.resize(name.size() - suffix.size());
    return name;
  };
  std::map<std::string, std::set<std::string>> packages_of;
  for (const GoBenchmark& g : all) packages_of[final_name(g)].insert(g.package);
  std::vector<GoBenchmark> merged;
  std::map<std::string, size_t> merged_index;
  for (GoBenchmark& g : all) {
    std::string name = final_name(g);
    if (packages_of[name].size() > 1 && !g.package.empty()) name = g.package + "/" + name;
    auto [it, inserted] = merged_index.try_emplace(name, merged.size());
    if (inserted) {
      g.result.name = name;
      merged.push_back(std::move(g));
      continue;
    }
    BenchmarkResult& into = merged[it->second].result;  // a "--- FAIL" line of a benchmark that also has results
    if (g.result.failure) into.failure = g.result.failure;
    if (g.result.errors) into.errors = into.errors.value_or(0) + *g.result.errors;
  }
  SuiteResult suite;
  for (GoBenchmark& g : merged) {
    BenchmarkResult& r = g.result;
    if (r.latency && r.errors) r.requests = static_cast<std::int64_t>(r.latency->values.size()) + *r.errors;
    if (r.latency || r.throughput) r.failure.reset();  // some counts ran: the failures stay counted as errors
    // Only b.ReportMetric's units (ns/op reported as 0 is left out of the
    // line): those are the benchmarks, there is no time to keep.
    const bool custom_only = !r.latency && !r.throughput && !r.failure && !g.extra.empty();
    if (!custom_only) check_benchmark(r, source, r.name);
    for (auto& [unit, series] : g.extra) {
      BenchmarkResult extra;
      extra.name = r.name + ":" + unit;
      (is_rate(unit) ? extra.throughput : extra.latency) = std::move(series);
      suite.benchmarks.push_back(std::move(extra));
    }
    if (!custom_only) suite.benchmarks.insert(suite.benchmarks.end() - static_cast<std::ptrdiff_t>(g.extra.size()), std::move(r));
  }
  return suite;
}

}  // namespace perfwatch
