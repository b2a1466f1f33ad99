#include <doctest/doctest.h>

#include "adapters/text_input.hpp"

using namespace perfwatch;
using namespace perfwatch::text_input;

TEST_CASE("parse_number") {
  CHECK(parse_number("12.5") == 12.5);
  CHECK(parse_number("+3") == 3.0);
  CHECK(parse_number("1e3") == 1000.0);
  CHECK_FALSE(parse_number(""));
  CHECK_FALSE(parse_number("12x"));
  CHECK_FALSE(parse_number("nan"));
  CHECK_FALSE(parse_number("inf"));
  CHECK_FALSE(parse_number("1,234"));  // commas only when asked for
  CHECK(parse_number("1,317,411.50", true) == 1317411.5);
  CHECK(parse_number("84,031,574", true) == 84031574.0);
  CHECK(parse_number("999", true) == 999.0);
  CHECK_FALSE(parse_number("1,2", true));
  CHECK_FALSE(parse_number(",123", true));
  CHECK_FALSE(parse_number("1234,567", true));
  CHECK_FALSE(parse_number("1,2345", true));
}

TEST_CASE("split_lines") {
  const auto lines = split_lines("a\r\nb\n\nc");
  REQUIRE(lines.size() == 4);
  CHECK(lines[0].text == "a");
  CHECK(lines[2].text.empty());
  CHECK(lines[3].number == 4);
  CHECK(split_lines("a\n").size() == 1);
}

TEST_CASE("parse_csv") {
  SUBCASE("quotes, doubled quotes, commas and line breaks inside a field") {
    const auto rows = parse_csv("a,b\n\"x, \"\"y\"\"\",\"two\nlines\"\nlast,\n", "f.csv");
    REQUIRE(rows.size() == 3);
    CHECK(rows[1].fields == std::vector<std::string>{"x, \"y\"", "two\nlines"});
    CHECK(rows[2].line == 4);
    CHECK(rows[2].fields == std::vector<std::string>{"last", ""});
  }
  SUBCASE("a byte-order mark and CRLF endings") {
    const auto rows = parse_csv("\xEF\xBB\xBFName,Requests/s\r\nx,1\r\n", "f.csv");
    CHECK(rows[0].fields[0] == "Name");
    CHECK(rows[1].fields[1] == "1");
  }
  SUBCASE("a quote left open is an error naming its line") {
    CHECK_THROWS_WITH_AS(parse_csv("a,b\nc,\"open\n", "f.csv"), doctest::Contains("f.csv:2: CSV: expected a closing quote"), Error);
  }
}
