// Ruby's benchmark-ips, its JSON (`x.json! "file.json"`):
//   [{"name", "central_tendency", "ips", "stddev", "microseconds", "iterations", "cycles"}]
// and its text report, the "Calculating" rows:
//   sort    602.946  (±31.3%) i/s -    590.000  in   1.087545s
// One value a benchmark, its iterations a second (ips; k, M and B suffixes
// in the text), as a throughput, so the run is aggregate-only; the
// deviation, iterations and time are not kept.
#include "adapters/adapter.hpp"
#include "adapters/json_fields.hpp"
#include "adapters/text_input.hpp"

namespace perfwatch {
namespace {

BenchmarkResult ips_benchmark(std::string name, double ips) {
  BenchmarkResult b;
  b.name = std::move(name);
  b.throughput = Series{"i/s", {ips}};
  return b;
}

SuiteResult parse_ips_json(const nlohmann::json& doc, const std::string& source) {
  using namespace json_fields;
  SuiteResult suite;
  suite.aggregate_only = true;
  const json& rows = require_array(doc, source, "(document)");
  for (size_t i = 0; i < rows.size(); ++i) {
    const std::string path = element("", i);
    const json& row = require_object(rows[i], source, path);
    const std::string name = require_string(require(row, "name", source, path), source, child(path, "name"));
    suite.benchmarks.push_back(ips_benchmark(name, require_non_negative(require(row, "ips", source, path), source, child(path, "ips"))));
  }
  return suite;
}

// "602.946", "6.242M", "241.909k": the number with its suffix applied.
std::optional<double> scaled(std::string_view s) {
  double scale = 1;
  if (!s.empty() && (s.back() == 'k' || s.back() == 'M' || s.back() == 'B')) {
    scale = s.back() == 'k' ? 1e3 : s.back() == 'M' ? 1e6 : 1e9;
    s.remove_suffix(1);
  }
  const auto v = text_input::parse_number(s);
  return v ? std::optional(*v * scale) : std::nullopt;
}

SuiteResult parse_ips_text(std::string_view text, const std::string& source) {
  using namespace text_input;
  SuiteResult suite;
  suite.aggregate_only = true;
  bool calculating = false;
  for (const Line& line : split_lines(text)) {
    const std::string_view t = trim(line.text);
    if (t.starts_with("Calculating -")) calculating = true;
    if (t.starts_with("Comparison:") || t.starts_with("Warming up -")) calculating = t.starts_with("Calculating -");
    const size_t pm = t.find(" (\xC2\xB1");  // " (±"
    if (!calculating || pm == std::string_view::npos || t.find(" i/s") == std::string_view::npos) continue;
    const auto words = split_whitespace(t.substr(0, pm));
    if (words.size() < 2) fail_at(source, line.number, "benchmark-ips row", "a name and its i/s", t);
    const auto ips = scaled(words.back());
    if (!ips || *ips < 0) fail_at(source, line.number, std::string(trim(t.substr(0, words.back().data() - t.data()))) + " i/s",
                                  "a non-negative number (k, M or B suffix)", words.back());
    suite.benchmarks.push_back(ips_benchmark(std::string(trim(t.substr(0, static_cast<size_t>(words.back().data() - t.data())))), *ips));
  }
  return suite;
}

}  // namespace

bool looks_like_benchmark_ips(const nlohmann::json& doc) {
  if (!doc.is_array() || doc.empty()) return false;
  for (const nlohmann::json& row : doc)
    if (!row.is_object() || !row.contains("ips") || !row.contains("central_tendency")) return false;
  return true;
}

bool looks_like_benchmark_ips_text(std::string_view text) {
  return text.find("Calculating -") != std::string_view::npos && text.find(" i/s - ") != std::string_view::npos;
}

SuiteResult parse_benchmark_ips(std::string_view text, const std::string& source) {
  const std::string_view start = text_input::trim(text.substr(0, 64));
  SuiteResult suite = start.starts_with("[") ? parse_ips_json(json_fields::parse_document(text, source), source)
                                             : parse_ips_text(text, source);
  if (suite.benchmarks.empty())
    throw input_error(source + ": expected benchmark-ips results (its JSON from x.json!, or the \"Calculating\" rows "
                               "\"name  602.9 (±3.1%) i/s - 590 in 1.0s\"), found none");
  return suite;
}

}  // namespace perfwatch
