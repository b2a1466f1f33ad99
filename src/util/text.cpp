#include "util/text.hpp"

namespace perfwatch {

std::string truncate_utf8(std::string_view text, size_t max_code_points) {
  size_t points = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const bool starts_point = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if (!starts_point) continue;
    if (points == max_code_points - 1) {
      // Room for exactly one more code point: keep the rest only if it is the last one.
      size_t rest = 0;
      for (size_t j = i; j < text.size(); ++j) rest += (static_cast<unsigned char>(text[j]) & 0xC0) != 0x80;
      if (rest <= 1) return std::string(text);
      return std::string(text.substr(0, i)) + "…";
    }
    ++points;
  }
  return std::string(text);
}

std::string escape_markdown_cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '|': out += "\\|"; break;
      case '\\': out += "\\\\"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '`': out += "\\`"; break;
      case '*': case '_': case '[': case ']': out += '\\'; out += c; break;
      case '@': out += "@\u200b"; break;  // a zero-width space: no @mention
      case '\n': case '\r': out += ' '; break;
      default: out += c;
    }
  }
  return out;
}

bool glob_match(std::string_view pattern, std::string_view name) {
  size_t p = 0, n = 0, star = std::string_view::npos, mark = 0;
  while (n < name.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == name[n])) {
      ++p;
      ++n;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = n;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      n = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

}  // namespace perfwatch
