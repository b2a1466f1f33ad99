#include <doctest/doctest.h>

#include "util/time.hpp"

using namespace perfwatch;

// Reference: `date -u -d 2026-11-15T02:00:00Z +%s` -> 1794708000
TEST_CASE("parse_iso8601") {
  CHECK(parse_iso8601("2026-11-15T02:00:00Z") == 1794708000);
  CHECK(parse_iso8601("2026-11-15T03:00:00+01:00") == 1794708000);
  CHECK(parse_iso8601("2026-11-15T02:00:00.750Z") == 1794708000);
  CHECK(parse_iso8601("2026-11-15 02:00") == 1794708000);
  CHECK(parse_iso8601("2026-11-15") == 1794700800);
  CHECK(parse_iso8601("2024-02-29") == 1709164800);  // leap day

  SUBCASE("rejects what is not a time") {
    CHECK_FALSE(parse_iso8601(""));
    CHECK_FALSE(parse_iso8601("yesterday"));
    CHECK_FALSE(parse_iso8601("2026-13-01"));
    CHECK_FALSE(parse_iso8601("2025-02-29"));
    CHECK_FALSE(parse_iso8601("2026-11-15T25:00:00Z"));
    CHECK_FALSE(parse_iso8601("2026-11-15T02:00:00Zjunk"));
  }
}

TEST_CASE("format_iso8601") {
  CHECK(format_iso8601(1794708000) == "2026-11-15T02:00:00Z");
  CHECK(parse_iso8601(format_iso8601(1700000123)) == 1700000123);
  CHECK(format_short_time(1794708000) == "2026-11-15 02:00");
}
