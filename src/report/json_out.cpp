#include "report/json_out.hpp"

#include <cmath>

namespace perfwatch {

namespace {

// Printable ASCII with nothing to escape (keys, units, verdicts, most names).
bool plain(std::string_view s) {
  for (char c : s)
    if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') return false;
  return true;
}

void quoted(std::string& out, std::string_view s) {
  if (!plain(s)) {
    out += nlohmann::json(s).dump();  // its escapes, and its check of the UTF-8
    return;
  }
  out += '"';
  out += s;
  out += '"';
}

}  // namespace

void JsonOut::indent(size_t depth) { out_.append(2 * depth, ' '); }

void JsonOut::before_value() {
  if (after_key_) {  // the key wrote the separator already
    after_key_ = false;
    return;
  }
  if (empty_.empty()) return;  // the document's own value
  out_ += empty_.back() ? "\n" : ",\n";
  empty_.back() = false;
  indent(empty_.size());
}

JsonOut& JsonOut::key(std::string_view k) {
  before_value();
  quoted(out_, k);
  out_ += ": ";
  after_key_ = true;
  return *this;
}

JsonOut& JsonOut::open(char bracket) {
  before_value();
  out_ += bracket;
  empty_.push_back(true);
  return *this;
}

JsonOut& JsonOut::close(char bracket) {
  const bool was_empty = empty_.back();
  empty_.pop_back();
  if (!was_empty) {
    out_ += '\n';
    indent(empty_.size());
  }
  out_ += bracket;
  return *this;
}

JsonOut& JsonOut::value(std::string_view s) {
  before_value();
  quoted(out_, s);
  return *this;
}

JsonOut& JsonOut::value(bool b) {
  before_value();
  out_ += b ? "true" : "false";
  return *this;
}

JsonOut& JsonOut::value(std::int64_t i) {
  before_value();
  out_ += std::to_string(i);
  return *this;
}

JsonOut& JsonOut::value(double d) {
  if (std::isnan(d) || std::isinf(d)) return null();
  before_value();
  out_ += nlohmann::json(d).dump();
  return *this;
}

JsonOut& JsonOut::null() {
  before_value();
  out_ += "null";
  return *this;
}

JsonOut& JsonOut::tree(const nlohmann::json& j) {
  before_value();
  const std::string text = j.dump(2);
  std::string pad(2 * empty_.size() + 1, ' ');
  pad[0] = '\n';
  for (char c : text) {
    if (c == '\n') out_ += pad;
    else out_ += c;
  }
  return *this;
}

}  // namespace perfwatch
