// airspeed velocity (asv) result files, results/<machine>/<commit>-<env>.json:
//   version 2: {"result_columns": ["result", "params", ..., "samples", ...],
//               "results": {"bench.Suite.time_x": [[r0, r1, ...], [["10", "100"], ["'d'"]], ...]}}
//   version 1: {"results": {"bench.time_x": 1.2e-06, "bench.time_p": {"result": [...], "params": [[...]]}}}
// A parametrized benchmark has one result per combination of its parameters
// (every combination, the first parameter varying slowest, as asv orders
// them): each is a benchmark of its own, "bench.time_p(10, 'd')". What a
// value is comes from the benchmark's prefix, as asv decides it: time_ and
// timeraw_ are seconds (kept in ns), peakmem_ the process's peak memory,
// mem_ an object's size in bytes (a count), track_ a count in asv's "unit".
// The result is asv's median; the samples, where `asv run --record-samples`
// kept them, are the samples, else the run is aggregate-only. null is a
// failed benchmark; NaN (a skipped one, as Python's json writes it, which is
// not JSON) is left out.
#include <algorithm>

#include "adapters/adapter.hpp"
#include "adapters/json_fields.hpp"

namespace perfwatch {
namespace {

using namespace json_fields;

// asv writes NaN bare; read it as the string "NaN" (outside strings only).
std::string nan_as_string(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      out += c;
      if (c == '\\' && i + 1 < text.size()) out += text[++i];
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
      out += c;
    } else if (text.compare(i, 3, "NaN") == 0) {
      out += "\"NaN\"";
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

enum class Kind { time, peak_memory, bytes, track };

Kind kind_of(const std::string& name, const std::string& source, const std::string& path) {
  const size_t dot = name.rfind('.');
  const std::string_view function = std::string_view(name).substr(dot == std::string::npos ? 0 : dot + 1);
  if (function.starts_with("time_") || function.starts_with("timeraw_")) return Kind::time;
  if (function.starts_with("peakmem_")) return Kind::peak_memory;
  if (function.starts_with("mem_")) return Kind::bytes;
  if (function.starts_with("track_")) return Kind::track;
  throw input_error(source + ": " + path + ": expected an asv benchmark name (its function time_, timeraw_, mem_, "
                                           "peakmem_ or track_), got \"" + name + "\"");
}

// One benchmark's results as asv keeps them, whatever the file's version.
struct Entry {
  const json* result = nullptr;   // a number, null, "NaN", or a list of them
  const json* params = nullptr;   // [[values of parameter 1], ...]; absent: not parametrized
  const json* samples = nullptr;  // [[samples of combination 1], ...]
  std::string result_path, params_path, samples_path;  // where each is, for errors
};

// The names of every parameter combination, in asv's order ("" unparametrized).
std::vector<std::string> combinations(const json* params, const std::string& source, const std::string& path) {
  std::vector<std::string> names{""};
  if (!params || params->is_null()) return names;
  const json& lists = require_array(*params, source, path);
  for (size_t i = 0; i < lists.size(); ++i) {
    const json& values = require_array(lists[i], source, element(path, i));
    std::vector<std::string> next;
    for (const std::string& prefix : names)
      for (size_t j = 0; j < values.size(); ++j)
        next.push_back((prefix.empty() ? "" : prefix + ", ") +
                       require_string(values[j], source, element(element(path, i), j)));
    names = std::move(next);
  }
  return names;
}

void add_value(SuiteResult& suite, const std::string& name, Kind kind, const json& value, const json* samples,
               const std::string& source, const std::string& path, const std::string& samples_path) {
  if (value.is_string() && value.get<std::string>() == "NaN") return;  // skipped
  BenchmarkResult b;
  b.name = name;
  if (value.is_null()) {
    b.failure = "asv: the benchmark failed (its result is null)";
    suite.benchmarks.push_back(std::move(b));
    return;
  }
  const double v = require_non_negative(value, source, path);
  switch (kind) {
    case Kind::time: {
      std::vector<double> seconds{v};
      if (samples && !samples->is_null()) seconds = require_non_negative_list(*samples, source, samples_path);
      b.latency = Series{"ns", {}};
      for (double s : seconds) b.latency->values.push_back(s * 1e9);
      break;
    }
    case Kind::peak_memory: b.peak_rss_bytes = static_cast<std::int64_t>(v); break;
    case Kind::bytes: b.latency = Series{"bytes", {v}}; break;
    case Kind::track: b.latency = Series{"unit", {v}}; break;
  }
  suite.benchmarks.push_back(std::move(b));
}

// Returns whether the entry's samples were kept (asv run --record-samples).
bool read_entry(SuiteResult& suite, const std::string& name, const Entry& e, const std::string& source,
                const std::string& path) {
  const Kind kind = kind_of(name, source, path);
  const std::vector<std::string> combos = combinations(e.params, source, e.params_path);
  const bool listed = e.result->is_array();
  if (!listed && combos.size() != 1)
    fail(source, path, "a list of " + std::to_string(combos.size()) + " results, one a parameter combination", *e.result);
  if (listed && e.result->size() != combos.size())
    fail(source, path, std::to_string(combos.size()) + " results, one a parameter combination", *e.result);
  const json* samples = e.samples && e.samples->is_array() ? e.samples : nullptr;
  if (samples && samples->size() != combos.size()) samples = nullptr;  // not asv's shape: keep the results alone
  for (size_t j = 0; j < combos.size(); ++j) {
    const std::string full = combos[j].empty() ? name : name + "(" + combos[j] + ")";
    const json& value = listed ? (*e.result)[j] : *e.result;
    add_value(suite, full, kind, value, samples ? &(*samples)[j] : nullptr, source, listed ? element(e.result_path, j) : e.result_path,
              element(e.samples_path, j));
  }
  return samples != nullptr && kind == Kind::time;
}

}  // namespace

bool looks_like_asv(const nlohmann::json& doc) {
  if (!doc.is_object() || !doc.contains("results") || !doc["results"].is_object()) return false;
  return doc.contains("result_columns") || (doc.contains("commit_hash") && doc.contains("version"));
}

bool looks_like_asv_text(std::string_view head) {
  return head.find("\"result_columns\"") != std::string_view::npos && head.find("\"results\"") != std::string_view::npos;
}

SuiteResult parse_asv(std::string_view text, const std::string& source) {
  const json doc = parse_document(nan_as_string(text), source);
  const json& results = require_object(require(require_object(doc, source, "(document)"), "results", source, ""), source, "results");
  std::vector<std::string> columns;  // version 2: the meaning of each position of a row
  if (const json* c = optional(doc, "result_columns"))
    for (size_t i = 0; i < require_array(*c, source, "result_columns").size(); ++i)
      columns.push_back(require_string((*c)[i], source, element("result_columns", i)));
  // A row's `key` column and its path; nullptr when the row stops before it.
  auto column = [&](const json& row, const std::string& key, const std::string& row_path, std::string& at) -> const json* {
    const auto it = std::find(columns.begin(), columns.end(), key);
    const size_t i = static_cast<size_t>(it - columns.begin());
    at = element(row_path, i);
    return it != columns.end() && i < row.size() ? &row[i] : nullptr;
  };
  SuiteResult suite;
  bool recorded_samples = false;
  for (const auto& [name, value] : results.items()) {
    const std::string path = child("results", name);
    Entry e;
    if (!columns.empty()) {
      const json& row = require_array(value, source, path);
      e.result = column(row, "result", path, e.result_path);
      if (!e.result) fail(source, path, "a row holding its \"result\" column", value);
      e.params = column(row, "params", path, e.params_path);
      e.samples = column(row, "samples", path, e.samples_path);
    } else if (value.is_object()) {  // version 1, parametrized or with statistics
      e.result = &require(value, "result", source, path);
      e.params = optional(value, "params");
      e.samples = optional(value, "samples");
      e.result_path = child(path, "result");
      e.params_path = child(path, "params");
      e.samples_path = child(path, "samples");
    } else {
      e.result = &value;
      e.result_path = path;
    }
    recorded_samples = read_entry(suite, name, e, source, path) || recorded_samples;
  }
  if (suite.benchmarks.empty()) throw input_error(source + ": results: expected asv benchmark results, found none");
  suite.aggregate_only = !recorded_samples;
  return suite;
}

}  // namespace perfwatch
