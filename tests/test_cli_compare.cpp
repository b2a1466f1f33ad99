#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <random>
#include <set>

#include "support/week.hpp"

using namespace perfwatch;
using perfwatch::testing::one_line;
using perfwatch::testing::Week;


TEST_CASE("cli compare") {
  Week w;
  SUBCASE("a slow night is a regression: exit 1, and the JSON has the SPEC's shape") {
    const auto r = w.perfwatch({"compare", "--format", "json"});
    CHECK(r.status == 1);
    const auto doc = nlohmann::json::parse(r.out);
    CHECK(doc["commit"] == w.git.shas()[7]);
    CHECK(doc["verdict"] == "regression");
    CHECK(doc["baseline"]["runs"] == 7);
    CHECK(doc["baseline"]["from"] == "2026-11-10T02:00:00Z");
    CHECK(doc["baseline"]["to"] == "2026-11-16T02:00:00Z");
    bool found = false;
    for (const auto& row : doc["results"]) {
      for (const char* key : {"benchmark", "metric", "unit", "baseline", "current", "ratio", "ci_low", "ci_high", "p_value", "verdict"}) {
        CHECK_MESSAGE(row.contains(key), key);
      }
      if (row["benchmark"] == "parser/small" && row["metric"] == "p95_latency") {
        found = true;
        CHECK(row["verdict"] == "regression");
        CHECK(row["ratio"].get<double>() == doctest::Approx(1.35).epsilon(0.1));
        CHECK(row["ci_low"].get<double>() > 1.0);
        CHECK(row["p_value"].get<double>() < 0.01);
        // Eight nights are too few for the noise model: the reason says so.
        CHECK(row["reason"]["noise"]["source"] == "baseline");
        CHECK(row["reason"]["noise"]["nights"] == 7);
        CHECK(row["reason"]["text"].get<std::string>().starts_with("only 7 nights of history"));
      }
    }
    CHECK(found);
  }
  SUBCASE("text shows only changed rows; --all shows every row") {
    const auto changed = w.perfwatch({"compare"});
    CHECK(changed.out.find("p95_latency") != std::string::npos);
    CHECK(changed.out.find("regression") != std::string::npos);
    CHECK(changed.out.find("\033[") == std::string::npos);  // no colour when not a terminal
    const auto all = w.perfwatch({"compare", "--all"});
    CHECK(all.out.size() > changed.out.size());
  }
  SUBCASE("markdown is a table") {
    const auto md = w.perfwatch({"compare", "--format", "markdown"});
    CHECK(md.out.find("| benchmark | metric | baseline | tonight | change | 95% CI | p | verdict |") != std::string::npos);
  }
  SUBCASE("a clean night is exit 0") {
    CHECK(w.perfwatch({"compare", "HEAD~1"}).status == 0);
  }
  SUBCASE("a recovered night after the slow one: no alarm") {
    const std::string next = w.git.commit("the fix");
    w.record(next, 8, 1.03);
    CHECK(w.perfwatch({"compare"}).status == 0);
  }
  SUBCASE("the regression persisting the next night is still a regression") {
    const std::string next = w.git.commit("unrelated change");
    w.record(next, 8, 1.35);
    CHECK(w.perfwatch({"compare"}).status == 1);
  }
}

TEST_CASE("cli compare learns the noise from the stored history") {
  Week w(1.35, 30);  // 29 nights before tonight: 22 before the 7-night baseline, read as summaries
  const auto r = w.perfwatch({"compare", "--format", "json"});
  CHECK(r.status == 1);
  const auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["baseline"]["runs"] == 7);
  bool found = false;
  for (const auto& row : doc["results"]) {
    if (row["benchmark"] != "parser/small" || row["metric"] != "p95_latency") continue;
    found = true;
    CHECK(row["verdict"] == "regression");
    CHECK(row["reason"]["noise"]["source"] == "history");
    CHECK(row["reason"]["noise"]["nights"] == 25);  // 29 nights less last night and the first three
    CHECK(row["reason"]["nights_in_row"] == 1);
    const std::string text = row["reason"]["text"];
    CHECK_MESSAGE(text.starts_with("usual night-to-night spread ±"), text);
    CHECK_MESSAGE(text.find(" over 25 nights; tonight +") != std::string::npos, text);
  }
  CHECK(found);
  SUBCASE("the text view and status carry the same line") {
    const auto text = w.perfwatch({"compare"});
    CHECK(text.out.find("    why: usual night-to-night spread") != std::string::npos);
    const auto status = w.perfwatch({"status"});
    CHECK(status.out.find("over 25 nights; tonight +") != std::string::npos);
  }
}

TEST_CASE("cli compare keeps branches apart") {
  Week w(1.0);
  // A feature branch off commit 3, with very slow runs on recent nights.
  std::string parent = w.git.shas()[2];
  for (int i = 0; i < 4; ++i) {
    parent = w.git.commit("feature " + std::to_string(i), "refs/heads/feature", parent);
    w.record(parent, 4 + i, 3.0);
  }
  SUBCASE("main is not compared with the branch's slow runs") {
    const auto doc = nlohmann::json::parse(w.perfwatch({"compare", "--format", "json"}).out);
    CHECK(doc["verdict"] == "unchanged");
    CHECK(doc["baseline"]["runs"] == 7);
  }
  SUBCASE("the branch is compared with its own ancestors") {
    const auto doc = nlohmann::json::parse(w.perfwatch({"compare", "feature", "--format", "json"}).out);
    CHECK(doc["baseline"]["runs"] == 6);  // commits 1-3 of main + 3 earlier branch nights
  }
}

TEST_CASE("cli compare rejects bad input") {
  Week w;
  auto expect = [&](std::vector<std::string> args, int status, const std::string& message) {
    const auto r = w.perfwatch(std::move(args));
    CHECK(r.status == status);
    CHECK(one_line(r.err));
    CHECK_MESSAGE(r.err.find(message) != std::string::npos, r.err);
  };
  SUBCASE("a revision without a run") {
    w.git.commit("not measured");
    expect({"compare"}, 2, "expected a commit with a recorded run, got none");
  }
  SUBCASE("an empty history") {
    w.db = (w.dir / "empty.db").string();
    expect({"compare"}, 2, "no history here yet");
  }
  SUBCASE("a corrupt thresholds file names the key") {
    w.dir.write("baselines/thresholds.json", R"({"defaults": {"p95_increase": "lots"}})");
    expect({"compare"}, 2, "thresholds.json: defaults.p95_increase: expected a number, got a string \"lots\"");
  }
  SUBCASE("an unknown format") {
    expect({"compare", "--format", "yaml"}, 2, "--format");
  }
  SUBCASE("a glob that matches nothing is a warning, not an error") {
    w.dir.write("baselines/thresholds.json", R"({"overrides": {"lexer/*": {"p95_increase": 0.5}}})");
    const auto r = w.perfwatch({"compare"});
    CHECK(r.status == 1);
    CHECK(r.err.find("warning: thresholds override \"lexer/*\" matches no benchmark") != std::string::npos);
  }
}

TEST_CASE("cli status") {
  Week w;
  SUBCASE("a measured commit: each benchmark's verdict") {
    const auto r = w.perfwatch({"status"});
    CHECK(r.status == 1);
    CHECK(r.out.find("parser/small") != std::string::npos);
    CHECK(r.out.find("regression") != std::string::npos);
    CHECK(r.out.find("json/encode") != std::string::npos);
  }
  SUBCASE("an unmeasured commit: the nearest measured ancestor and descendant") {
    // Commit 9 (not measured) on top of 8, then commit 10 measured.
    const std::string unmeasured = w.git.commit("not measured");
    const std::string after = w.git.commit("measured after");
    w.record(after, 8, 1.0);
    const auto r = w.perfwatch({"status", unmeasured.substr(0, 10)});
    CHECK(r.status == 0);
    CHECK(r.out.find("no run recorded for this commit") != std::string::npos);
    CHECK(r.out.find("nearest measured ancestor: " + w.git.shas()[7].substr(0, 8)) != std::string::npos);
    CHECK(r.out.find("nearest measured descendant: " + after.substr(0, 8)) != std::string::npos);
    const auto j = w.perfwatch({"status", unmeasured.substr(0, 10), "--format", "json"});
    CHECK(j.status == 0);
    const auto doc = nlohmann::json::parse(j.out);
    CHECK(doc["commit"] == unmeasured);
    CHECK(doc["measured"] == false);
    CHECK(doc["nearest_ancestor"]["commit"] == w.git.shas()[7]);
    CHECK(doc["nearest_descendant"]["commit"] == after);
    CHECK(doc["nearest_descendant"]["verdict"] == "unchanged");
  }
  SUBCASE("too short a history: insufficient, its baseline a dash, never 0") {
    Week young(1.0, 2);
    const auto r = young.perfwatch({"status", "--format", "json"});
    CHECK(r.status == 0);
    const auto doc = nlohmann::json::parse(r.out);
    CHECK(doc["verdict"] == "insufficient-baseline");
    CHECK(doc["benchmarks"]["parser/small"] == "insufficient-baseline");  // not the p99.9 row's "unchanged"
    for (const auto& row : doc["results"])
      if (row["verdict"] == "insufficient-baseline") CHECK(row["baseline"].is_null());
    const auto text = young.perfwatch({"compare", "--all"}).out;
    CHECK(text.find("0.00 ns") == std::string::npos);
    CHECK(young.perfwatch({"status"}).out.find("parser/small                             insufficient-baseline") != std::string::npos);
  }
  SUBCASE("--format json: compare's shape, each benchmark's worst verdict, the same exit status") {
    const auto r = w.perfwatch({"status", "--format", "json"});
    CHECK(r.status == 1);
    const auto doc = nlohmann::json::parse(r.out);
    const auto compared = nlohmann::json::parse(w.perfwatch({"compare", "--format", "json", "--all"}).out);
    CHECK(doc["measured"] == true);
    CHECK(doc["verdict"] == "regression");
    CHECK(doc["results"] == compared["results"]);
    CHECK(doc["benchmarks"]["parser/small"] == "regression");
    CHECK(doc["benchmarks"]["json/encode"] == "unchanged");
  }
}

TEST_CASE("cli compare warns of a result that is not a measurement, in text and JSON") {
  testing::Week w(1.0);
  const std::string sha = w.git.commit("night 9");
  std::string constant;
  for (int i = 0; i < 20; ++i) constant += std::string(i ? "," : "") + "1000";
  const std::string file =
      w.dir.write("constant.json", R"({"suite":"demo","benchmarks":[{"name":"parser/small","unit":"ns","samples":[)" + constant +
                                       R"(]},{"name":"json/encode","unit":"ns","samples":[)" + w.samples(5000) + "]}]}")
          .string();
  REQUIRE(w.perfwatch({"ingest", file, "--commit", sha, "--at", "2026-11-18T02:00:00Z", "--env", "ci"}).status == 0);
  const auto text = w.perfwatch({"compare"});
  CHECK(text.out.find("WARNING parser/small: constant: zero spread in tonight's 20 samples: looks hard-coded") != std::string::npos);
  const auto doc = nlohmann::json::parse(w.perfwatch({"compare", "--format", "json"}).out);
  REQUIRE(doc["warnings"].size() == 1);
  CHECK(doc["warnings"][0]["benchmark"] == "parser/small");
  CHECK(doc["warnings"][0]["kind"] == "constant");
  const auto markdown = w.perfwatch({"compare", "--format", "markdown"});
  CHECK(markdown.out.find("- **warning** parser/small `constant`: zero spread") != std::string::npos);
}

TEST_CASE("cli compare warns of a benchmark too noisy for its threshold") {
  testing::Week w(1.0);
  for (int night = 8; night < 32; ++night)  // every sixth night 40 % slow on noise alone
    w.record(w.git.commit("night " + std::to_string(night)), night, night % 6 == 0 ? 1.4 : 1.0);
  const auto doc = nlohmann::json::parse(w.perfwatch({"compare", "--format", "json"}).out);
  std::vector<std::string> noisy;
  for (const auto& warning : doc["warnings"])
    if (warning["kind"] == "too_noisy") noisy.push_back(warning["benchmark"].get<std::string>() + ": " +
                                                        warning["detail"].get<std::string>());
  REQUIRE(noisy.size() == 1);  // json/encode stayed quiet
  for (const auto& row : doc["results"])
    if (row["benchmark"] == "parser/small" && row["metric"] == "p95_latency") {
      CHECK(row["reason"]["noise"]["worse_excursions"] == 3);
      CHECK(row["reason"]["noise"]["quiet_limit"].get<double>() > 0.3);
    }
  // Nights 12, 18 and 24 of the 27 replayed: 3-29 (the first three have nothing before them, last night is left out).
  CHECK_MESSAGE(noisy[0].starts_with("parser/small: p95_latency went past its +20 % threshold on 3 of its last 27 nights"),
                noisy[0]);
  // Fewer than 1 in 20 of the 27 is at most 1: the second of the slow nights (+40 %, give or take their
  // samples' noise) is where it could be guarded.
  const std::string said = "Fewer than 1 night in 20 went past +";
  const size_t at = noisy[0].find(said);
  REQUIRE_MESSAGE(at != std::string::npos, noisy[0]);
  const int guardable = std::stoi(noisy[0].substr(at + said.size()));
  CHECK(guardable >= 35);
  CHECK(guardable <= 45);
  CHECK(w.perfwatch({"compare"}).out.find("WARNING parser/small: too_noisy: ") != std::string::npos);
}

TEST_CASE("cli compare: one night, however many files or shards") {
  // Four shards a night, each ingesting its own three benchmarks for the
  // night's commit a minute apart, for eight nights; on the last night a
  // benchmark of the first shard (not the newest run) is 50 % slower.
  for (const std::string& engine : testing::engines()) {  // the shards' history in a file, or on a server
  CAPTURE(engine);
  Week w(1.0, 1, engine);  // its repository and history; its own first night is another suite's
  for (int i = 0; i < 8; ++i) w.git.commit("night " + std::to_string(i + 2));
  const UnixTime first = 1794276000 + 86400;  // 2026-11-11T02:00:00Z
  auto shard_file = [&](int shard, double factor) {
    std::string benchmarks;
    for (int b = 0; b < 3; ++b)
      benchmarks += std::string(b ? "," : "") + R"({"name":"shard)" + std::to_string(shard) + "/b" + std::to_string(b) +
                    R"(","unit":"ns","samples":[)" + w.samples(1000 * (shard == 0 && b == 1 ? factor : 1.0)) + "]}";
    return w.dir.write("shard.json", R"({"suite":"sharded","benchmarks":[)" + benchmarks + "]}").string();
  };
  for (int night = 0; night < 8; ++night)
    for (int shard = 0; shard < 4; ++shard) {
      const std::string at = format_iso8601(first + night * 86400 + shard * 60);
      REQUIRE(w.perfwatch({"ingest", shard_file(shard, night == 7 ? 1.5 : 1.0), "--commit", w.git.shas()[1 + night], "--at",
                           at, "--env", "ci"}).status == 0);
    }
  const auto c = w.perfwatch({"compare", "--format", "json"});
  CHECK(c.status == 1);  // the step on the first shard is seen
  const auto doc = nlohmann::json::parse(c.out);
  CHECK(doc["baseline"]["runs"] == 7);  // nights, not the 28 runs that wrote them
  std::set<std::string> compared;
  bool step = false;
  for (const auto& r : doc["results"]) {
    compared.insert(r["benchmark"].get<std::string>());
    if (r["benchmark"] == "shard0/b1" && r["metric"] == "p95_latency") {
      step = r["verdict"] == "regression";
      CHECK(r["baseline_nights"] == 7);
    }
  }
  CHECK(step);
  CHECK(compared.size() == 12);  // every shard's benchmarks (tonight's: not the other suite's of the first night)
  CHECK(doc["warnings"].empty());

  const std::string twice_case = "a benchmark reported twice in one night is said, and compared once (" + engine + ")";
  SUBCASE(twice_case.c_str()) {
    REQUIRE(w.perfwatch({"ingest", shard_file(0, 1.5), "--commit", w.git.shas()[8], "--at",
                         format_iso8601(first + 7 * 86400 + 600), "--env", "ci"}).status == 0);
    const auto again = nlohmann::json::parse(w.perfwatch({"compare", "--format", "json"}).out);
    int rows = 0;
    for (const auto& r : again["results"]) rows += r["benchmark"] == "shard0/b1" && r["metric"] == "p95_latency";
    CHECK(rows == 1);
    std::set<std::string> twice;
    for (const auto& warning : again["warnings"])
      if (warning["kind"] == "reported_twice") twice.insert(warning["benchmark"].get<std::string>());
    CHECK(twice == std::set<std::string>{"shard0/b0", "shard0/b1", "shard0/b2"});
    CHECK(again["baseline"]["runs"] == 7);
  }
  }
}

TEST_CASE("cli compare judges a tool's counts as counts: go test -benchmem's B/op and allocs/op") {
  testing::TempDir dir;
  testing::GitFixture git(dir.path(), 8);
  const std::string db = (dir / "history.db").string();
  std::mt19937_64 rng(17);
  std::normal_distribution<double> jitter(0, 80);
  for (int night = 0; night < 8; ++night) {
    // Five runs a night (-count=5); the last night allocates 8 % more bytes, as many times, as fast.
    std::string text = "goos: linux\ngoarch: amd64\npkg: example.com/parse\n";
    for (int run = 0; run < 5; ++run)
      text += "BenchmarkParse-8   \t  100000\t" + std::to_string(10500 + jitter(rng)) + " ns/op\t" +
              std::to_string(night == 7 ? 4424 : 4096) + " B/op\t      12 allocs/op\n";
    text += "PASS\nok  \texample.com/parse\t6.1s\n";
    const auto file = dir.write("bench.txt", text);
    const std::string at = format_iso8601(1794276000 + std::int64_t{night} * 86400);
    REQUIRE(testing::run({"--repo", dir.path().string(), "--db", db, "ingest", file.string(), "--format", "gotest",
                          "--commit", git.shas()[static_cast<size_t>(night)], "--at", at, "--env", "ci"})
                .status == 0);
  }
  const auto r = testing::run({"--repo", dir.path().string(), "--db", db, "compare", "--format", "json"});
  CHECK(r.status == 1);
  std::map<std::pair<std::string, std::string>, nlohmann::json> rows;
  const auto doc = nlohmann::json::parse(r.out);
  for (const auto& row : doc["results"]) rows[{row["benchmark"], row["metric"]}] = row;
  const auto bytes = rows.find({"BenchmarkParse:B/op", "count"});
  REQUIRE(bytes != rows.end());
  CHECK(bytes->second["verdict"] == "regression");
  CHECK(bytes->second["unit"] == "B/op");
  CHECK(bytes->second["ratio"].get<double>() == doctest::Approx(4424.0 / 4096).epsilon(1e-6));
  CHECK(rows.at({"BenchmarkParse:allocs/op", "count"})["verdict"] == "unchanged");
  CHECK(rows.count({"BenchmarkParse:B/op", "p95_latency"}) == 0);  // a count has no latency quantiles
  CHECK(rows.at({"BenchmarkParse", "p95_latency"})["verdict"] == "unchanged");
  // An exact count is no hard-coded time and has no p95 to warn about.
  for (const auto& w : doc["warnings"]) CHECK_MESSAGE(w["benchmark"] == "BenchmarkParse", w.dump());
  // The text view and the history name the metric and its unit as they are.
  const auto text = testing::run({"--repo", dir.path().string(), "--db", db, "compare"});
  CHECK(text.out.find("BenchmarkParse:B/op               count           4096 B/op    4424 B/op      +8.0%") != std::string::npos);
  const auto history = testing::run({"--repo", dir.path().string(), "--db", db, "history", "BenchmarkParse:B/op"});
  CHECK(history.out.starts_with("BenchmarkParse:B/op: 8 runs  count "));
}
