#pragma once
// Where a test's history lives: a file in the test's folder, or a fresh schema
// of its own in the test server's database (PERFWATCH_TEST_POSTGRES, which
// ci/test.sh sets after starting a throwaway server: ci/postgres.sh). Store
// tests run once per engine: `for (auto& engine : engines())`.
#include <doctest/doctest.h>

#include <atomic>
#include <cstdlib>
#include <random>
#include <string>
#include <unistd.h>
#include <vector>

#include "store/postgres.hpp"
#include "store/postgres_text.hpp"
#include "support/temp_dir.hpp"

namespace perfwatch::testing {

inline std::string test_server() {
  const char* url = std::getenv("PERFWATCH_TEST_POSTGRES");
  return url ? url : "";
}

// "sqlite", and "postgresql" when a test server is there.
inline std::vector<std::string> engines() {
  std::vector<std::string> out{"sqlite"};
  if (!test_server().empty()) out.push_back("postgresql");
  return out;
}

class TestHistory {
 public:
  TestHistory(const TempDir& dir, const std::string& engine, const std::string& file = "h.db") {
    if (engine == "sqlite") {
      location_ = (dir / file).string();
      return;
    }
    static std::atomic<int> next{0};
    schema_ = "pw_" + std::to_string(getpid()) + "_" + std::to_string(next++) + "_" +
              std::to_string(std::random_device{}() % 100000);
    postgres::Connection::open(test_server())->exec(("CREATE SCHEMA " + schema_).c_str());
    location_ = postgres::with_schema(test_server(), schema_);
  }
  ~TestHistory() {
    if (schema_.empty() || std::getenv("PERFWATCH_KEEP_TEST_DIRS")) return;
    try {
      postgres::Connection::open(test_server())->exec(("DROP SCHEMA " + schema_ + " CASCADE").c_str());
    } catch (...) {  // a server gone at the end is the test's failure to report, not the destructor's
    }
  }
  TestHistory(const TestHistory&) = delete;
  TestHistory& operator=(const TestHistory&) = delete;

  // What --db and Store::open take.
  const std::string& location() const { return location_; }

 private:
  std::string location_;
  std::string schema_;
};

}  // namespace perfwatch::testing
