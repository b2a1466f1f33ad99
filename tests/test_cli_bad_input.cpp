// Every bad input: exit 2 (3 for a locked database), one line on stderr naming
// the file, the field and what was expected, and the history as it was.
#include <doctest/doctest.h>

#include "store/sqlite.hpp"
#include "support/ingest_fixture.hpp"
#include "util/file.hpp"

using namespace perfwatch;
using perfwatch::testing::IngestFixture;
using perfwatch::testing::one_line;

namespace {

struct Seeded : IngestFixture {
  std::string before;
  Seeded() {
    REQUIRE(perfwatch({"ingest", results("good.json", "a", "1,2,3"), "--at", "2026-11-15T02:00:00Z"}).status == 0);
    before = exported();
  }
  // Runs `args`, expects `status` and one stderr line containing `message`, and an unchanged history.
  void expect_rejected(std::vector<std::string> args, int status, const std::string& message) {
    const auto r = perfwatch(std::move(args));
    CHECK(r.status == status);
    CHECK(one_line(r.err));
    CHECK_MESSAGE(r.err.find(message) != std::string::npos, r.err);
    CHECK(r.err.starts_with("perfwatch: error: "));
    CHECK(exported() == before);
  }
};

}  // namespace

TEST_CASE("cli ingest rejects bad results files") {
  Seeded f;
  SUBCASE("malformed JSON names line and column") {
    f.expect_rejected({"ingest", f.dir.write("bad.json", "{\"benchmarks\": [\n  {\"name\": }]}").string()}, 2,
                      "bad.json:2:12: malformed JSON");
  }
  SUBCASE("a mistyped field") {
    f.expect_rejected({"ingest", f.results("bad.json", "a", "1, \"2\"")}, 2,
                      "bad.json: benchmarks[0].samples[1]: expected a non-negative finite number, got a string \"2\"");
  }
  SUBCASE("a negative duration") {
    f.expect_rejected({"ingest", f.results("bad.json", "a", "1, -2")}, 2, "samples[1]: expected a non-negative finite number, got -2");
  }
  SUBCASE("an infinite duration") {
    f.expect_rejected({"ingest", f.results("bad.json", "a", "1e400")}, 2, "bad.json: malformed JSON: number overflow parsing '1e400'");
  }
  SUBCASE("an empty sample list") {
    f.expect_rejected({"ingest", f.results("bad.json", "a", "")}, 2, "samples: expected at least one sample, got []");
  }
  SUBCASE("a missing field") {
    f.expect_rejected({"ingest", f.dir.write("bad.json", R"({"benchmarks":[{"samples":[1]}]})").string()}, 2,
                      "bad.json: benchmarks[0].name: missing required field");
  }
  SUBCASE("a missing file") {
    f.expect_rejected({"ingest", (f.dir / "nope.json").string()}, 2, "nope.json: cannot read");
  }
  SUBCASE("one bad file of two records nothing") {
    f.expect_rejected({"ingest", f.results("ok.json", "b", "1"), f.results("bad.json", "c", "-1")}, 2,
                      "bad.json: benchmarks[0].samples[0]");
  }
  SUBCASE("an unrecognised file under --format auto") {
    f.expect_rejected({"ingest", f.dir.write("x.json", R"({"rows":[]})").string()}, 2, "tried perfwatch, gbench");
  }
}

TEST_CASE("cli ingest rejects bad options") {
  Seeded f;
  SUBCASE("an unknown --format") {
    f.expect_rejected({"ingest", f.results("r.json", "a", "1"), "--format", "csv"}, 2,
                      "--format: expected one of perfwatch, gbench, catch2, hyperfine, pytest-benchmark, gotest, criterion, cargo-bench, jmh, benchmarkdotnet, benchmarkjs, criterion-text, vitest, console-time, ruby-benchmark, benchmark-ips, iai-callgrind, asv, julia-benchmarktools, luau-bench, dart-benchmark-harness, k6-csv, k6, locust, jmeter, bmf, custom-smaller-is-better, custom-bigger-is-better, got \"csv\"");
  }
  SUBCASE("a revision git does not know") {
    f.expect_rejected({"ingest", f.results("r.json", "a", "1"), "--commit", "v9.9"}, 2, "revision \"v9.9\": expected a commit git knows");
  }
  SUBCASE("an --at that is not ISO 8601") {
    f.expect_rejected({"ingest", f.results("r.json", "a", "1"), "--at", "last tuesday"}, 2,
                      "--at: expected an ISO 8601 time");
  }
  SUBCASE("an unknown flag") {
    f.expect_rejected({"ingest", f.results("r.json", "a", "1"), "--colour"}, 2, "--colour");
  }
  SUBCASE("an unknown command names the known ones") {
    f.expect_rejected({"frobnicate"}, 2, "unknown command \"frobnicate\" (expected one of nightly, run, ingest, compare");
  }
  SUBCASE("an out-of-range number says the range") {
    f.expect_rejected({"compare", "--window-days", "0"}, 2, "--window-days: Value 0 not in range 1 to 3650");
  }
  SUBCASE("a missing export to import says why") {
    f.expect_rejected({"import", (f.dir / "none.ndjson").string()}, 2, "none.ndjson: cannot read (No such file or directory)");
  }
  SUBCASE("history of an unknown benchmark lists the known ones") {
    f.expect_rejected({"history", "nope"}, 2, "benchmark \"nope\": expected a benchmark in the history (known: a)");
  }
}

TEST_CASE("cli rejects bad environments") {
  IngestFixture f;
  const auto file = f.results("r.json", "a", "1");
  SUBCASE("a path that is not a git repository") {
    testing::TempDir elsewhere;
    const auto r = testing::run({"--repo", elsewhere.path().string(), "--db", f.db, "ingest", file});
    CHECK(r.status == 2);
    CHECK(one_line(r.err));
    CHECK(r.err.find("--repo: expected a path inside a git repository") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(f.db));
  }
  SUBCASE("an unwritable database path") {
    f.dir.write("plainfile", "x");
    f.db = (f.dir / "plainfile/history.db").string();
    const auto r = f.perfwatch({"ingest", file});
    CHECK(r.status == 2);
    CHECK(one_line(r.err));
    CHECK(r.err.find("plainfile/history.db: expected a writable directory") != std::string::npos);
  }
  SUBCASE("a database URL perfwatch cannot open is refused, never made a local folder") {
    f.db = "mysql://perf:pw@127.0.0.1:3306/history";
    const auto r = f.perfwatch({"ingest", file});
    CHECK(r.status == 2);
    CHECK(one_line(r.err));
    CHECK(r.err.find("mysql://...: --db: expected the path of an SQLite history file or a postgresql:// URL") !=
          std::string::npos);
    CHECK(r.err.find("perf:pw@") == std::string::npos);  // the URL's credentials are not repeated
    CHECK_FALSE(std::filesystem::exists(f.dir / "mysql:"));
    CHECK_FALSE(std::filesystem::exists("mysql:"));
  }
  SUBCASE("a corrupt database is left as it was") {
    const std::string junk(4096, 'j');
    f.dir.write("history.db", junk);
    const auto r = f.perfwatch({"ingest", file});
    CHECK(r.status == 2);
    CHECK(one_line(r.err));
    CHECK(r.err.find("history.db: expected a perfwatch history database, got a corrupt or foreign file") != std::string::npos);
    CHECK(read_file(f.db) == junk);
  }
  SUBCASE("a database locked past the busy timeout is exit 3") {
    REQUIRE(f.perfwatch({"ingest", file}).status == 0);
    const std::string before = f.exported();
    sqlite::Database holder(f.db, sqlite::Database::Access::read_write_create, 0);
    sqlite::Transaction lock(holder);
    setenv("PERFWATCH_BUSY_TIMEOUT_MS", "200", 1);
    const auto r = f.perfwatch({"ingest", f.results("r2.json", "a", "2")});  // not the same results: a run to store
    unsetenv("PERFWATCH_BUSY_TIMEOUT_MS");
    CHECK(r.status == 3);
    CHECK(one_line(r.err));
    CHECK(r.err.find("locked by another writer") != std::string::npos);
    lock.commit();
    CHECK(f.exported() == before);
  }
  SUBCASE("history with no database yet") {
    const auto r = f.perfwatch({"history", "a"});
    CHECK(r.status == 2);
    CHECK(r.err.find("no history here yet") != std::string::npos);
  }
}
