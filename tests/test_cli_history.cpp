#include <doctest/doctest.h>

#include <cstring>
#include <nlohmann/json.hpp>

#include "store/store.hpp"
#include "support/ingest_fixture.hpp"

using namespace perfwatch;
using perfwatch::testing::IngestFixture;

TEST_CASE("cli ingest and history") {
  IngestFixture f;
  const auto a = f.results("a.json", "parser/small", "100, 110, 120, 130, 140");
  const auto b = f.results("b.json", "parser/small", "200, 210, 220, 230, 240");
  REQUIRE(f.perfwatch({"ingest", a, "--format", "perfwatch", "--commit", "HEAD~2", "--at", "2026-11-15T02:00:00Z"}).status == 0);
  REQUIRE(f.perfwatch({"ingest", b, "--commit", f.git.shas()[1].substr(0, 8), "--at", "2026-11-16T02:00:00Z"}).status == 0);
  const auto ingested = f.perfwatch({"ingest", a, "--at", "2026-11-17T02:00:00Z", "--env", "gha-ubuntu"});
  REQUIRE(ingested.status == 0);
  CHECK(ingested.err.find("recorded run 3: 1 benchmarks, 5 samples for " + f.git.shas()[2].substr(0, 8) +
                          " (commit 3) at 2026-11-17T02:00:00Z") != std::string::npos);

  SUBCASE("text: commit, subject, time, n, percentiles and a p95 sparkline") {
    const auto h = f.perfwatch({"history", "parser/small"});
    CHECK(h.status == 0);
    CHECK(h.out.find("parser/small: 3 runs  p95_latency ▁█▁") != std::string::npos);
    CHECK(h.out.find(f.git.shas()[0].substr(0, 8) + "  commit 1") != std::string::npos);
    CHECK(h.out.find("2026-11-16 02:00") != std::string::npos);
    CHECK(h.out.find("239 ns") != std::string::npos);  // Harrell-Davis p95 of 200..240: 239.27
  }
  SUBCASE("json: one object per run") {
    const auto h = f.perfwatch({"history", "parser/small", "--format", "json"});
    REQUIRE(h.status == 0);
    const auto doc = nlohmann::json::parse(h.out);
    REQUIRE(doc["runs"].size() == 3);
    CHECK(doc["runs"][0]["commit"] == f.git.shas()[0]);
    // scipy.stats.mstats.hdquantiles([200, 210, 220, 230, 240], prob=[0.5, 0.95, 0.99])
    // -> [220.0, 239.2679658443038, 239.89019922581377] (scipy 1.10.1)
    CHECK(doc["runs"][1]["p50"] == doctest::Approx(220.0));
    CHECK(doc["runs"][1]["p95"] == doctest::Approx(239.2679658443038).epsilon(1e-12));
    CHECK(doc["runs"][1]["p99"] == doctest::Approx(239.89019922581377).epsilon(1e-12));
    CHECK(doc["runs"][1]["n"] == 5);
    CHECK(doc["runs"][2]["time"] == "2026-11-17T02:00:00Z");
  }
  SUBCASE("--metric picks the sparkline's series") {
    const auto h = f.perfwatch({"history", "parser/small", "--metric", "p50_latency"});
    CHECK(h.out.find("parser/small: 3 runs  p50_latency ▁█▁") != std::string::npos);
    CHECK(f.perfwatch({"history", "parser/small", "--metric", "p42"}).status == 2);
  }
  SUBCASE("--env names the environment") {
    CHECK(f.exported().find(R"("environment":{"cores":0,"cpu":"","name":"gha-ubuntu","os":""})") != std::string::npos);
  }
  SUBCASE("--days filters by run time, counted back from the clock") {
    // The tests' clock reads 2026-12-01T12:00Z; the runs are of 2026-11-15, 16 and 17.
    const auto h = f.perfwatch({"history", "parser/small", "--days", "1", "--format", "json"});
    CHECK(nlohmann::json::parse(h.out)["runs"].size() == 0);
    const auto week = nlohmann::json::parse(f.perfwatch({"history", "parser/small", "--days", "15", "--format", "json"}).out);
    REQUIRE(week["runs"].size() == 1);
    CHECK(week["runs"][0]["time"] == "2026-11-17T02:00:00Z");
  }
  SUBCASE("gbench files ingest with autodetection") {
    const std::string fixture = std::string(PERFWATCH_FIXTURES) + "/gbench/repetitions.json";
    REQUIRE(f.perfwatch({"ingest", fixture}).status == 0);
    const auto h = f.perfwatch({"history", "BM_alloc", "--format", "json"});
    CHECK(nlohmann::json::parse(h.out)["runs"][0]["n"] == 3);
  }
}

TEST_CASE("cli export and import round-trip the whole history, sample for sample") {
  IngestFixture f;
  // A fixed-seed generator of awkward doubles: every bit must survive.
  std::uint64_t state = 42;
  auto next = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) / 9007199254740992.0 * 1e6;
  };
  for (int night = 0; night < 5; ++night) {
    std::string samples;
    for (int i = 0; i < 50; ++i) samples += (i ? "," : "") + nlohmann::json(next()).dump();
    const auto file = f.dir.write("n.json", R"({"benchmarks":[{"name":"a/b","samples":[)" + samples +
                                                R"(],"throughput":{"unit":"req/s","samples":[0.1,5e-324]},"errors":1,"requests":9,"peak_rss_bytes":123},{"name":"fails","failure":"exit 3"}]})");
    REQUIRE(f.perfwatch({"ingest", file, "--commit", "HEAD~" + std::to_string(night % 3), "--at",
                         "2026-11-1" + std::to_string(night) + "T02:00:00Z"}).status == 0);
  }
  // Triage decisions are part of the history too.
  REQUIRE(f.perfwatch({"triage", "accept", "a/b", "--at", "HEAD~1", "--by", "mia", "-m", "intended"}).status == 0);
  REQUIRE(f.perfwatch({"triage", "ignore", "fails", "--until", "2026-12-01", "--by", "bob"}).status == 0);
  REQUIRE(f.perfwatch({"triage", "invalidate", "2", "--by", "sam"}).status == 0);
  const std::string first = f.exported();
  CHECK(first.find(R"("kind":"invalidate","reason":"","run_time":"2026-11-11T02:00:00Z","source":"cli")") != std::string::npos);
  const auto dump = f.dir.write("h.ndjson", first);
  const std::string other = (f.dir / "other.db").string();
  REQUIRE(testing::run({"--repo", f.dir.path().string(), "--db", other, "import", dump.string()}).status == 0);
  const std::string second = testing::run({"--repo", f.dir.path().string(), "--db", other, "export"}).out;
  CHECK(first == second);

  // Sample for sample, bit for bit, through the stores themselves.
  Store a = Store::open(f.db, Store::Mode::read_only);
  Store b = Store::open(other, Store::Mode::read_only);
  const auto ha = a.history("a/b", 0), hb = b.history("a/b", 0);
  REQUIRE(ha.size() == 5);
  REQUIRE(hb.size() == 5);
  for (size_t i = 0; i < ha.size(); ++i) {
    CHECK(ha[i].commit_sha == hb[i].commit_sha);
    CHECK(ha[i].time == hb[i].time);
    CHECK(ha[i].result == hb[i].result);
    CHECK(std::memcmp(ha[i].result.latency->values.data(), hb[i].result.latency->values.data(), 50 * sizeof(double)) == 0);
  }
  SUBCASE("importing again adds nothing") {
    const auto again = testing::run({"--repo", f.dir.path().string(), "--db", other, "import", dump.string()});
    CHECK(again.err.find("imported 0 runs (5 already present)") != std::string::npos);
    CHECK(testing::run({"--repo", f.dir.path().string(), "--db", other, "export"}).out == first);
  }
  SUBCASE("the imported decisions act as the originals do") {
    CHECK(b.decisions().size() == 3);
    CHECK(b.run_info(2)->status == RunStatus::invalidated);
    const auto log_a = f.perfwatch({"triage", "log"}).out;
    const auto log_b = testing::run({"--repo", f.dir.path().string(), "--db", other, "triage", "log"}).out;
    CHECK(log_a == log_b);
  }
}
