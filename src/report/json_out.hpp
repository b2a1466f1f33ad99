#pragma once
// A JSON document written as it goes, laid out as nlohmann's dump(2) lays it
// out. compare's JSON over 1,000 benchmarks has ~4,000 rows: building them
// as a tree of std::maps first took a fifth of compare's time.
//
// Keys are written in the order given; callers give them sorted, as
// nlohmann writes an object's keys, so the output does not depend on which
// of the two wrote it. Numbers and strings are formatted by nlohmann itself.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace perfwatch {

class JsonOut {
 public:
  explicit JsonOut(std::string& out) : out_(out) {}

  JsonOut& begin_object() { return open('{'); }
  JsonOut& end_object() { return close('}'); }
  JsonOut& begin_array() { return open('['); }
  JsonOut& end_array() { return close(']'); }
  // The key of the next value (inside an object).
  JsonOut& key(std::string_view k);

  JsonOut& value(std::string_view s);
  JsonOut& value(const char* s) { return value(std::string_view(s)); }
  JsonOut& value(const std::string& s) { return value(std::string_view(s)); }
  JsonOut& value(bool b);
  JsonOut& value(int i) { return value(static_cast<std::int64_t>(i)); }
  JsonOut& value(std::int64_t i);
  JsonOut& value(double d);  // NaN and infinities as null
  JsonOut& null();
  JsonOut& tree(const nlohmann::json& j);  // a small tree, indented in place

 private:
  JsonOut& open(char bracket);
  JsonOut& close(char bracket);
  void before_value();  // the comma, newline and indent an element needs
  void indent(size_t depth);

  std::string& out_;
  std::vector<bool> empty_;  // per open bracket: nothing written inside yet
  bool after_key_ = false;
};

}  // namespace perfwatch
