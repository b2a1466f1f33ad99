#pragma once
#include <string>
#include <string_view>

namespace perfwatch {

// At most `max_code_points` UTF-8 code points of `text`, "…" marking a cut.
std::string truncate_utf8(std::string_view text, size_t max_code_points);

// Text safe inside a Markdown table cell: `|`, backslashes, HTML and
// @mentions cannot break the table, inject markup or ping people.
std::string escape_markdown_cell(std::string_view text);

// True when `name` matches shell-style `pattern` (`*`, `?`; `*` also crosses '/').
bool glob_match(std::string_view pattern, std::string_view name);

}  // namespace perfwatch
