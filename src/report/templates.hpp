#pragma once
#include <string_view>

namespace perfwatch {

// The text of templates/<name> (e.g. "issue.md.mustache"), embedded at build
// time; empty when there is no such template.
std::string_view template_text(std::string_view name);

}  // namespace perfwatch
