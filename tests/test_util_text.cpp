#include <doctest/doctest.h>

#include "util/text.hpp"

using namespace perfwatch;

TEST_CASE("truncate_utf8") {
  CHECK(truncate_utf8("short", 10) == "short");
  CHECK(truncate_utf8("exactly", 7) == "exactly");
  CHECK(truncate_utf8("a longer subject", 6) == "a lon…");
  // Never cuts inside a multi-byte code point.
  CHECK(truncate_utf8("ééééé", 3) == "éé…");
  CHECK(truncate_utf8("日本語テキスト", 4) == "日本語…");
}

TEST_CASE("glob_match") {
  CHECK(glob_match("parser/*", "parser/small"));
  CHECK(glob_match("*", "anything/at/all"));
  CHECK(glob_match("p?rser/*", "parser/x"));
  CHECK_FALSE(glob_match("parser/*", "lexer/small"));
  CHECK_FALSE(glob_match("parser", "parser/small"));
}
