#include "adapters/text_input.hpp"

#include <charconv>
#include <cmath>

namespace perfwatch::text_input {

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  size_t start = 0, number = 1;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back({number++, line});
    start = end + 1;
  }
  return lines;
}

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r");
  return s.substr(first, last - first + 1);
}

std::vector<std::string_view> split_whitespace(std::string_view s) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    const size_t start = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    if (i > start) words.push_back(s.substr(start, i - start));
  }
  return words;
}

namespace {

// "1,234,567": one to three digits, then groups of exactly three.
bool valid_grouping(std::string_view integer) {
  const size_t first = integer.find(',');
  if (first == std::string_view::npos) return true;
  if (first == 0 || first > 3) return false;
  for (size_t i = first; i < integer.size(); i += 4) {
    if (integer[i] != ',') return false;
    for (size_t k = i + 1; k <= i + 3; ++k)
      if (k >= integer.size() || !std::isdigit(static_cast<unsigned char>(integer[k]))) return false;
  }
  return true;
}

}  // namespace

std::optional<double> parse_number(std::string_view s, bool thousands) {
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  std::string digits(s);
  if (thousands) {
    const std::string_view integer = s.substr(0, s.find_first_of(".eE"));
    if (!valid_grouping(integer)) return std::nullopt;
    std::erase(digits, ',');
  }
  if (digits.empty()) return std::nullopt;
  double value = 0;
  const char* end = digits.data() + digits.size();
  auto [ptr, ec] = std::from_chars(digits.data(), end, value);
  if (ec != std::errc() || ptr != end || !std::isfinite(value)) return std::nullopt;
  return value;
}

void fail_at(const std::string& source, size_t line, const std::string& what, const std::string& expected,
             std::string_view got) {
  std::string shown(got.substr(0, 60));  // input_error keeps it on one line
  if (got.size() > 60) shown += "…";
  throw input_error(source + ":" + std::to_string(line) + ": " + what + ": expected " + expected + ", got \"" +
                    shown + "\"");
}

double require_number_at(std::string_view s, const std::string& source, size_t line, const std::string& what,
                         bool thousands) {
  const auto v = parse_number(s, thousands);
  if (!v) fail_at(source, line, what, "a number", s);
  return *v;
}

std::vector<CsvRow> parse_csv(std::string_view text, const std::string& source, char delimiter) {
  std::vector<CsvRow> rows;
  size_t line = 1, i = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;  // a UTF-8 byte-order mark (Excel's CSV)
  while (i < text.size()) {
    CsvRow row{line, {}};
    std::string field;
    bool quoted = false, field_started = false;
    size_t quote_line = line;
    for (; i < text.size(); ++i) {
      const char c = text[i];
      if (quoted) {
        if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else if (c == '"') {
          quoted = false;
        } else {
          if (c == '\n') ++line;
          field += c;
        }
        continue;
      }
      if (c == '"' && !field_started) {
        quoted = field_started = true;
        quote_line = line;
      } else if (c == delimiter) {
        row.fields.push_back(std::move(field));
        field.clear();
        field_started = false;
      } else if (c == '\n') {
        break;
      } else if (c != '\r') {
        field += c;
        field_started = true;
      }
    }
    if (quoted) fail_at(source, quote_line, "CSV", "a closing quote (truncated file?)", field);
    row.fields.push_back(std::move(field));
    ++i;  // past the '\n'
    ++line;
    if (!(row.fields.size() == 1 && row.fields[0].empty())) rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace perfwatch::text_input
