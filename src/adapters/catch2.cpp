// Catch2's XML reporter (-r xml), v2 (<Catch><Group>) and v3 (<Catch2TestRun>);
// its console reporter is read by catch2_console.cpp.
// Each <BenchmarkResults> under a <TestCase> (at any <Section> depth) is a
// benchmark named "<test case>/<benchmark>". Catch2 writes the analysis, not
// the samples: the mean (ns) is the one value, so the run is aggregate-only;
// <failed message=...> is a failure.
#include <pugixml.hpp>

#include "adapters/adapter.hpp"
#include "adapters/text_input.hpp"

namespace perfwatch {
namespace {

size_t line_of(std::string_view text, std::ptrdiff_t offset) {
  size_t line = 1;
  for (std::ptrdiff_t i = 0; i < offset && i < static_cast<std::ptrdiff_t>(text.size()); ++i) line += text[static_cast<size_t>(i)] == '\n';
  return line;
}

double attribute_number(const pugi::xml_node& node, const char* attribute, const std::string& source, std::string_view text,
                        const std::string& what) {
  const pugi::xml_attribute a = node.attribute(attribute);
  const size_t line = line_of(text, node.offset_debug());
  if (!a) text_input::fail_at(source, line, what, std::string("a ") + attribute + " attribute", "");
  const auto v = text_input::parse_number(a.value());
  if (!v || *v < 0) text_input::fail_at(source, line, what + " " + attribute, "a non-negative number", a.value());
  return *v;
}

void collect(const pugi::xml_node& node, const std::string& test_case, SuiteResult& suite, const std::string& source,
             std::string_view text) {
  for (const pugi::xml_node& child : node.children()) {
    const std::string tag = child.name();
    if (tag == "TestCase") {
      collect(child, child.attribute("name").value(), suite, source, text);
    } else if (tag == "Section" || tag == "Group") {
      collect(child, test_case, suite, source, text);
    } else if (tag == "BenchmarkResults") {
      BenchmarkResult b;
      const std::string name = child.attribute("name").value();
      b.name = test_case.empty() ? name : test_case + "/" + name;
      if (const pugi::xml_node failed = child.child("failed")) {
        const std::string message = failed.attribute("message").value();
        b.failure = message.empty() ? "Catch2: the benchmark failed" : message;
      } else if (const pugi::xml_node mean = child.child("mean")) {
        b.latency = Series{"ns", {attribute_number(mean, "value", source, text, b.name + ": <mean>")}};
      } else {
        text_input::fail_at(source, line_of(text, child.offset_debug()), b.name, "a <mean> or <failed> element", "");
      }
      suite.benchmarks.push_back(std::move(b));
    }
  }
}

}  // namespace

SuiteResult parse_catch2(std::string_view text, const std::string& source) {
  const std::string_view start = text_input::trim(text.substr(0, 256));
  if (!start.starts_with("<") && looks_like_catch2_console(text)) return parse_catch2_console(text, source);
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed = doc.load_buffer(text.data(), text.size());
  if (!parsed && !start.starts_with("<"))
    throw input_error(source + ": expected Catch2's XML reporter output (-r xml) or its console output with benchmark "
                               "tables (\"benchmark name  samples  iterations\"), got neither");
  if (!parsed)
    text_input::fail_at(source, line_of(text, parsed.offset), "malformed XML", "well-formed XML (truncated file?)",
                        parsed.description());
  pugi::xml_node root = doc.child("Catch2TestRun");
  if (!root) root = doc.child("Catch");
  if (!root) throw input_error(source + ": expected Catch2's XML (a <Catch2TestRun> or <Catch> root element)");
  SuiteResult suite;
  suite.aggregate_only = true;
  suite.suite = root.attribute("name").value();
  collect(root, "", suite, source, text);
  if (suite.benchmarks.empty())
    throw input_error(source + ": expected <BenchmarkResults> elements (run the benchmarks: \"[!benchmark]\"), found none");
  return suite;
}

}  // namespace perfwatch
