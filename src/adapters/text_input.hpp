#pragma once
// Reading line-oriented text results (go test, cargo bench, benchmark.js, CSV)
// with errors that name the file, the line and what was expected:
// "bench.txt:12: ns/op: expected a number, got \"12,3x\"".
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/error.hpp"

namespace perfwatch::text_input {

struct Line {
  size_t number;  // 1-based
  std::string_view text;
};

// Lines without their terminators (\n or \r\n); a final empty line is dropped.
std::vector<Line> split_lines(std::string_view text);

std::string_view trim(std::string_view s);
std::vector<std::string_view> split_whitespace(std::string_view s);

// A finite number, the whole of `s` (leading '+' allowed); with
// `thousands`, commas between digit groups are accepted ("1,234.5").
std::optional<double> parse_number(std::string_view s, bool thousands = false);

[[noreturn]] void fail_at(const std::string& source, size_t line, const std::string& what,
                          const std::string& expected, std::string_view got);

// parse_number or fail_at naming `what`.
double require_number_at(std::string_view s, const std::string& source, size_t line, const std::string& what,
                         bool thousands = false);

// Rows of an RFC 4180 CSV text (quoted fields, doubled quotes, quoted line
// breaks), each with the line it starts on; a quote left open is an error.
struct CsvRow {
  size_t line;
  std::vector<std::string> fields;
};
// `delimiter` ',' (CSV) or another, such as '\t' (JMeter's default_delimiter=\t).
std::vector<CsvRow> parse_csv(std::string_view text, const std::string& source, char delimiter = ',');

}  // namespace perfwatch::text_input
