#pragma once
// A CSV file's header, looked up by column name, for the CSV adapters
// (Locust, JMeter): errors name the file, the line and the column.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "adapters/text_input.hpp"

namespace perfwatch::text_input {

class CsvColumns {
 public:
  CsvColumns(const CsvRow& header, std::string source);

  // The index of the first of `names` present (case-insensitive), if any.
  std::optional<size_t> find(std::initializer_list<const char*> names) const;
  // Like find, or exit 2 naming the header line and the first name.
  size_t require(std::initializer_list<const char*> names) const;

  // Field `column` of `row`, or exit 2 when the row is too short.
  const std::string& field(const CsvRow& row, size_t column) const;
  // The field as a non-negative number; `what` names it in the error.
  double number(const CsvRow& row, size_t column) const;
  // The field as a whole, non-negative count (at most 2^53).
  std::int64_t count(const CsvRow& row, size_t column) const;

 private:
  std::map<std::string, size_t> index_;  // lower-cased name -> column
  std::vector<std::string> names_;
  size_t header_line_;
  std::string source_;
};

}  // namespace perfwatch::text_input
