#pragma once
// Reading JSON input with errors that name the file, the JSON path and what
// was expected: "results.json: benchmarks[2].samples[5]: expected a
// non-negative finite number, got -3".
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "util/error.hpp"

namespace perfwatch::json_fields {

using nlohmann::json;

// Parses `text`; on a syntax error throws input_error naming line and column
// (lines counted from `first_line`, for documents that are one line of a file).
json parse_document(std::string_view text, const std::string& source, size_t first_line = 1);

// "benchmarks[2]" + "samples" -> "benchmarks[2].samples".
std::string child(const std::string& path, std::string_view key);
std::string element(const std::string& path, size_t index);

// A short description of a value for messages: "a string \"12\"", "null".
std::string describe(const json& value);

// Exit 2 naming the first key of `object` that is not in `known`, and the keys that are.
void reject_unknown_keys(const json& object, const std::set<std::string>& known, const std::string& source,
                         const std::string& path);

[[noreturn]] void fail(const std::string& source, const std::string& path,
                       const std::string& expected, const json& got);

const json& require(const json& object, std::string_view key, const std::string& source,
                    const std::string& path);
const json* optional(const json& object, std::string_view key);

std::string require_string(const json& value, const std::string& source, const std::string& path);
double require_number(const json& value, const std::string& source, const std::string& path);
double require_non_negative(const json& value, const std::string& source, const std::string& path);
std::int64_t require_count(const json& value, const std::string& source, const std::string& path);
const json& require_array(const json& value, const std::string& source, const std::string& path);
const json& require_object(const json& value, const std::string& source, const std::string& path);

// The top-level list a results document keeps under `key` ({"benchmarks": [...]}).
const json& require_document_list(const json& doc, std::string_view key, const std::string& source);
// Every element of the array `value` as a non-negative finite number.
std::vector<double> require_non_negative_list(const json& value, const std::string& source, const std::string& path);

}  // namespace perfwatch::json_fields
