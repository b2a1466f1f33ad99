// Julia BenchmarkTools' JSON (BenchmarkTools.save("out.json", results)):
//   [{"Julia": "1.7.0", "BenchmarkTools": "1.0.0"},
//    [["BenchmarkGroup", {"tags": [], "data": {"fib": ["BenchmarkGroup", {"data": {
//        "20": ["Trial", {"times": [31028.0, ...], "memory": 0, "allocs": 0, ...}]}}]}}]]]
// Every value is [type name, fields]. A group's keys name its benchmarks,
// joined with '/' ("fib/20"). A Trial's `times` (ns, one per sample) are the
// samples; a TrialEstimate (the median(...) or minimum(...) of a run, as
// github-action-benchmark asks users to save) is one value, its `time`, so
// the run is aggregate-only. `memory` (bytes allocated per evaluation) and
// `allocs` are counts of their own, "<name>:memory" and "<name>:allocs".
// TrialRatio and TrialJudgement compare two runs: not results, left out.
#include "adapters/adapter.hpp"
#include "adapters/json_fields.hpp"

namespace perfwatch {
namespace {

using namespace json_fields;

struct Reader {
  const std::string& source;
  SuiteResult suite;
  bool estimates = false, trials = false;

  void add_counts(const std::string& name, const json& fields, const std::string& path) {
    for (const char* key : {"memory", "allocs"}) {
      const json* v = optional(fields, key);
      if (!v) continue;
      BenchmarkResult b;
      b.name = name + ":" + key;
      b.latency = Series{key == std::string("memory") ? "B" : "allocs", {require_non_negative(*v, source, child(path, key))}};
      suite.benchmarks.push_back(std::move(b));
    }
  }

  void value(const json& v, const std::string& name, const std::string& path) {
    const json& pair = require_array(v, source, path);
    if (pair.size() != 2) fail(source, path, "a [type name, fields] pair", v);
    std::string type = require_string(pair[0], source, element(path, 0));
    if (type.starts_with("BenchmarkTools.")) type.erase(0, 15);
    const std::string fields_path = element(path, 1);
    const json& fields = require_object(pair[1], source, fields_path);
    if (type == "BenchmarkGroup") {
      const json& data = require_object(require(fields, "data", source, fields_path), source, child(fields_path, "data"));
      for (const auto& [key, child_value] : data.items())
        value(child_value, name.empty() ? key : name + "/" + key, child(child(fields_path, "data"), key));
      return;
    }
    if (type != "Trial" && type != "TrialEstimate") return;  // Parameters, TagFilter, TrialRatio, TrialJudgement
    const std::string bench = name.empty() ? "benchmark" : name;
    BenchmarkResult b;
    b.name = bench;
    if (type == "Trial") {
      trials = true;
      b.latency = Series{"ns", require_non_negative_list(require(fields, "times", source, fields_path), source,
                                                          child(fields_path, "times"))};
      if (b.latency->values.empty()) b.failure = "BenchmarkTools: the trial has no samples";
    } else {
      estimates = true;
      b.latency = Series{"ns", {require_non_negative(require(fields, "time", source, fields_path), source,
                                                     child(fields_path, "time"))}};
    }
    suite.benchmarks.push_back(std::move(b));
    add_counts(bench, fields, fields_path);
  }
};

}  // namespace

bool looks_like_julia(const nlohmann::json& doc) {
  return doc.is_array() && doc.size() == 2 && doc[0].is_object() && doc[0].contains("BenchmarkTools") && doc[1].is_array();
}

SuiteResult parse_julia(std::string_view text, const std::string& source) {
  const json doc = parse_document(text, source);
  if (!looks_like_julia(doc))
    fail(source, "(document)", "BenchmarkTools.save's [{\"Julia\": ..., \"BenchmarkTools\": ...}, [values]]", doc);
  Reader r{source, {}};
  const json& values = doc[1];
  for (size_t i = 0; i < values.size(); ++i)
    r.value(values[i], values.size() == 1 ? "" : std::to_string(i + 1), element("[1]", i));
  if (r.suite.benchmarks.empty())
    throw input_error(source + ": expected BenchmarkTools Trial or TrialEstimate values (saved from run(...) or "
                               "median(...)), found none");
  r.suite.aggregate_only = r.estimates && !r.trials;
  return r.suite;
}

}  // namespace perfwatch
