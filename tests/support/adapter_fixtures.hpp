#pragma once
// Reading the committed fixtures (tests/fixtures/, see its README) through an adapter.
#include <doctest/doctest.h>

#include <string>

#include "adapters/adapter.hpp"
#include "util/file.hpp"

namespace perfwatch::testing {

inline std::string fixture_path(const std::string& relative) { return std::string(PERFWATCH_FIXTURES) + "/" + relative; }

inline SuiteResult parse_fixture(const std::string& format, const std::string& relative) {
  const std::string path = fixture_path(relative);
  try {
    return parse_results(format, read_file(path), path);
  } catch (const Error& e) {
    FAIL(e.what());
  }
  return {};
}

// The one-line error `format` gives for `text` (named "input" in it); fails when it parses.
inline std::string parse_error(const std::string& format, const std::string& text) {
  try {
    parse_results(format, text, "input");
  } catch (const Error& e) {
    const std::string message = e.what();
    CHECK(e.status() == ExitStatus::bad_input);
    CHECK(message.find('\n') == std::string::npos);
    return message;
  }
  FAIL("expected an error from " << format << " for: " << text);
  return "";
}

inline const BenchmarkResult& find_benchmark(const SuiteResult& s, const std::string& name) {
  for (const auto& b : s.benchmarks)
    if (b.name == name) return b;
  std::string names;
  for (const auto& b : s.benchmarks) names += " [" + b.name + "]";
  FAIL("no benchmark " << name << "; have" << names);
  throw;
}

}  // namespace perfwatch::testing
