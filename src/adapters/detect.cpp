// --format auto: recognise a results file from its content. JSON formats are
// told apart by their top-level keys, text formats by a line only they print.
// The most specific shapes are tried first; perfwatch's own format last.
#include "adapters/adapter.hpp"
#include "adapters/json_fields.hpp"
#include "adapters/text_input.hpp"

namespace perfwatch {
namespace {

using json = nlohmann::json;

bool has_array(const json& doc, const char* key) { return doc.is_object() && doc.contains(key) && doc[key].is_array(); }

const json* first_row(const json& doc, const char* key) {
  if (!has_array(doc, key) || doc[key].empty() || !doc[key][0].is_object()) return nullptr;
  return &doc[key][0];
}

bool looks_like_gbench(const json& doc) {
  if (!has_array(doc, "benchmarks")) return false;
  if (doc.contains("context")) return true;
  const json* row = first_row(doc, "benchmarks");
  return row && row->contains("real_time");
}

bool looks_like_pytest_benchmark(const json& doc) {
  if (!has_array(doc, "benchmarks")) return false;
  if (doc.contains("machine_info")) return true;
  const json* row = first_row(doc, "benchmarks");
  return row && row->contains("stats") && row->contains("fullname");
}

bool looks_like_hyperfine(const json& doc) {
  const json* row = first_row(doc, "results");
  return row && row->contains("command") && row->contains("times");
}

bool looks_like_benchmarkdotnet(const json& doc) { return has_array(doc, "Benchmarks"); }

bool looks_like_jmh(const json& doc) {
  return doc.is_array() && !doc.empty() && doc[0].is_object() && (doc[0].contains("jmhVersion") || doc[0].contains("primaryMetric"));
}

bool looks_like_k6(const json& doc) {
  if (!doc.is_object() || !doc.contains("metrics") || !doc["metrics"].is_object()) return false;
  for (const auto& [key, value] : doc["metrics"].items())
    if (key.starts_with("http_req_duration") || key.starts_with("iteration_duration")) return true;
  return false;
}

bool looks_like_criterion(const json& doc) { return has_array(doc, "criterion"); }

// {"name": {"measure": {"value": 1.0, ...}}} all the way through.
bool looks_like_bmf(const json& doc) {
  if (!doc.is_object() || doc.empty()) return false;
  for (const auto& [name, measures] : doc.items()) {
    if (!measures.is_object() || measures.empty()) return false;
    for (const auto& [measure, m] : measures.items())
      if (!m.is_object() || !m.contains("value")) return false;
  }
  return true;
}

bool looks_like_perfwatch(const json& doc) { return has_array(doc, "benchmarks"); }

std::optional<std::string> detect_json(const json& doc) {
  if (looks_like_gbench(doc)) return "gbench";
  if (looks_like_pytest_benchmark(doc)) return "pytest-benchmark";
  if (looks_like_hyperfine(doc)) return "hyperfine";
  if (looks_like_benchmarkdotnet(doc)) return "benchmarkdotnet";
  if (looks_like_jmh(doc)) return "jmh";
  if (looks_like_k6(doc)) return "k6";
  if (looks_like_criterion(doc)) return "criterion";
  if (looks_like_vitest(doc)) return "vitest";
  if (looks_like_asv(doc)) return "asv";
  if (looks_like_julia(doc)) return "julia-benchmarktools";
  if (looks_like_perfwatch(doc)) return "perfwatch";  // anything else with "benchmarks": its parser names what is wrong
  if (looks_like_bmf(doc)) return "bmf";
  if (looks_like_benchmark_ips(doc)) return "benchmark-ips";
  return std::nullopt;
}

bool contains(std::string_view text, std::string_view what) { return text.find(what) != std::string_view::npos; }

std::optional<std::string> detect_text(std::string_view text) {
  // An XML document (not a text that mentions Catch2) whose root is Catch2's.
  const std::string_view head = text.substr(0, 4096);
  const std::string_view start = text_input::trim(head.substr(head.starts_with("\xEF\xBB\xBF") ? 3 : 0));
  if ((start.starts_with("<?xml") || start.starts_with("<Catch")) &&
      (contains(head, "<Catch2TestRun") || contains(head, "<Catch ")))
    return "catch2";
  if (looks_like_catch2_console(text)) return "catch2";
  if (looks_like_asv_text(head)) return "asv";  // asv writes a skipped result as a bare NaN
  const auto lines = text_input::split_lines(text);
  if (!lines.empty()) {
    const std::string_view header = lines[0].text;
    if (contains(header, "timeStamp") && contains(header, "elapsed") && contains(header, "label")) return "jmeter";
    if (contains(header, "Name") && contains(header, "Requests/s")) return "locust";
    if (looks_like_k6_csv(header)) return "k6-csv";
  }
  bool go_header = false;  // "goos: linux", as go test prints before its benchmarks
  for (const text_input::Line& line : lines) {
    const std::string_view t = text_input::trim(line.text);
    go_header = go_header || t.starts_with("goos: ");
    if (t.starts_with("Benchmark") && contains(t, " ns/op")) return "gotest";
    if (go_header && t.starts_with("Benchmark") && contains(t, "/op")) return "gotest";  // b.ReportMetric's units alone
    if (t.starts_with("test ") && contains(t, " ... bench:")) return "cargo-bench";
    if (contains(t, " x ") && contains(t, " ops/sec")) return "benchmarkjs";
  }
  if (looks_like_criterion_text(text)) return "criterion-text";
  if (looks_like_iai_callgrind(text)) return "iai-callgrind";
  if (looks_like_benchmark_ips_text(text)) return "benchmark-ips";
  if (looks_like_ruby_benchmark(text)) return "ruby-benchmark";
  if (looks_like_luau(text)) return "luau-bench";
  if (looks_like_dart_benchmark(text)) return "dart-benchmark-harness";
  // Last: "label: 1.2ms" lines are plain enough that any format above wins.
  if (looks_like_console_time(text)) return "console-time";
  return std::nullopt;
}

}  // namespace

std::string detect_format(std::string_view text, const std::string& source) {
  // A compressed file (k6's --out csv=FILE.gz, an archived artifact) is no format of its own.
  if (text.starts_with("\x1f\x8b"))
    throw input_error(source + ": a gzipped file: unpack it first (gunzip -k " + source + "), then read that");
  const json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_discarded()) {
    if (auto format = detect_json(doc)) return *format;
    if (looks_like_custom_json(doc))  // recognisable, but which way is better is the user's to say
      throw input_error(source + ": github-action-benchmark's custom JSON (name, unit, value) does not say which way is "
                                 "better: name it, --format custom-smaller-is-better or --format custom-bigger-is-better");
  } else if (auto format = detect_text(text)) {
    return *format;
  } else {
    const std::string_view start = text_input::trim(text.substr(0, 64));
    if (start.starts_with("{") || start.starts_with("[")) {
      json_fields::parse_document(text, source);  // throws, naming line and column
    }
  }
  throw input_error(source + ": --format auto: expected a results file in a known format, tried " + adapter_names() +
                     " (name one with --format)");
}

}  // namespace perfwatch
