// hyperfine --export-json: every run's wall time in "times" (seconds) is a
// sample; "exit_codes" (hyperfine >= 1.12) count the runs that failed
// (with --ignore-failure), so they feed the error rate.
#include "adapters/adapter.hpp"
#include "adapters/json_fields.hpp"

namespace perfwatch {

using namespace json_fields;

SuiteResult parse_hyperfine(std::string_view text, const std::string& source) {
  const json doc = parse_document(text, source);
  const json& results = require_document_list(doc, "results", source);
  SuiteResult suite;
  for (size_t i = 0; i < results.size(); ++i) {
    const std::string path = element("results", i);
    const json& r = require_object(results[i], source, path);
    BenchmarkResult b;
    b.name = require_string(require(r, "command", source, path), source, child(path, "command"));
    Series latency{"s", require_non_negative_list(require(r, "times", source, path), source, child(path, "times"))};
    if (const json* codes = optional(r, "exit_codes")) {
      require_array(*codes, source, child(path, "exit_codes"));
      std::int64_t failed = 0;
      for (size_t k = 0; k < codes->size(); ++k) {
        const json& code = (*codes)[k];
        if (code.is_null()) {  // killed by a signal: no exit code
          ++failed;
          continue;
        }
        if (require_number(code, source, element(child(path, "exit_codes"), k)) != 0) ++failed;
      }
      b.errors = failed;
      b.requests = static_cast<std::int64_t>(codes->size());
    }
    if (latency.values.empty()) {
      b.failure = "hyperfine recorded no runs";
    } else {
      normalise_time_unit(latency);
      b.latency = std::move(latency);
    }
    check_benchmark(b, source, path);
    suite.benchmarks.push_back(std::move(b));
  }
  if (suite.benchmarks.empty()) throw input_error(source + ": results: expected at least one benchmark, got none");
  return suite;
}

}  // namespace perfwatch
