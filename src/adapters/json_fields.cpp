#include "adapters/json_fields.hpp"

#include <cmath>

namespace perfwatch::json_fields {
namespace {

// 1-based line and column of a byte offset.
std::pair<size_t, size_t> line_and_column(std::string_view text, size_t offset) {
  size_t line = 1, column = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

}  // namespace

json parse_document(std::string_view text, const std::string& source, size_t first_line) {
  try {
    return json::parse(text);
  } catch (const json::out_of_range& e) {
    // nlohmann reports overflow ("1e999") without a position; keep its wording.
    std::string what = e.what();
    what = what.substr(what.find(']') + 2);
    throw input_error(source + ": malformed JSON: " + what + " (expected a finite number)");
  } catch (const json::parse_error& e) {
    // nlohmann's byte is 1-based and points just past the offending character.
    const size_t offset = e.byte > 0 ? e.byte - 1 : 0;
    auto [line, column] = line_and_column(text, offset);
    line += first_line - 1;
    const bool truncated = offset >= text.size();
    throw input_error(source + ":" + std::to_string(line) + ":" + std::to_string(column) +
                      ": malformed JSON: " +
                      (truncated ? std::string("unexpected end of input (truncated file?)")
                                 : "expected a JSON value or punctuation here"));
  }
}

std::string child(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

std::string element(const std::string& path, size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

void reject_unknown_keys(const json& object, const std::set<std::string>& known, const std::string& source,
                         const std::string& path) {
  for (const auto& [key, value] : object.items()) {
    if (known.count(key)) continue;
    std::string expected;
    for (const std::string& k : known) expected += (expected.empty() ? "" : ", ") + k;
    throw input_error(source + ": " + child(path, key) + ": unknown key (expected one of " + expected + ")");
  }
}

std::string describe(const json& value) {
  std::string text = value.dump();
  if (text.size() > 40) text = text.substr(0, 37) + "...";
  switch (value.type()) {
    case json::value_t::null: return "null";
    case json::value_t::string: return "a string " + text;
    case json::value_t::boolean: return "a boolean " + text;
    case json::value_t::array: return "an array";
    case json::value_t::object: return "an object";
    default: return text;
  }
}

void fail(const std::string& source, const std::string& path, const std::string& expected,
          const json& got) {
  throw input_error(source + ": " + path + ": expected " + expected + ", got " + describe(got));
}

const json& require(const json& object, std::string_view key, const std::string& source,
                    const std::string& path) {
  const json* found = optional(object, key);
  if (!found) {
    throw input_error(source + ": " + child(path, key) + ": missing required field");
  }
  return *found;
}

const json* optional(const json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

std::string require_string(const json& value, const std::string& source, const std::string& path) {
  if (!value.is_string()) fail(source, path, "a string", value);
  return value.get<std::string>();
}

double require_number(const json& value, const std::string& source, const std::string& path) {
  if (!value.is_number()) fail(source, path, "a number", value);
  const double v = value.get<double>();
  if (!std::isfinite(v)) fail(source, path, "a finite number", value);
  return v;
}

double require_non_negative(const json& value, const std::string& source,
                            const std::string& path) {
  if (!value.is_number()) fail(source, path, "a non-negative finite number", value);
  const double v = value.get<double>();
  if (!std::isfinite(v) || v < 0) fail(source, path, "a non-negative finite number", value);
  return v;
}

std::int64_t require_count(const json& value, const std::string& source, const std::string& path) {
  if (!value.is_number_integer() || value.get<std::int64_t>() < 0) {
    fail(source, path, "a non-negative integer", value);
  }
  return value.get<std::int64_t>();
}

const json& require_array(const json& value, const std::string& source, const std::string& path) {
  if (!value.is_array()) fail(source, path, "an array", value);
  return value;
}

const json& require_object(const json& value, const std::string& source,
                           const std::string& path) {
  if (!value.is_object()) fail(source, path, "an object", value);
  return value;
}

const json& require_document_list(const json& doc, std::string_view key, const std::string& source) {
  require_object(doc, source, "(document)");
  return require_array(require(doc, key, source, ""), source, std::string(key));
}

std::vector<double> require_non_negative_list(const json& value, const std::string& source, const std::string& path) {
  require_array(value, source, path);
  std::vector<double> values;
  values.reserve(value.size());
  for (size_t i = 0; i < value.size(); ++i) values.push_back(require_non_negative(value[i], source, element(path, i)));
  return values;
}

}  // namespace perfwatch::json_fields
