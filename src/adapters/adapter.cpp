#include "adapters/adapter.hpp"

#include "model/units.hpp"

namespace perfwatch {

const std::vector<Adapter>& adapters() {
  static const std::vector<Adapter> all = {
      {"perfwatch", "perfwatch's native JSON", parse_perfwatch},
      {"gbench", "Google Benchmark JSON (--benchmark_format=json)", parse_gbench},
      {"catch2", "Catch2: its console reporter (the default) or -r xml, v2 and v3", parse_catch2},
      {"hyperfine", "hyperfine --export-json", parse_hyperfine},
      {"pytest-benchmark", "pytest-benchmark --benchmark-json (or a saved run)", parse_pytest_benchmark},
      {"gotest", "go test -bench text (-count, -benchmem)", parse_gotest},
      {"criterion", "Rust Criterion.rs: the target/criterion folder", parse_criterion},
      {"cargo-bench", "libtest's cargo bench text", parse_cargo_bench},
      {"jmh", "JMH JSON (-rf json)", parse_jmh},
      {"benchmarkdotnet", "BenchmarkDotNet full JSON exporter", parse_benchmarkdotnet},
      {"benchmarkjs", "benchmark.js text (\"name x 1,234 ops/sec ...\")", parse_benchmarkjs},
      {"criterion-text", "Criterion.rs's report on stdout (\"name  time:   [1.2 us 1.3 us 1.4 us]\")", parse_criterion_text},
      {"vitest", "vitest bench --outputJson", parse_vitest},
      {"console-time", "console.time output (\"label: 1.234ms\")", parse_console_time},
      {"ruby-benchmark", "Ruby's Benchmark.bm / bmbm text", parse_ruby_benchmark},
      {"benchmark-ips", "Ruby benchmark-ips JSON (x.json!) or text", parse_benchmark_ips},
      {"iai-callgrind", "iai-callgrind's and Gungraun's cargo bench report (instruction and event counts)", parse_iai_callgrind},
      {"asv", "airspeed velocity (asv) result files, version 1 and 2", parse_asv},
      {"julia-benchmarktools", "Julia BenchmarkTools JSON (BenchmarkTools.save)", parse_julia},
      {"luau-bench", "Luau's bench/bench.py output", parse_luau},
      {"dart-benchmark-harness", "Dart benchmark_harness scores (\"Name(RunTime): 1.2 us.\")", parse_dart_benchmark},
      {"k6-csv", "k6 --out csv data points", parse_k6_csv},
      {"k6", "k6 --summary-export or handleSummary JSON", parse_k6},
      {"locust", "Locust --csv _stats.csv or _stats_history.csv", parse_locust},
      {"jmeter", "JMeter JTL results as CSV", parse_jmeter},
      {"bmf", "Bencher Metric Format JSON", parse_bmf},
      {"custom-smaller-is-better", "github-action-benchmark's customSmallerIsBetter JSON", parse_custom_smaller_is_better},
      {"custom-bigger-is-better", "github-action-benchmark's customBiggerIsBetter JSON", parse_custom_bigger_is_better},
  };
  return all;
}

std::string adapter_names() {
  std::string names;
  for (const Adapter& a : adapters()) {
    if (!names.empty()) names += ", ";
    names += a.name;
  }
  return names;
}

namespace {

// A series' direction comes from its unit, whichever slot a format put it
// in: a rate ("MB/s", a Google Benchmark counter named so) is higher-is-better,
// a throughput; counts and times stay (model/units: is_count_unit).
SuiteResult with_rates_as_throughput(SuiteResult suite) {
  for (BenchmarkResult& b : suite.benchmarks) {
    if (!b.latency || b.throughput) continue;
    const std::string& u = b.latency->unit;
    if (u.size() > 2 && u.ends_with("/s")) {  // "MB/s", "req/s" (is_count_unit's rates)
      b.throughput = std::move(b.latency);
      b.latency.reset();
    }
  }
  return suite;
}

}  // namespace

SuiteResult parse_results(std::string_view format, std::string_view text, const std::string& source) {
  for (const Adapter& a : adapters())
    if (format == a.name) return with_rates_as_throughput(a.parse(text, source));
  throw input_error(source + ": --format: expected one of " + adapter_names() + ", got \"" +
                     std::string(format) + "\"");
}

void normalise_time_unit(Series& latency) {
  auto scale = nanoseconds_per(latency.unit);
  if (!scale || *scale == 1.0) {
    if (scale) latency.unit = "ns";
    return;
  }
  for (double& v : latency.values) v *= *scale;
  latency.unit = "ns";
}

BenchmarkResult& benchmark_named(SuiteResult& suite, std::map<std::string, size_t>& index, const std::string& name) {
  const auto [it, added] = index.try_emplace(name, suite.benchmarks.size());
  if (added) {
    suite.benchmarks.emplace_back();
    suite.benchmarks.back().name = name;
  }
  return suite.benchmarks[it->second];
}

void add_sample(SuiteResult& suite, std::map<std::string, size_t>& index, const std::string& name,
                const std::string& unit, double value) {
  BenchmarkResult& b = benchmark_named(suite, index, name);
  if (!b.latency) b.latency = Series{unit, {}};
  b.latency->values.push_back(value);
}

void add_latency_sample(SuiteResult& suite, std::map<std::string, size_t>& index, const std::string& name, double ns) {
  add_sample(suite, index, name, "ns", ns);
}

void check_benchmark(const BenchmarkResult& b, const std::string& source,
                     const std::string& path) {
  if (b.name.empty()) throw input_error(source + ": " + path + ".name: expected a non-empty string");
  if (!b.latency && !b.throughput && !b.instructions && !b.failure) {
    throw input_error(source + ": " + path +
                      ": expected \"samples\", \"throughput\" or \"instructions\" (or a \"failure\")");
  }
}

}  // namespace perfwatch
