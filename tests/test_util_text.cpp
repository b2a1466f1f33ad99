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

#include "model/units.hpp"

TEST_CASE("format_quantity") {
  CHECK(format_quantity(930, "ns") == "930 ns");
  CHECK(format_quantity(1204.5, "ns") == "1.20 us");
  CHECK(format_quantity(1.5e6, "ns") == "1.50 ms");
  CHECK(format_quantity(3.4e9, "ns") == "3.40 s");
  CHECK(format_quantity(830428, "items/s") == "830k items/s");
  CHECK(format_quantity(1.2e6, "req/s") == "1.20M req/s");
  CHECK(format_quantity(42, "tx/s") == "42.0 tx/s");
}

TEST_CASE("is_count_unit") {
  for (const char* count : {"B/op", "allocs/op", "cycles/iter", "Ir", "instructions", "bytes", "misses"})
    CHECK_MESSAGE(is_count_unit(count), count);
  for (const char* other : {"ns", "us", "µs", "ms/op", "s/iter", "ns/op", "MB/s", "items/s", "req/s"})
    CHECK_MESSAGE(!is_count_unit(other), other);
}

TEST_CASE("nanoseconds_per") {
  CHECK(nanoseconds_per("us") == 1e3);
  CHECK(nanoseconds_per("µs") == 1e3);
  CHECK(nanoseconds_per("ms") == 1e6);
  CHECK(nanoseconds_per("s") == 1e9);
  CHECK_FALSE(nanoseconds_per("cycles"));
}
