#include "adapters/csv_columns.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace perfwatch::text_input {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

}  // namespace

CsvColumns::CsvColumns(const CsvRow& header, std::string source)
    : names_(header.fields), header_line_(header.line), source_(std::move(source)) {
  for (size_t i = 0; i < header.fields.size(); ++i) index_.try_emplace(lower(std::string(trim(header.fields[i]))), i);
}

std::optional<size_t> CsvColumns::find(std::initializer_list<const char*> names) const {
  for (const char* n : names)
    if (auto it = index_.find(lower(n)); it != index_.end()) return it->second;
  return std::nullopt;
}

size_t CsvColumns::require(std::initializer_list<const char*> names) const {
  if (auto i = find(names)) return *i;
  std::string header;
  for (const std::string& n : names_) header += (header.empty() ? "" : ",") + n;
  fail_at(source_, header_line_, "CSV header", std::string("a \"") + *names.begin() + "\" column", header);
}

const std::string& CsvColumns::field(const CsvRow& row, size_t column) const {
  if (column >= row.fields.size())
    fail_at(source_, row.line, "CSV row", std::to_string(names_.size()) + " fields like the header",
            std::to_string(row.fields.size()) + " fields");
  return row.fields[column];
}

double CsvColumns::number(const CsvRow& row, size_t column) const {
  const std::string& text = field(row, column);
  const auto v = parse_number(trim(text));
  if (!v || *v < 0) fail_at(source_, row.line, "column \"" + names_[column] + "\"", "a non-negative number", text);
  return *v;
}

}  // namespace perfwatch::text_input

namespace perfwatch::text_input {

std::int64_t CsvColumns::count(const CsvRow& row, size_t column) const {
  const double v = number(row, column);
  if (v != std::floor(v) || v > 9007199254740992.0)
    fail_at(source_, row.line, "column \"" + names_[column] + "\"", "a whole count", field(row, column));
  return static_cast<std::int64_t>(v);
}

}  // namespace perfwatch::text_input
