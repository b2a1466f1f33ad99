// Rust Criterion.rs. Criterion writes no single results file but a tree,
// target/criterion/<id>/new/{benchmark,sample,estimates}.json;
// runner/criterion_dir.cpp gathers it into one document,
//   {"criterion": [{"path": "...", "benchmark": {...}, "sample": {...}}, ...]},
// which this parses. Each sample is times[i] / iters[i] (ns per iteration;
// sample.json is the pair [iters, times] before 0.3.3);
// a throughput declared in benchmark.json ({"Bytes": n} or {"Elements": n})
// turns every sample into bytes/s or elements/s too.
#include "adapters/adapter.hpp"
#include "adapters/json_fields.hpp"

namespace perfwatch {

using namespace json_fields;

namespace {

// sample.json: {"iters": [...], "times": [...]} since 0.3.3; before, the pair
// [iters, times] (Criterion serialised a tuple).
std::pair<const json&, const json&> iters_and_times(const json& sample, const std::string& s_path) {
  if (sample.is_array()) {
    if (sample.size() != 2 || !sample[0].is_array() || !sample[1].is_array())
      fail(s_path, "(document)", "[iters, times] (Criterion before 0.3.3) or an object with iters and times", sample);
    return {sample[0], sample[1]};
  }
  require_object(sample, s_path, "(document)");
  return {require_array(require(sample, "iters", s_path, ""), s_path, "iters"),
          require_array(require(sample, "times", s_path, ""), s_path, "times")};
}

}  // namespace

SuiteResult parse_criterion(std::string_view text, const std::string& source) {
  const json doc = parse_document(text, source);
  const json& entries = require_document_list(doc, "criterion", source);
  SuiteResult suite;
  for (size_t i = 0; i < entries.size(); ++i) {
    const std::string path = element("criterion", i);
    const json& e = require_object(entries[i], source, path);
    const std::string where = require_string(require(e, "path", source, path), source, child(path, "path"));
    const std::string b_path = where + "/benchmark.json";
    const std::string s_path = where + "/sample.json";
    const json& bench = require_object(require(e, "benchmark", source, path), b_path, "(document)");
    const json& sample = require(e, "sample", source, path);
    BenchmarkResult b;
    b.name = require_string(require(bench, "full_id", b_path, ""), b_path, "full_id");
    const auto [iters, times] = iters_and_times(sample, s_path);
    if (iters.size() != times.size()) fail(s_path, "times", std::to_string(iters.size()) + " values like iters", times.size());
    if (times.empty()) fail(s_path, "times", "at least one sample", times);
    Series latency{"ns", {}};
    for (size_t k = 0; k < times.size(); ++k) {
      const double n = require_non_negative(iters[k], s_path, element("iters", k));
      if (n <= 0) fail(s_path, element("iters", k), "a positive iteration count", iters[k]);
      latency.values.push_back(require_non_negative(times[k], s_path, element("times", k)) / n);
    }
    if (const json* tp = optional(bench, "throughput"); tp && tp->is_object() && !tp->empty()) {
      const auto [kind, amount] = *tp->items().begin();
      const double per_iteration = require_non_negative(amount, b_path, child("throughput", kind));
      Series throughput{kind == "Bytes" || kind == "BytesDecimal" ? "bytes/s" : "elements/s", {}};
      for (double ns : latency.values)
        if (ns > 0) throughput.values.push_back(per_iteration * 1e9 / ns);
      b.throughput = std::move(throughput);
    }
    b.latency = std::move(latency);
    suite.benchmarks.push_back(std::move(b));
  }
  if (suite.benchmarks.empty())
    throw input_error(source + ": expected Criterion results (target/criterion/*/new/sample.json), found none");
  return suite;
}

}  // namespace perfwatch
