#pragma once
// What a GitHub Actions job shows of a night: workflow-command annotations
// (`::error`, `::warning`) that appear on the run's page.
#include <string>
#include <vector>

#include "detect/verdict.hpp"

namespace perfwatch {

// `::error title=...::...` for each regression, `::warning` for each failed
// benchmark and each benchmark without enough baseline nights; one line each.
std::vector<std::string> actions_annotations(const Comparison& c);

// Escapes for workflow commands: data (after "::") and property values.
std::string escape_actions_data(const std::string& text);
std::string escape_actions_property(const std::string& text);

}  // namespace perfwatch
