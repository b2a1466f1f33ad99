// --format auto: recognise a results file from its content.
#include "adapters/adapter.hpp"
#include "adapters/json_fields.hpp"

namespace perfwatch {
namespace {

bool looks_like_gbench(const nlohmann::json& doc) {
  if (!doc.is_object() || !doc.contains("benchmarks")) return false;
  if (doc.contains("context")) return true;
  const auto& rows = doc["benchmarks"];
  return rows.is_array() && !rows.empty() && rows[0].is_object() && rows[0].contains("real_time");
}

// Anything else with a "benchmarks" list: the native parser then names what is wrong.
bool looks_like_perfwatch(const nlohmann::json& doc) {
  return doc.is_object() && doc.contains("benchmarks") && doc["benchmarks"].is_array();
}

}  // namespace

Expected<std::string> detect_format(std::string_view text, const std::string& source) {
  const nlohmann::json doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    try {
      json_fields::parse_document(text, source);  // throws, naming line and column
    } catch (const Error& e) {
      return e;
    }
  }
  if (looks_like_gbench(doc)) return std::string("gbench");
  if (looks_like_perfwatch(doc)) return std::string("perfwatch");
  return input_error(source + ": --format auto: expected a results file in a known format, tried " +
                     adapter_names() + " (name one with --format)");
}

}  // namespace perfwatch
