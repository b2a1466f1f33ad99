// JMH's JSON (-rf json): an array of benchmark results. primaryMetric.rawData
// holds every measurement iteration of every fork, one sample each; mode
// "thrpt" is a throughput (scaled to ops/s), "avgt" and "ss" a time per
// operation, "sample" a latency histogram (rawDataHistogram: [value, count]
// pairs per iteration). Parameters go into the name:
// "org.sample.Bench.parse[size=100]". Secondary metrics per operation
// (e.g. "·gc.alloc.rate.norm", B/op) are benchmarks of their own,
// "<name>:<metric>", lower is better.
#include "adapters/adapter.hpp"
#include "adapters/json_fields.hpp"
#include "model/units.hpp"

namespace perfwatch {
namespace {

using namespace json_fields;

// Histograms above this many samples are thinned proportionally.
constexpr double kMaxHistogramSamples = 200000;

std::vector<double> raw_data(const json& metric, const std::string& source, const std::string& path) {
  std::vector<double> values;
  const std::string raw_path = child(path, "rawData");
  const json& forks = require_array(require(metric, "rawData", source, path), source, raw_path);
  for (size_t f = 0; f < forks.size(); ++f) {
    const std::vector<double> fork = require_non_negative_list(forks[f], source, element(raw_path, f));
    values.insert(values.end(), fork.begin(), fork.end());
  }
  return values;
}

std::vector<double> histogram_data(const json& metric, const std::string& source, const std::string& path) {
  const std::string hist_path = child(path, "rawDataHistogram");
  const json& forks = require_array(require(metric, "rawDataHistogram", source, path), source, hist_path);
  std::vector<std::pair<double, double>> pairs;
  double total = 0;
  for (size_t f = 0; f < forks.size(); ++f) {
    const json& iterations = require_array(forks[f], source, element(hist_path, f));
    for (size_t i = 0; i < iterations.size(); ++i) {
      const std::string it_path = element(element(hist_path, f), i);
      const json& buckets = require_array(iterations[i], source, it_path);
      for (size_t b = 0; b < buckets.size(); ++b) {
        const std::string b_path = element(it_path, b);
        const json& pair = require_array(buckets[b], source, b_path);
        if (pair.size() != 2) fail(source, b_path, "a [value, count] pair", pair);
        pairs.emplace_back(require_non_negative(pair[0], source, element(b_path, 0)),
                           static_cast<double>(require_count(pair[1], source, element(b_path, 1))));
        total += pairs.back().second;
      }
    }
  }
  const double keep = total > kMaxHistogramSamples ? kMaxHistogramSamples / total : 1.0;
  std::vector<double> values;
  for (const auto& [value, count] : pairs) values.insert(values.end(), static_cast<size_t>(std::max(1.0, count * keep + 0.5)), value);
  return values;
}

std::string name_with_params(const json& row, const std::string& source, const std::string& path) {
  std::string name = require_string(require(row, "benchmark", source, path), source, child(path, "benchmark"));
  const json* params = optional(row, "params");
  if (!params || !params->is_object() || params->empty()) return name;
  std::string list;
  for (const auto& [key, value] : params->items())
    list += (list.empty() ? "" : ",") + key + "=" + (value.is_string() ? value.get<std::string>() : value.dump());
  return name + "[" + list + "]";
}

// "ops/ms" -> factor to ops/s; "ms/op" -> the time unit "ms".
std::optional<double> per_second_factor(std::string_view unit) {
  if (!unit.starts_with("ops/")) return std::nullopt;
  const auto ns = nanoseconds_per(unit.substr(4));
  if (!ns) return std::nullopt;
  return 1e9 / *ns;
}

}  // namespace

SuiteResult parse_jmh(std::string_view text, const std::string& source) {
  const json doc = parse_document(text, source);
  const json& rows = require_array(doc, source, "(document)");
  SuiteResult suite;
  for (size_t i = 0; i < rows.size(); ++i) {
    const std::string path = element("", i);
    const json& row = require_object(rows[i], source, path);
    BenchmarkResult b;
    b.name = name_with_params(row, source, path);
    const std::string mode = require_string(require(row, "mode", source, path), source, child(path, "mode"));
    const std::string metric_path = child(path, "primaryMetric");
    const json& metric = require_object(require(row, "primaryMetric", source, path), source, metric_path);
    const std::string unit = require_string(require(metric, "scoreUnit", source, metric_path), source, child(metric_path, "scoreUnit"));
    if (mode == "thrpt") {
      const auto factor = per_second_factor(unit);
      if (!factor) fail(source, child(metric_path, "scoreUnit"), "ops/s, ops/ms, ops/us or ops/ns", metric["scoreUnit"]);
      Series s{"ops/s", raw_data(metric, source, metric_path)};
      for (double& v : s.values) v *= *factor;
      b.throughput = std::move(s);
    } else if (mode == "avgt" || mode == "ss" || mode == "sample") {
      const std::string time_unit = unit.ends_with("/op") ? unit.substr(0, unit.size() - 3) : "";
      if (!nanoseconds_per(time_unit)) fail(source, child(metric_path, "scoreUnit"), "a time per operation (ns/op, us/op, ms/op, s/op)", metric["scoreUnit"]);
      Series s{time_unit, mode == "sample" ? histogram_data(metric, source, metric_path) : raw_data(metric, source, metric_path)};
      normalise_time_unit(s);
      b.latency = std::move(s);
    } else {
      fail(source, child(path, "mode"), "thrpt, avgt, sample or ss", row["mode"]);
    }
    if ((b.latency && b.latency->values.empty()) || (b.throughput && b.throughput->values.empty()))
      fail(source, child(metric_path, "rawData"), "at least one measurement", metric.value("rawData", json::array()));
    const std::string name = b.name;
    suite.benchmarks.push_back(std::move(b));
    if (const json* secondary = optional(row, "secondaryMetrics"); secondary && secondary->is_object()) {
      for (const auto& [key, m] : secondary->items()) {
        const std::string m_path = child(child(path, "secondaryMetrics"), key);
        if (!m.is_object() || !m.contains("rawData")) continue;
        const std::string m_unit = require_string(require(m, "scoreUnit", source, m_path), source, child(m_path, "scoreUnit"));
        if (!m_unit.ends_with("/op")) continue;  // rates (MB/sec) and counts duplicate the per-op figure
        BenchmarkResult extra;
        extra.name = name + ":" + (key.starts_with("\u00b7") ? key.substr(2) : key);
        extra.latency = Series{m_unit, raw_data(m, source, m_path)};
        if (!extra.latency->values.empty()) suite.benchmarks.push_back(std::move(extra));
      }
    }
  }
  if (suite.benchmarks.empty()) throw input_error(source + ": expected at least one JMH result, got an empty array");
  return suite;
}

}  // namespace perfwatch
