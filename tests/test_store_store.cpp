#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>

#include "store/night_values.hpp"
#include "store/schema.hpp"
#include "store/store.hpp"
#include "support/history.hpp"
#include "support/runs.hpp"
#include "support/temp_dir.hpp"

using namespace perfwatch;
using perfwatch::testing::latency;
using perfwatch::testing::make_run;
using perfwatch::testing::TempDir;
using perfwatch::testing::TestHistory;

namespace {
const std::string kSha1(40, 'a');
const std::string kSha2(40, 'b');

ExitStatus status_of_open(const std::filesystem::path& path, Store::Mode mode) {
  try {
    Store::open(path, mode);
  } catch (const Error& e) {
    return e.status();
  }
  return ExitStatus::ok;
}
}  // namespace

TEST_CASE("Store::record_run") {
  for (const std::string& engine : testing::engines()) {
  CAPTURE(engine);
  TempDir dir;
  TestHistory h(dir, engine);
  Store store = Store::open(h.location(), Store::Mode::create);
  BenchmarkResult full = latency("parser/small", {1204.5, 1190.2, 1311.0});
  full.throughput = Series{"items/s", {8.1e5, 8.3e5}};
  full.errors = 2;
  full.requests = 1000;
  full.peak_rss_bytes = 73400320;
  BenchmarkResult failed;
  failed.name = "broken";
  failed.failure = "exit status 3";
  const auto id1 = store.record_run(make_run(kSha1, 1000, {full, failed}));
  const auto id2 = store.record_run(make_run(kSha2, 2000, {latency("parser/small", {1.0})}));
  CHECK(id2 > id1);

  const auto points = store.history("parser/small", 0);
  REQUIRE(points.size() == 2);
  CHECK(points[0].commit_sha == kSha1);
  CHECK(points[0].commit_subject == "subject of aaaaaa");
  CHECK(points[0].result == full);
  CHECK(points[1].time == 2000);
  CHECK(store.history("parser/small", 1500).size() == 1);

  const auto broken = store.history("broken", 0);
  REQUIRE(broken.size() == 1);
  CHECK(broken[0].result.failure == "exit status 3");
  CHECK_FALSE(broken[0].result.latency);
  CHECK(store.benchmark_names() == std::vector<std::string>{"broken", "parser/small"});
  }
}

TEST_CASE("Store::record_run is all or nothing") {
  for (const std::string& engine : testing::engines()) {
  CAPTURE(engine);
  TempDir dir;
  TestHistory h(dir, engine);
  Store store = Store::open(h.location(), Store::Mode::create);
  store.record_run(make_run(kSha1, 1000, {latency("a", {1})}));
  // A duplicate benchmark in one run violates the primary key on the second row.
  CHECK_THROWS_AS(store.record_run(make_run(kSha2, 2000, {latency("a", {2}), latency("a", {3})})), Error);
  const auto points = store.history("a", 0);
  REQUIRE(points.size() == 1);
  CHECK(points[0].commit_sha == kSha1);
  int runs = 0;
  store.for_each_run([&](const RunRecord&) { ++runs; });
  CHECK(runs == 1);
  }
}

TEST_CASE("Store::record_runs skips runs already present") {
  for (const std::string& engine : testing::engines()) {
  CAPTURE(engine);
  TempDir dir;
  TestHistory h(dir, engine);
  Store store = Store::open(h.location(), Store::Mode::create);
  const std::vector<RunRecord> runs = {make_run(kSha1, 1000, {latency("a", {1})}),
                                       make_run(kSha2, 2000, {latency("a", {2})})};
  CHECK(store.record_runs(runs) == 2);
  CHECK(store.record_runs(runs) == 0);
  CHECK(store.history("a", 0).size() == 2);
  }
}

TEST_CASE("Store::open") {
  TempDir dir;
  SUBCASE("creates a versioned WAL database") {
    Store::open(dir / "sub/dir/h.db", Store::Mode::create);
    sqlite::Database db(dir / "sub/dir/h.db", sqlite::Database::Access::read_only, 0);
    auto version = db.prepare("PRAGMA user_version");
    version.step();
    CHECK(version.column_int(0) == store::kSchemaVersion);
    auto mode = db.prepare("PRAGMA journal_mode");
    mode.step();
    CHECK(mode.column_text(0) == "wal");
  }
  SUBCASE("read_only on a missing file is bad input") {
    CHECK(status_of_open(dir / "missing.db", Store::Mode::read_only) == ExitStatus::bad_input);
    CHECK_FALSE(std::filesystem::exists(dir / "missing.db"));
  }
  SUBCASE("a file that is not a database is bad input") {
    std::ofstream(dir / "junk.db") << std::string(8192, 'x');
    CHECK(status_of_open(dir / "junk.db", Store::Mode::create) == ExitStatus::bad_input);
  }
  SUBCASE("another program's SQLite file is refused") {
    {
      sqlite::Database db(dir / "other.db", sqlite::Database::Access::read_write_create, 0);
      db.exec("CREATE TABLE t(x)");
    }
    CHECK(status_of_open(dir / "other.db", Store::Mode::create) == ExitStatus::bad_input);
  }
  SUBCASE("a history from a newer perfwatch is refused") {
    {
      sqlite::Database db(dir / "new.db", sqlite::Database::Access::read_write_create, 0);
      db.exec("PRAGMA user_version = 99");
    }
    try {
      Store::open(dir / "new.db", Store::Mode::create);
      FAIL("expected an error");
    } catch (const Error& e) {
      CHECK(e.status() == ExitStatus::bad_input);
      CHECK(std::string(e.what()).find("got 99 (written by a newer perfwatch)") != std::string::npos);
    }
  }
}

TEST_CASE("Store waits for a second writer, then gives up with exit 3") {
  TempDir dir;
  const auto path = dir / "h.db";
  Store::open(path, Store::Mode::create);
  sqlite::Database holder(path, sqlite::Database::Access::read_write_create, 0);
  sqlite::Transaction lock(holder);  // BEGIN IMMEDIATE: holds the write lock

  Store store = Store::open(path, Store::Mode::create, 200);
  try {
    store.record_run(make_run(kSha1, 1000, {latency("a", {1})}));
    FAIL("expected the locked database to fail the write");
  } catch (const Error& e) {
    CHECK(e.status() == ExitStatus::environment);
    CHECK(std::string(e.what()).find("locked by another writer (waited 200 ms") != std::string::npos);
  }
}

namespace {

// Schemas 4-7 kept each night's summaries as rows of night_values: the
// packed summaries of `db` written back as those rows (schema 6 had no
// instruction columns), run_summaries dropped.
void summaries_as_rows(const std::filesystem::path& path, int schema) {
  sqlite::Database db(path, sqlite::Database::Access::read_write_create, 1000);
  const bool counts = schema >= 7;
  db.exec((std::string("CREATE TABLE night_values(run_id INTEGER NOT NULL, benchmark_id INTEGER NOT NULL,"
                       " p50 REAL, p50_var REAL, p95 REAL, p95_var REAL, p99 REAL, p99_var REAL,"
                       " throughput REAL, throughput_var REAL, peak_memory REAL, peak_memory_var REAL,"
                       " p999 REAL, p999_var REAL, memory_growth REAL, memory_growth_var REAL") +
           (counts ? ", instructions REAL, instructions_var REAL, instructions_source TEXT NOT NULL DEFAULT ''" : "") +
           ", PRIMARY KEY(run_id, benchmark_id))")
              .c_str());
  std::vector<std::int64_t> runs;
  auto ids = db.prepare("SELECT run_id FROM run_summaries");
  while (ids.step()) runs.push_back(ids.column_int(0));
  for (std::int64_t run : runs) {
    for (const auto& [benchmark, v] : store::read_run_summaries(db, run)) {
      auto insert = db.prepare(counts ? "INSERT INTO night_values VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
                                      : "INSERT INTO night_values VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
      insert.bind(1, run).bind(2, benchmark);
      int column = 3;
      auto put = [&](const std::optional<NightValue>& value) {
        if (value) insert.bind(column, value->value).bind(column + 1, value->log_variance);
        else insert.bind_null(column).bind_null(column + 1);
        column += 2;
      };
      for (const auto& value : {v.of(Metric::p50_latency), v.of(Metric::p95_latency), v.of(Metric::p99_latency),
                                v.throughput, v.peak_memory, v.of(Metric::p999_latency), v.memory_growth})
        put(value);
      if (counts) {
        put(v.instructions);
        insert.bind(column, v.instructions_source);
      }
      insert.step();
    }
  }
  db.exec(("DROP TABLE run_summaries; PRAGMA user_version = " + std::to_string(schema)).c_str());
}

}  // namespace

TEST_CASE("Store::run_night_values") {
  TempDir dir;
  BenchmarkResult full = latency("parser/small", {1204.5, 1190.2, 1311.0, 1250.0, 1199.9});
  full.throughput = Series{"items/s", {8.1e5, 8.3e5}};
  full.peak_rss_bytes = 73400320;
  BenchmarkResult failed;
  failed.name = "broken";
  failed.failure = "exit status 3";
  // Enough samples for a p99.9, and a process whose memory grew.
  std::vector<double> many;
  for (int i = 0; i < 1500; ++i) many.push_back(1000.0 + (i * 37) % 500);
  BenchmarkResult endurance = latency("soak", many);
  endurance.memory = MemorySeries{};
  for (int i = 0; i < 100; ++i) {
    endurance.memory->seconds.push_back(i * 0.5);
    endurance.memory->bytes.push_back(50e6 + 1e5 * i + (i % 3) * 1e4);
  }
  // A counted benchmark: instruction counts, and what counted them.
  BenchmarkResult counted;
  counted.name = "tokenize";
  counted.instructions = Series{"instructions", {1270040, 1270040, 1270112}};
  counted.instructions_source = "callgrind";
  auto same = [](const NightValues& a, const NightValues& b) {
    for (Metric m : kMetrics) {
      if (a.of(m).has_value() != b.of(m).has_value()) return false;
      if (a.of(m) && (a.of(m)->value != doctest::Approx(b.of(m)->value) ||
                      a.of(m)->log_variance != doctest::Approx(b.of(m)->log_variance)))
        return false;
    }
    return true;
  };
  std::int64_t id = 0;
  for (const std::string& engine : testing::engines()) {  // the SQLite file stays for the older layouts below
    CAPTURE(engine);
    TestHistory h(dir, engine);
    Store store = Store::open(h.location(), Store::Mode::create);
    const std::int64_t recorded = store.record_run(make_run(kSha1, 1000, {full, failed, endurance, counted}));
    if (engine == "sqlite") id = recorded;
    auto values = store.run_night_values(recorded);
    std::sort(values.begin(), values.end(), [](const auto& a, const auto& b) { return a.first < b.first; });  // no order promised
    REQUIRE(values.size() == 4);
    CHECK(values[3].first == "tokenize");
    CHECK(same(values[3].second, night_values(counted)));
    REQUIRE(values[3].second.instructions);
    CHECK(values[3].second.instructions->value == doctest::Approx(1270040).epsilon(1e-4));
    CHECK(values[3].second.instructions_source == "callgrind");
    const auto counts = store.history("tokenize", 0);
    REQUIRE(counts.size() == 1);
    CHECK(counts[0].result == counted);
    CHECK(values[0].first == "broken");
    CHECK_FALSE(values[0].second.latency);
    CHECK(values[1].first == "parser/small");
    CHECK(same(values[1].second, night_values(full)));  // the summary is what compare would compute from the samples
    CHECK_FALSE(values[1].second.of(Metric::p999_latency));  // 5 samples: no p99.9
    CHECK(values[2].first == "soak");
    CHECK(same(values[2].second, night_values(endurance)));
    REQUIRE(values[2].second.of(Metric::p999_latency));
    REQUIRE(values[2].second.memory_growth);
    CHECK(values[2].second.memory_growth->value == doctest::Approx(1e5 / 0.5 * 3600).epsilon(0.05));
    // The series itself is kept with the run.
    const auto soak = store.history("soak", 0);
    REQUIRE(soak.size() == 1);
    CHECK(soak[0].result.memory == endurance.memory);
  }
  // The history above taken back to an older layout, opened again: its summaries by benchmark name.
  auto reopened = [&](const char* downgrade, Store::Mode mode) {
    sqlite::Database(dir / "h.db", sqlite::Database::Access::read_write_create, 1000).exec(downgrade);
    Store store = Store::open(dir / "h.db", mode);
    auto values = store.run_night_values(id);
    std::sort(values.begin(), values.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    return std::pair(std::move(store), std::move(values));
  };
  SUBCASE("a history from before summaries gets them when opened") {
    auto [store, values] = reopened("DROP TABLE confirmations; DROP TABLE bisect_steps;"
                                    " ALTER TABLE results DROP COLUMN memory_series; ALTER TABLE results DROP COLUMN instructions;"
                                    " ALTER TABLE results DROP COLUMN instructions_source; DROP TABLE run_summaries; PRAGMA user_version = 3;",
                                    Store::Mode::read_only);
    REQUIRE(values.size() == 4);
    CHECK(same(values[1].second, night_values(full)));
    BenchmarkResult before = endurance;  // schema 3 kept no memory series
    before.memory.reset();
    CHECK(same(values[2].second, night_values(before)));
    CHECK(values[2].second.of(Metric::p999_latency));  // p99.9 is computed for old nights too
    CHECK_FALSE(values[3].second.instructions);  // schema 3 kept no counts
  }
  SUBCASE("a history of schema 6 gains the instruction columns and keeps its summaries") {
    summaries_as_rows(dir / "h.db", 6);
    auto [store, values] = reopened("ALTER TABLE results DROP COLUMN instructions; ALTER TABLE results DROP COLUMN instructions_source;",
                                    Store::Mode::create);
    REQUIRE(values.size() == 4);
    CHECK(same(values[2].second, night_values(endurance)));  // the memory series survived: not rebuilt from less
    CHECK_FALSE(values[3].second.instructions);
    const std::int64_t next = store.record_run(make_run(kSha1, 2000, {counted}));
    CHECK(store.run_night_values(next)[0].second.instructions_source == "callgrind");
  }
  SUBCASE("packed summaries cut short are exit 2, naming the history and the run") {
    sqlite::Database(dir / "h.db", sqlite::Database::Access::read_write_create, 1000)
        .exec("UPDATE run_summaries SET summaries = substr(summaries, 1, 20)");
    Store store = Store::open(dir / "h.db", Store::Mode::read_only);
    try {
      store.run_night_values(id);
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(e.status() == ExitStatus::bad_input);
      CHECK(std::string(e.what()).find("h.db: run " + std::to_string(id) + ": expected its packed summaries") != std::string::npos);
    }
  }
  SUBCASE("a history of schema 7 gets its summaries packed from its rows, which go") {
    summaries_as_rows(dir / "h.db", 7);
    auto [store, values] = reopened("", Store::Mode::read_only);
    REQUIRE(values.size() == 4);
    CHECK(same(values[1].second, night_values(full)));
    CHECK(same(values[2].second, night_values(endurance)));
    CHECK(same(values[3].second, night_values(counted)));
    CHECK(values[3].second.instructions_source == "callgrind");
    sqlite::Database db(dir / "h.db", sqlite::Database::Access::read_only, 1000);
    auto packed = db.prepare("SELECT count(*) FROM run_summaries");
    packed.step();
    CHECK(packed.column_int(0) == 1);
    auto rows = db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'night_values'");
    rows.step();
    CHECK(rows.column_int(0) == 0);  // one copy of the summaries, not two
  }
}
