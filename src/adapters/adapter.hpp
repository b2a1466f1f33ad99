#pragma once
// Adapters: pure functions from a results file's text to the native model.
// A file they cannot read is thrown as perfwatch::Error (bad input, exit 2,
// one line naming the file, the field and what was expected): the parsers
// reach it deep in nested documents, so one mechanism serves them all. The
// runner is the one place that catches it, to record a benchmark's unreadable
// output as that benchmark's failure.
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "model/result.hpp"
#include "util/error.hpp"

namespace perfwatch {

struct Adapter {
  const char* name;  // the --format value
  const char* description;
  SuiteResult (*parse)(std::string_view text, const std::string& source);
};

// Every adapter perfwatch knows, in --format order.
const std::vector<Adapter>& adapters();

// "perfwatch, gbench, catch2, ...".
std::string adapter_names();

// Parses `text` (read from `source`, named in errors) with adapter `format`.
// Throws for an unknown format and malformed or invalid content (all exit 2).
SuiteResult parse_results(std::string_view format, std::string_view text,
                                    const std::string& source);

// --format auto: the adapter whose shape `text` has; exit 2 listing those tried.
std::string detect_format(std::string_view text, const std::string& source);

// Latency series in a time unit are converted to nanoseconds in place.
void normalise_time_unit(Series& latency);

// The benchmark `name` of `suite`, added (named, empty) the first time the
// name is seen (`index`: name -> its place), so benchmarks keep the order
// their names first appear in (text formats that print a line a sample).
BenchmarkResult& benchmark_named(SuiteResult& suite, std::map<std::string, size_t>& index, const std::string& name);

// One more sample of `name`'s latency-slot series in `unit` (a time, or a count).
void add_sample(SuiteResult& suite, std::map<std::string, size_t>& index, const std::string& name,
                const std::string& unit, double value);
// add_sample in ns (console.time, Ruby's Benchmark, Luau, Dart).
void add_latency_sample(SuiteResult& suite, std::map<std::string, size_t>& index, const std::string& name, double ns);

// Shared validation: a benchmark needs a name and a result or a failure.
void check_benchmark(const BenchmarkResult& b, const std::string& source, const std::string& path);

// One benchmark of the native format, read and written (also the export's shape).
BenchmarkResult read_native_benchmark(const nlohmann::json& b, const std::string& source,
                                      const std::string& path);
nlohmann::json native_benchmark_json(const BenchmarkResult& r);

SuiteResult parse_perfwatch(std::string_view text, const std::string& source);
SuiteResult parse_gbench(std::string_view text, const std::string& source);
SuiteResult parse_catch2(std::string_view text, const std::string& source);
// Catch2's console reporter (catch2_console.cpp); parse_catch2 hands such text over.
SuiteResult parse_catch2_console(std::string_view text, const std::string& source);
bool looks_like_catch2_console(std::string_view text);
// github-action-benchmark's generic JSON, its direction named by the format (custom_json.cpp).
SuiteResult parse_custom_smaller_is_better(std::string_view text, const std::string& source);
SuiteResult parse_custom_bigger_is_better(std::string_view text, const std::string& source);
bool looks_like_custom_json(const nlohmann::json& doc);
SuiteResult parse_hyperfine(std::string_view text, const std::string& source);
SuiteResult parse_pytest_benchmark(std::string_view text, const std::string& source);
SuiteResult parse_gotest(std::string_view text, const std::string& source);
SuiteResult parse_criterion(std::string_view text, const std::string& source);
SuiteResult parse_cargo_bench(std::string_view text, const std::string& source);
// Criterion.rs's stdout report (criterion_text.cpp).
SuiteResult parse_criterion_text(std::string_view text, const std::string& source);
bool looks_like_criterion_text(std::string_view text);
SuiteResult parse_jmh(std::string_view text, const std::string& source);
SuiteResult parse_benchmarkdotnet(std::string_view text, const std::string& source);
SuiteResult parse_benchmarkjs(std::string_view text, const std::string& source);
SuiteResult parse_vitest(std::string_view text, const std::string& source);
SuiteResult parse_console_time(std::string_view text, const std::string& source);
SuiteResult parse_ruby_benchmark(std::string_view text, const std::string& source);
bool looks_like_ruby_benchmark(std::string_view text);
SuiteResult parse_benchmark_ips(std::string_view text, const std::string& source);
bool looks_like_benchmark_ips(const nlohmann::json& doc);
bool looks_like_benchmark_ips_text(std::string_view text);
// iai-callgrind's terminal report (iai_callgrind.cpp).
SuiteResult parse_iai_callgrind(std::string_view text, const std::string& source);
bool looks_like_iai_callgrind(std::string_view text);
// airspeed velocity's result files (asv.cpp); _text: a document with asv's bare NaN, which is not JSON.
SuiteResult parse_asv(std::string_view text, const std::string& source);
bool looks_like_asv(const nlohmann::json& doc);
bool looks_like_asv_text(std::string_view head);
// Julia BenchmarkTools (julia.cpp), Luau's bench.py (luau.cpp), Dart's benchmark_harness (dart_benchmark.cpp).
SuiteResult parse_julia(std::string_view text, const std::string& source);
bool looks_like_julia(const nlohmann::json& doc);
SuiteResult parse_luau(std::string_view text, const std::string& source);
bool looks_like_luau(std::string_view text);
SuiteResult parse_dart_benchmark(std::string_view text, const std::string& source);
bool looks_like_dart_benchmark(std::string_view text);
// k6's --out csv data points (k6_csv.cpp); looks_like_ takes the first line.
SuiteResult parse_k6_csv(std::string_view text, const std::string& source);
bool looks_like_k6_csv(std::string_view first_line);
bool looks_like_console_time(std::string_view text);
bool looks_like_vitest(const nlohmann::json& doc);
SuiteResult parse_k6(std::string_view text, const std::string& source);
SuiteResult parse_locust(std::string_view text, const std::string& source);
SuiteResult parse_jmeter(std::string_view text, const std::string& source);
SuiteResult parse_bmf(std::string_view text, const std::string& source);

}  // namespace perfwatch
