#include "support/adapter_fixtures.hpp"
#include "runner/criterion_dir.hpp"

using namespace perfwatch;
using namespace perfwatch::testing;

// Built from Criterion.rs 0.5's documented target/criterion layout; see tests/fixtures/README.md.
TEST_CASE("parse_criterion") {
  const std::string dir = fixture_path("criterion/target/criterion");
  const SuiteResult s = parse_results("criterion", criterion_document(dir), dir);
  SUBCASE("new/ only (base/ is the previous run); times / iters per sample") {
    REQUIRE(s.benchmarks.size() == 2);
    const BenchmarkResult& fib = find_benchmark(s, "fib/20");
    REQUIRE(fib.latency->values.size() == 10);
    CHECK(fib.latency->values[0] == doctest::Approx(26155.0));
    CHECK(fib.latency->values[9] == doctest::Approx(26050.0));
    CHECK_FALSE(fib.throughput);
  }
  SUBCASE("a declared throughput in bytes turns into bytes/s") {
    const BenchmarkResult& bytes = find_benchmark(s, "parse bytes");
    REQUIRE(bytes.throughput);
    CHECK(bytes.throughput->unit == "bytes/s");
    CHECK(bytes.throughput->values[0] == doctest::Approx(1024 * 1e9 / 512.0));
  }
  SUBCASE("before 0.3.3 sample.json is the pair [iters, times]: the same samples") {
    const std::string old_dir = fixture_path("criterion-0.2/target/criterion");
    const SuiteResult old = parse_results("criterion", criterion_document(old_dir), old_dir);
    REQUIRE(old.benchmarks.size() == 1);
    CHECK(find_benchmark(old, "fib/20").latency == find_benchmark(s, "fib/20").latency);
    CHECK(parse_error("criterion", R"({"criterion":[{"path":"x/new","benchmark":{"full_id":"a"},"sample":[[1,2]]}]})") ==
          "x/new/sample.json: (document): expected [iters, times] (Criterion before 0.3.3) or an object with iters and times, got an array");
  }
  SUBCASE("bad input names the file and field") {
    CHECK(parse_error("criterion", R"({"criterion":[{"path":"x/new","benchmark":{"full_id":"a"},"sample":{"iters":[1,2],"times":[5]}}]})") ==
          "x/new/sample.json: times: expected 2 values like iters, got 1");
    CHECK(parse_error("criterion", R"({"criterion":[{"path":"x/new","benchmark":{"full_id":"a"},"sample":{"iters":[0],"times":[5]}}]})") ==
          "x/new/sample.json: iters[0]: expected a positive iteration count, got 0");
  }
}

TEST_CASE("criterion_document") {
  CHECK_THROWS_WITH_AS(criterion_document(fixture_path("criterion/missing")),
                       doctest::Contains("expected a Criterion output folder"), Error);
}
