// k6's end-of-test summary as JSON: --summary-export (flat metric objects)
// or handleSummary's data (each metric's figures under "values"). k6 keeps
// no samples there, so the run is aggregate-only: per benchmark the p(95)
// of http_req_duration (ms) stands as the night's latency value, the
// http_reqs rate as throughput (req/s), and http_req_failed's count of
// true values ("passes") over all requests as the error rate. Tagged
// submetrics ("http_req_duration{name:login}") are benchmarks of their own
// ("http{name:login}"); iteration_duration/iterations give "iteration".
#include <map>

#include "adapters/adapter.hpp"
#include "adapters/json_fields.hpp"

namespace perfwatch {
namespace {

using namespace json_fields;

// "http_req_duration{name:login}" -> {"http_req_duration", "{name:login}"}.
std::pair<std::string, std::string> split_tags(const std::string& key) {
  const size_t brace = key.find('{');
  if (brace == std::string::npos) return {key, ""};
  return {key.substr(0, brace), key.substr(brace)};
}

const json& figures(const json& metric) { return metric.contains("values") ? metric["values"] : metric; }

}  // namespace

SuiteResult parse_k6(std::string_view text, const std::string& source) {
  const json doc = parse_document(text, source);
  require_object(doc, source, "(document)");
  const json& metrics = require_object(require(doc, "metrics", source, ""), source, "metrics");
  std::map<std::string, BenchmarkResult> by_name;
  for (const auto& [key, metric] : metrics.items()) {
    const std::string path = child("metrics", key);
    const auto [base, tags] = split_tags(key);
    const bool http = base.starts_with("http_req");
    if (!http && base != "iteration_duration" && base != "iterations") continue;
    require_object(metric, source, path);
    const json& f = figures(metric);
    const std::string f_path = metric.contains("values") ? child(path, "values") : path;
    const std::string name = (http ? "http" : "iteration") + tags;
    BenchmarkResult& b = by_name[name];
    b.name = name;
    if (base == "http_req_duration" || base == "iteration_duration") {
      b.latency = Series{"ms", {require_non_negative(require(f, "p(95)", source, f_path), source, child(f_path, "p(95)"))}};
      normalise_time_unit(*b.latency);
    } else if (base == "http_reqs" || base == "iterations") {
      b.throughput = Series{"req/s", {require_non_negative(require(f, "rate", source, f_path), source, child(f_path, "rate"))}};
    } else if (base == "http_req_failed") {
      const std::int64_t failed = require_count(require(f, "passes", source, f_path), source, child(f_path, "passes"));
      const std::int64_t ok = require_count(require(f, "fails", source, f_path), source, child(f_path, "fails"));
      b.errors = failed;
      b.requests = failed + ok;
    }
  }
  SuiteResult suite;
  suite.aggregate_only = true;
  for (auto& [name, b] : by_name) {
    if (!b.latency && !b.throughput) continue;  // only a failure rate or a count: nothing to compare on its own
    suite.benchmarks.push_back(std::move(b));
  }
  if (suite.benchmarks.empty())
    throw input_error(source + ": metrics: expected http_req_duration or iteration_duration (a k6 summary), found neither");
  return suite;
}

}  // namespace perfwatch
