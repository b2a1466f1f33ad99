#include <doctest/doctest.h>

#include "store/postgres_text.hpp"

using namespace perfwatch::postgres;

TEST_CASE("is_url") {
  CHECK(is_url("postgresql://perf@db:5432/history"));
  CHECK(is_url("postgres://db/history"));
  CHECK_FALSE(is_url("history.db"));
  CHECK_FALSE(is_url("mysql://db/history"));
}

TEST_CASE("redact") {
  CHECK(redact("postgresql://perf:s3cret@db.example.com:5432/history") == "postgresql://perf@db.example.com:5432/history");
  CHECK(redact("postgresql://perf@db/history") == "postgresql://perf@db/history");
  CHECK(redact("postgresql://db/history?password=s3cret&sslmode=require") ==
        "postgresql://db/history?password=***&sslmode=require");
  CHECK(redact("postgresql://a:b@db/h?sslmode=require&password=x") == "postgresql://a@db/h?sslmode=require&password=***");
  // A colon in the host part (a port) is not a password.
  CHECK(redact("postgresql://db:5432/h") == "postgresql://db:5432/h");
  // An '@' in a parameter value is not a user part.
  CHECK(redact("postgresql://db/h?application_name=a@b") == "postgresql://db/h?application_name=a@b");
}

TEST_CASE("host_of") {
  CHECK(host_of("postgresql://perf:pw@db.example.com:5433/history") == "db.example.com:5433");
  CHECK(host_of("postgresql://127.0.0.1/history?sslmode=require") == "127.0.0.1");
  CHECK(host_of("postgresql:///history") == "localhost (the Unix socket)");
}

TEST_CASE("with_schema") {
  CHECK(with_schema("postgresql://db/h", "t1") == "postgresql://db/h?options=-csearch_path%3Dt1");
  CHECK(with_schema("postgresql://db/h?sslmode=require", "t1") == "postgresql://db/h?sslmode=require&options=-csearch_path%3Dt1");
}

TEST_CASE("numbered_placeholders") {
  int count = 0;
  CHECK(numbered_placeholders("INSERT INTO t VALUES(?, ?, '?', ?)", &count) == "INSERT INTO t VALUES($1, $2, '?', $3)");
  CHECK(count == 3);
  CHECK(numbered_placeholders("SELECT 1", &count) == "SELECT 1");
  CHECK(count == 0);
}

TEST_CASE("decode_bytea_hex") {
  CHECK(decode_bytea_hex("\\x00ff10") == std::vector<std::byte>{std::byte{0}, std::byte{255}, std::byte{16}});
  CHECK(decode_bytea_hex("\\x") == std::vector<std::byte>{});
  CHECK_FALSE(decode_bytea_hex("\\x0"));
  CHECK_FALSE(decode_bytea_hex("\\xzz"));
  CHECK_FALSE(decode_bytea_hex("abc"));  // escape form, not hex
}
