// ingest and run with every adapter, end to end: the real fixtures go through
// the CLI into a real history and come back out of `history --format json`.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>

#include "support/adapter_fixtures.hpp"
#include "support/git_fixture.hpp"
#include "support/history.hpp"
#include "support/ingest_fixture.hpp"

using namespace perfwatch;
using perfwatch::testing::fixture_path;
using perfwatch::testing::IngestFixture;
using perfwatch::testing::one_line;

namespace {

nlohmann::json newest_run(IngestFixture& f) {
  const std::string out = f.perfwatch({"export"}).out;
  const size_t last = out.rfind("{\"aggregate_only\"");
  REQUIRE(last != std::string::npos);
  return nlohmann::json::parse(out.substr(last, out.find('\n', last) - last));
}

}  // namespace

TEST_CASE("cli ingest --format auto") {
  IngestFixture f;
  SUBCASE("every format's fixture is recognised, says which in verbose mode, and is stored under it") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"catch2/v3_xml.xml", "catch2"},          {"hyperfine/runs.json", "hyperfine"},
        {"pytest-benchmark/with_data.json", "pytest-benchmark"}, {"gotest/count3_benchmem.txt", "gotest"},
        {"cargo-bench/libtest_bench.txt", "cargo-bench"},   {"jmh/results.json", "jmh"},
        {"benchmarkdotnet/report-full.json", "benchmarkdotnet"}, {"benchmarkjs/suite.txt", "benchmarkjs"},
        {"k6/summary_export.json", "k6"},          {"locust/run_stats.csv", "locust"},
        {"jmeter/results.jtl", "jmeter"},          {"bmf/results.json", "bmf"},
        {"criterion/target/criterion", "criterion"}};
    int day = 10;
    for (const auto& c : cases) {
      const auto& [file, format] = c;
      CAPTURE(c.first);  // not `file`: clang before 16 cannot capture a structured binding
      const std::string at = "2026-11-" + std::to_string(day++) + "T02:00:00Z";
      const auto r = f.perfwatch({"-v", "ingest", fixture_path(file), "--at", at});
      REQUIRE_MESSAGE(r.status == 0, r.err);
      CHECK(r.err.find("read as " + format) != std::string::npos);
      CHECK(newest_run(f)["source_format"] == format);
    }
  }
  SUBCASE("aggregate-only formats say so in the stored run") {
    REQUIRE(f.perfwatch({"ingest", fixture_path("k6/summary_export.json"), "--at", "2026-11-29T02:00:00Z"}).status == 0);
    CHECK(newest_run(f)["aggregate_only"] == true);
    REQUIRE(f.perfwatch({"ingest", fixture_path("gotest/count3_benchmem.txt"), "--at", "2026-11-30T02:00:00Z"}).status == 0);
    CHECK(newest_run(f)["aggregate_only"] == false);
  }
  SUBCASE("raw samples survive the trip: go test's three counts") {
    REQUIRE(f.perfwatch({"ingest", fixture_path("gotest/count3_benchmem.txt")}).status == 0);
    const auto runs = nlohmann::json::parse(f.perfwatch({"history", "BenchmarkSplit", "--format", "json"}).out)["runs"];
    CHECK(runs[0]["n"] == 3);
    CHECK(runs[0]["p50"] == doctest::Approx(5177.37037037037));  // scipy.stats.mstats.hdquantiles([6022, 4971, 4716], prob=[0.5])
  }
}

TEST_CASE("cli ingest rejects bad input in one line, exit 2, history untouched") {
  IngestFixture f;
  REQUIRE(f.perfwatch({"ingest", f.results("base.json", "a", "1,2,3")}).status == 0);
  const std::string before = f.exported();
  auto rejected = [&](std::vector<std::string> args, const std::string& expected) {
    args.insert(args.begin(), "ingest");
    const auto r = f.perfwatch(args);
    CHECK(r.status == 2);
    CHECK(one_line(r.err));
    CHECK_MESSAGE(r.err.find(expected) != std::string::npos, r.err);
    CHECK(f.exported() == before);
  };
  SUBCASE("a wrong format forced with --format") {
    rejected({fixture_path("gotest/count3_benchmem.txt"), "--format", "k6"}, "count3_benchmem.txt:1:1: malformed JSON");
    rejected({fixture_path("k6/summary_export.json"), "--format", "hyperfine"}, "summary_export.json: results: missing required field");
    rejected({fixture_path("criterion/target/criterion"), "--format", "gbench"}, "only criterion reads a folder");
  }
  SUBCASE("a truncated file") {
    const std::string text = read_file(fixture_path("jmh/results.json"));
    rejected({f.dir.write("cut.json", text.substr(0, text.size() / 2)).string(), "--format", "jmh"}, "unexpected end of input (truncated file?)");
    const std::string xml = read_file(fixture_path("catch2/v2_xml.xml"));
    rejected({f.dir.write("cut.xml", xml.substr(0, xml.size() / 2)).string()}, "cut.xml:");
  }
  SUBCASE("numbers as strings, missing units") {
    rejected({f.dir.write("s.json", R"({"results":[{"command":"a","times":["0.1"]}]})").string()},
             "s.json: results[0].times[0]: expected a non-negative finite number, got a string \"0.1\"");
    rejected({f.dir.write("u.json", R"([{"benchmark":"a","mode":"avgt","primaryMetric":{"rawData":[[1]]}}])").string()},
             "u.json: [0].primaryMetric.scoreUnit: missing required field");
  }
  SUBCASE("an unrecognised file lists the formats tried") {
    rejected({f.dir.write("notes.txt", "just some notes\n").string()}, "tried perfwatch, gbench, catch2, hyperfine");
  }
}

TEST_CASE("cli run reads every adapter's format from the command's output") {
  IngestFixture f;
  const std::string fixtures = PERFWATCH_FIXTURES;
  // A Criterion folder holding an old result ("parse bytes") and one the command writes now.
  std::filesystem::copy(fixtures + "/criterion", f.dir / "crate", std::filesystem::copy_options::recursive);
  // Written on 2000-01-01: an absolute time, older than any clock the suite runs
  // under (faketime shifts the times a process reads, not those it sets).
  const auto old = std::chrono::file_clock::from_sys(std::chrono::sys_seconds{std::chrono::seconds{946684800}});
  for (const auto& e : std::filesystem::recursive_directory_iterator(f.dir / "crate"))
    std::filesystem::last_write_time(e.path(), old);
  f.dir.write("perfwatch.json", R"({"suite": "polyglot", "benchmarks": [
      {"name": "go", "command": ["cat", ")" + fixtures + R"(/gotest/count3_benchmem.txt"], "format": "gotest"},
      {"name": "locust", "command": ["cat", ")" + fixtures + R"(/locust/run_stats.csv"], "format": "locust"},
      {"name": "rust", "command": ["touch", "target/criterion/fib/20/new/sample.json"], "format": "criterion",
       "cwd": ")" + (f.dir / "crate").string() + R"("}]})");
  const auto r = f.perfwatch({"run"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  const auto history = [&](const std::string& name) {
    return nlohmann::json::parse(f.perfwatch({"history", name, "--format", "json"}).out)["runs"][0];
  };
  CHECK(history("go/BenchmarkSplit")["n"] == 3);
  CHECK(history("go/BenchmarkSplit:B/op")["p50"] == 4864.0);
  CHECK(history("locust/POST /login")["errors"] == 12);
  CHECK(history("rust/fib/20")["n"] == 10);
  const auto stale = f.perfwatch({"history", "rust/parse bytes"});
  CHECK(stale.status == 2);  // last week's result was not recorded as tonight's
}

TEST_CASE("cli ingest: a retried job ingesting the same file again stores nothing twice") {
  for (const std::string& engine : testing::engines()) {
    CAPTURE(engine);
    testing::TempDir dir;
    testing::TestHistory h(dir, engine);
    testing::GitFixture git(dir.path(), 1);
    const auto file = dir.write("night.json", R"({"suite":"s","benchmarks":[{"name":"b","unit":"ns","samples":[1,2,3]},)"
                                              R"({"name":"a","unit":"ns","samples":[4,5]}]})");
    auto ingest = [&](const std::string& path, const std::string& at) {
      return testing::run({"--repo", dir.path().string(), "--db", h.location(), "ingest", path, "--at", at});
    };
    REQUIRE(ingest(file.string(), "2026-11-20T02:00:00Z").status == 0);
    const auto again = ingest(file.string(), "2026-11-20T02:40:00Z");
    CHECK(again.status == 0);
    CHECK(again.err.find("run 1 of this night already holds these results (a retried job?); nothing stored") !=
          std::string::npos);
    // Other samples the same night are another run (compare says `reported_twice`), and the next night is its own.
    const auto other = dir.write("other.json", R"({"suite":"s","benchmarks":[{"name":"a","unit":"ns","samples":[4,6]}]})");
    CHECK(ingest(other.string(), "2026-11-20T03:00:00Z").err.find("recorded run 2") != std::string::npos);
    CHECK(ingest(file.string(), "2026-11-21T02:00:00Z").err.find("recorded run 3") != std::string::npos);
  }
}
