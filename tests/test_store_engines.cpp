// The history on both engines: what one stores the other gives back, eight
// writers at once, a writer killed mid-run, and a server that is not there.
// PostgreSQL rows run against ci/test.sh's throwaway server (ci/postgres.sh).
#include <doctest/doctest.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <thread>

#include "store/store.hpp"
#include "support/cli.hpp"
#include "support/git_fixture.hpp"
#include "support/history.hpp"
#include "support/runs.hpp"
#include "support/subprocess.hpp"
#include "support/temp_dir.hpp"
#include "util/time.hpp"

using namespace perfwatch;
using namespace perfwatch::testing;

namespace {

struct Failure {
  ExitStatus status = ExitStatus::ok;
  std::string message;
};

template <class F>
Failure error_of(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return {e.status(), e.what()};
  }
  return {};
}

}  // namespace

TEST_CASE("PostgreSQL tests have a server") {
  if (test_server().empty()) {
    // ci/test.sh always starts one and sets PERFWATCH_REQUIRE_POSTGRES: there this fails.
    CHECK_MESSAGE(std::getenv("PERFWATCH_REQUIRE_POSTGRES") == nullptr,
                  "PERFWATCH_TEST_POSTGRES is not set although PERFWATCH_REQUIRE_POSTGRES is");
    MESSAGE("PostgreSQL store tests skipped: PERFWATCH_TEST_POSTGRES is not set (ci/test.sh starts a server)");
    return;
  }
  CHECK_NOTHROW(postgres::Connection::open(test_server()));
}

TEST_CASE("Store keeps decisions, confirmations and bisection steps on every engine") {
  for (const std::string& engine : engines()) {
    CAPTURE(engine);
    TempDir dir;
    TestHistory h(dir, engine);
    Store store = Store::open(h.location(), Store::Mode::create);
    const std::string sha(40, 'c');
    const std::int64_t run = store.record_run(make_run(sha, 2000000000, {latency("a", {1.5, 2.25, 1e-300})}));
    Decision accept{0, 2000000100, DecisionKind::accept, "a", "p95_latency", sha, 2000000000, std::nullopt, 0, "ann",
                    "new level", "github #12"};
    Decision invalidate{0, 2000000200, DecisionKind::invalidate, "", "", sha, 0, std::nullopt, run, "bob", "noisy host", "cli"};
    store.record_decisions({accept, invalidate});
    const auto decisions = store.decisions();
    REQUIRE(decisions.size() == 2);
    accept.id = decisions[0].id;
    invalidate.id = decisions[1].id;
    CHECK(decisions[0] == accept);
    CHECK(decisions[1] == invalidate);
    CHECK(store.run_info(run)->status == RunStatus::invalidated);
    // An invalidation of a run that does not exist keeps nothing of the batch.
    Decision missing = invalidate;
    missing.run_id = run + 99;
    CHECK(error_of([&] { store.record_decisions({accept, missing}); }).status == ExitStatus::bad_input);
    CHECK(store.decisions().size() == 2);

    Confirmation c;
    c.confirmed = true;
    c.effect = {1.49, 1.41, 1.58, 4};
    c.seconds = 21.5;
    c.good_sha = std::string(40, 'd');
    c.culprit = Culprit{sha, "Ann <ann@example.com>", "parse: copy tokens", {1.5, 1.44, 1.57, 7}};
    BisectStep step{2000000000, "a", Metric::p95_latency, std::string(40, 'd'), sha, StepCall::bad, {1.5, 1.4, 1.6, 3}, 2.5};
    store.record_confirmations(run, {{"a", Metric::p95_latency, c}}, {step});
    c.confirmed = false;  // a second record of the same benchmark and metric replaces the first
    store.record_confirmations(run, {{"a", Metric::p95_latency, c}}, {});
    const auto kept = store.confirmations(run);
    REQUIRE(kept.size() == 1);
    CHECK(kept[0].confirmation.confirmed == false);
    CHECK(kept[0].confirmation.effect.ratio == 1.49);
    REQUIRE(kept[0].confirmation.culprit);
    CHECK(kept[0].confirmation.culprit->subject == "parse: copy tokens");
    const auto steps = store.bisect_steps();
    REQUIRE(steps.size() == 1);
    CHECK(steps[0].effect.low == 1.4);
    CHECK(steps[0].call == StepCall::bad);
    // Times past 2038 and doubles at their extremes come back exactly.
    const auto points = store.history("a", 0);
    REQUIRE(points.size() == 1);
    CHECK(points[0].time == 2000000000);
    CHECK(points[0].result.latency->values == std::vector<double>{1.5, 2.25, 1e-300});
  }
}

TEST_CASE("Store takes eight writers of one night at once on every engine") {
  for (const std::string& engine : engines()) {
    CAPTURE(engine);
    TempDir dir;
    TestHistory h(dir, engine);
    Store::open(h.location(), Store::Mode::create);
    const std::string sha(40, 'e');
    std::vector<std::jthread> shards;
    std::atomic<int> failures{0};
    for (int shard = 0; shard < 8; ++shard) {
      shards.emplace_back([&, shard] {
        try {
          std::vector<BenchmarkResult> results;
          for (int b = 0; b < 25; ++b)  // every shard's own, and one all of them report
            results.push_back(latency("shard" + std::to_string(shard) + "/b" + std::to_string(b), {1.0 + b, 2.0 + b}));
          results.push_back(latency("shared", {double(shard)}));
          Store store = Store::open(h.location(), Store::Mode::create);
          store.record_run(make_run(sha, 1000 + shard, results));
        } catch (const std::exception& e) {
          ++failures;
          MESSAGE(e.what());
        }
      });
    }
    shards.clear();  // joins
    CHECK(failures == 0);
    Store store = Store::open(h.location(), Store::Mode::read_only);
    CHECK(store.all_runs().size() == 8);
    CHECK(store.benchmark_names().size() == 8 * 25 + 1);
    CHECK(store.history("shared", 0).size() == 8);
    for (const RunInfo& r : store.all_runs()) CHECK(store.run_results(r.id).size() == 26);
  }
}

TEST_CASE("Store keeps no half run when its writer is killed") {
  for (const std::string& engine : engines()) {
    CAPTURE(engine);
    TempDir dir;
    TestHistory h(dir, engine);
    GitFixture git(dir.path(), 1);
    // A night big enough that the kill lands while it is being written, or
    // before or after: whenever it lands, the run is all there or not at all.
    std::string benchmarks;
    for (int b = 0; b < 3000; ++b)
      benchmarks += std::string(b ? "," : "") + R"({"name":"b)" + std::to_string(b) + R"(","unit":"ns","samples":[1,2,3,4,5,6,7,8]})";
    const auto file = dir.write("night.json", R"({"suite":"big","benchmarks":[)" + benchmarks + "]}");
    REQUIRE(run({"--repo", dir.path().string(), "--db", h.location(), "ingest", file.string(), "--at",
                 "2026-11-20T02:00:00Z"}).status == 0);
    for (int delay_ms : {40, 120, 300}) {
      CAPTURE(delay_ms);
      const size_t before = Store::open(h.location(), Store::Mode::read_only).all_runs().size();
      const pid_t pid = start_perfwatch({"--repo", dir.path().string(), "--db", h.location(), "ingest", file.string(),
                                         "--at", "2026-11-21T02:00:00Z"},
                                        dir / "stderr.txt");
      REQUIRE(pid > 0);
      std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
      kill(pid, SIGKILL);
      wait_for(pid);
      Store store = Store::open(h.location(), Store::Mode::create);
      for (const RunInfo& r : store.all_runs()) CHECK(store.run_results(r.id).size() == 3000);
      const size_t after = store.all_runs().size();
      CHECK((after == before || after == before + 1));
    }
  }
}

TEST_CASE("cli compare gives the same verdicts on both engines") {
  if (test_server().empty()) return;  // nothing to compare with
  std::map<std::string, std::string> outputs;
  for (const std::string& engine : engines()) {
    TempDir dir;
    TestHistory h(dir, engine);
    GitFixture git(dir.path(), 9);
    std::mt19937_64 rng(7);  // the same nights for both
    for (int night = 0; night < 9; ++night) {
      std::string results;
      for (int b = 0; b < 5; ++b) {
        std::string samples;
        std::lognormal_distribution<double> noise(0, 0.05);
        const double level = 1000.0 * (b + 1) * (night == 8 && b == 2 ? 1.4 : 1.0);
        for (int i = 0; i < 40; ++i) samples += std::string(i ? "," : "") + fmt::format("{}", level * noise(rng));
        results += std::string(b ? "," : "") + R"({"name":"b)" + std::to_string(b) + R"(","unit":"ns","samples":[)" + samples + "]}";
      }
      const auto file = dir.write("night.json", R"({"suite":"s","benchmarks":[)" + results + "]}");
      REQUIRE(run({"--repo", dir.path().string(), "--db", h.location(), "ingest", file.string(), "--commit",
                   git.shas()[static_cast<size_t>(night)], "--at", format_iso8601(1794276000 + night * 86400), "--env",
                   "ci"}).status == 0);
    }
    const auto c = run({"--repo", dir.path().string(), "--db", h.location(), "compare", "--format", "json"});
    CHECK(c.status == 1);
    outputs[engine] = c.out;
  }
  CHECK(nlohmann::json::parse(outputs["sqlite"])["results"].size() == 20);  // 5 benchmarks, 4 latency quantiles
  CHECK(outputs["sqlite"] == outputs["postgresql"]);
}

TEST_CASE("Store::open on a PostgreSQL server that is not there") {
  // A closed port on loopback: refused at once, three tries, then exit 3.
  const std::string url = "postgresql://perf:s3cret-pw@127.0.0.1:1/history?connect_timeout=2";
  const auto e = error_of([&] { Store::open(url, Store::Mode::create); });
  CHECK(e.status == ExitStatus::environment);
  CHECK(e.message.find("127.0.0.1:1") != std::string::npos);
  CHECK(e.message.find("postgresql://perf@127.0.0.1:1/history") != std::string::npos);
  CHECK(e.message.find("s3cret") == std::string::npos);
  CHECK(e.message.find('\n') == std::string::npos);

  SUBCASE("through the CLI: one line, no password, and no folder named after the URL") {
    TempDir dir;
    GitFixture git(dir.path(), 1);
    const auto r = run({"--repo", dir.path().string(), "--db", url, "status"});
    CHECK(r.status == 3);
    CHECK(one_line(r.err));
    CHECK(r.err.find("s3cret") == std::string::npos);
    CHECK_FALSE(std::filesystem::exists("postgresql:"));
  }
  SUBCASE("a URL libpq cannot read is bad input") {
    const auto bad = error_of([&] { Store::open("postgresql://perf@127.0.0.1:1/h?no_such_option=1", Store::Mode::create); });
    CHECK(bad.status == ExitStatus::bad_input);
    CHECK(bad.message.find("expected a PostgreSQL URL") != std::string::npos);
  }
}

TEST_CASE("Store::open on a PostgreSQL database") {
  if (test_server().empty()) return;
  TempDir dir;
  TestHistory h(dir, "postgresql");
  SUBCASE("read_only on an empty database is bad input, and creates nothing") {
    const auto e = error_of([&] { Store::open(h.location(), Store::Mode::read_only); });
    CHECK(e.status == ExitStatus::bad_input);
    CHECK(e.message.find("no history here yet") != std::string::npos);
    CHECK_FALSE(postgres::Connection::open(h.location())->has_table("runs"));
  }
  SUBCASE("another program's tables are refused") {
    postgres::Connection::open(h.location())->exec("CREATE TABLE runs(x INTEGER)");
    const auto e = error_of([&] { Store::open(h.location(), Store::Mode::create); });
    CHECK(e.status == ExitStatus::bad_input);
    CHECK(e.message.find("perfwatch did not make") != std::string::npos);
  }
  SUBCASE("a history from a newer perfwatch is refused") {
    Store::open(h.location(), Store::Mode::create);
    postgres::Connection::open(h.location())->exec("UPDATE perfwatch_schema SET version = 99");
    const auto e = error_of([&] { Store::open(h.location(), Store::Mode::create); });
    CHECK(e.status == ExitStatus::bad_input);
    CHECK(e.message.find("got 99") != std::string::npos);
  }
  SUBCASE("a read-only command writes nothing") {
    Store::open(h.location(), Store::Mode::create);
    Store reader = Store::open(h.location(), Store::Mode::read_only);
    CHECK(error_of([&] { reader.record_run(make_run(std::string(40, 'f'), 1, {latency("a", {1})})); }).status ==
          ExitStatus::environment);
    CHECK(reader.all_runs().empty());
  }
}

TEST_CASE("cli migrate copies a history losslessly, and again changes nothing") {
  // Onto the server when there is one, else into another file: the same code.
  const std::string engine = test_server().empty() ? "sqlite" : "postgresql";
  CAPTURE(engine);
  TempDir dir;
  TestHistory from(dir, "sqlite", "from.db");
  TestHistory to(dir, engine, "to.db");
  GitFixture git(dir.path(), 3);
  auto perfwatch = [&](const std::string& db, std::vector<std::string> args) {
    args.insert(args.begin(), {"--repo", dir.path().string(), "--db", db});
    return run(std::move(args));
  };
  for (int night = 0; night < 3; ++night) {
    const auto file = dir.write("n.json", R"({"suite":"s","benchmarks":[{"name":"a","unit":"ns","samples":[)" +
                                              fmt::format("{},{},{}", 1.1 + night, 0.1 + 0.2, 1e-9) +
                                              R"(]},{"name":"b","unit":"ns","samples":[5e6]}]})");
    REQUIRE(perfwatch(from.location(), {"ingest", file.string(), "--commit", git.shas()[static_cast<size_t>(night)],
                                         "--at", format_iso8601(1794276000 + night * 86400), "--env", "ci"})
                .status == 0);
  }
  REQUIRE(perfwatch(from.location(), {"triage", "invalidate", "--commit", git.shas()[0], "--reason", "noisy host"}).status == 0);
  REQUIRE(perfwatch(from.location(), {"triage", "accept", "a", "--at", git.shas()[2], "--reason", "new level"}).status == 0);
  {
    Store store = Store::open(from.location(), Store::Mode::create);
    Confirmation c;
    c.confirmed = true;
    c.effect = {1.3, 1.2, 1.4, 4};
    c.good_sha = git.shas()[1];
    const std::int64_t last = store.all_runs().back().id;
    store.record_confirmations(last, {{"a", Metric::p95_latency, c}},
                               {{1794276000, "a", Metric::p95_latency, git.shas()[1], git.shas()[2], StepCall::bad, {1.3, 1.2, 1.4, 3}, 1.5}});
    store.record_bisect_steps({{1794300000, "a", Metric::p95_latency, git.shas()[0], git.shas()[1], StepCall::good, {1.0, 0.9, 1.1, 3}, 2}});
  }
  const auto first = perfwatch(from.location(), {"migrate", "--to", to.location()});
  REQUIRE(first.status == 0);
  CHECK(first.err.find("3 runs, 2 triage decisions, 1 confirmations, 2 bisection steps") != std::string::npos);

  const auto exported_from = perfwatch(from.location(), {"export"});
  const auto exported_to = perfwatch(to.location(), {"export"});
  REQUIRE(exported_from.status == 0);
  CHECK(exported_to.out == exported_from.out);  // runs, samples, statuses and decisions, byte for byte
  Store a = Store::open(from.location(), Store::Mode::read_only);
  Store b = Store::open(to.location(), Store::Mode::read_only);
  CHECK(b.confirmations(b.all_runs().back().id).size() == 1);
  CHECK(b.confirmations(b.all_runs().back().id)[0].confirmation.effect.ratio == 1.3);
  REQUIRE(b.bisect_steps().size() == 2);
  CHECK(b.bisect_steps()[1].call == StepCall::good);
  CHECK(perfwatch(to.location(), {"status", "--format", "json"}).out ==
        perfwatch(from.location(), {"status", "--format", "json"}).out);

  const auto again = perfwatch(from.location(), {"migrate", "--to", to.location()});
  CHECK(again.status == 0);
  CHECK(again.err.find("0 runs (3 already there), 0 triage decisions, 0 confirmations, 0 bisection steps") !=
        std::string::npos);
  CHECK(perfwatch(to.location(), {"export"}).out == exported_from.out);

  const auto same = perfwatch(from.location(), {"migrate", "--to", from.location()});
  CHECK(same.status == 2);
  CHECK(one_line(same.err));
}

TEST_CASE("Store::hold_filing_lock") {
  if (test_server().empty()) return;
  TempDir dir;
  TestHistory h(dir, "postgresql");
  auto first = std::make_unique<Store>(Store::open(h.location(), Store::Mode::create));
  int first_waited = 0;
  first->hold_filing_lock([&] { ++first_waited; });
  CHECK(first_waited == 0);
  std::atomic<bool> second_holds{false};
  std::atomic<int> second_waited{0};
  std::jthread second([&] {
    Store store = Store::open(h.location(), Store::Mode::create);
    store.hold_filing_lock([&] { ++second_waited; });  // blocks until the first store closes
    second_holds = true;
  });
  CHECK(eventually([&] { return second_waited == 1; }));
  CHECK_FALSE(second_holds);
  first.reset();  // its connection closes: the lock goes with it
  CHECK(eventually([&] { return second_holds.load(); }));
}

TEST_CASE("Store on PostgreSQL: libpq's parameters pass through, and a locked row waits, then exit 3") {
  if (test_server().empty()) return;
  TempDir dir;
  TestHistory h(dir, "postgresql");
  SUBCASE("sslmode=require on a server without TLS is refused by libpq: exit 3") {
    const auto e = error_of([&] { Store::open(h.location() + "&sslmode=require", Store::Mode::create); });
    CHECK(e.status == ExitStatus::environment);
    CHECK(e.message.find("SSL") != std::string::npos);
  }
  SUBCASE("a writer holding the run's rows past the timeout") {
    Store::open(h.location(), Store::Mode::create).record_run(make_run(std::string(40, 'a'), 1, {latency("a", {1})}));
    auto holder = postgres::Connection::open(h.location());
    holder->begin();
    holder->exec("LOCK TABLE benchmarks IN EXCLUSIVE MODE");
    Store store = Store::open(h.location(), Store::Mode::create, 200);
    const auto e = error_of([&] { store.record_run(make_run(std::string(40, 'b'), 2, {latency("b", {2})})); });
    CHECK(e.status == ExitStatus::environment);
    CHECK(e.message.find("locked by another writer (waited 200 ms") != std::string::npos);
    holder->rollback();
    CHECK(store.all_runs().size() == 1);
  }
}

TEST_CASE("Store on PostgreSQL: the password from PGPASSWORD, ~/.pgpass or the URL, never in a message") {
  const char* set = std::getenv("PGPASSWORD");
  if (test_server().empty() || !set || !*set) return;  // ci/postgres.sh's server asks for one
  const std::string password = set;
  TempDir dir;
  TestHistory h(dir, "postgresql");
  auto with_password = [&](const char* value) { value ? setenv("PGPASSWORD", value, 1) : unsetenv("PGPASSWORD"); };
  SUBCASE("a wrong one: exit 3, one line naming the host, neither password in it") {
    with_password("wrong-pw-123");
    const auto e = error_of([&] { Store::open(h.location(), Store::Mode::create); });
    with_password(password.c_str());
    CHECK(e.status == ExitStatus::environment);
    CHECK(e.message.find("password authentication failed") != std::string::npos);
    CHECK(e.message.find("127.0.0.1") != std::string::npos);
    CHECK(e.message.find("wrong-pw-123") == std::string::npos);
    CHECK(e.message.find(password) == std::string::npos);
  }
  SUBCASE("from a password file (PGPASSFILE, as ~/.pgpass)") {
    const auto file = dir.write("pgpass", "*:*:*:perfwatch:" + password + "\n");
    std::filesystem::permissions(file, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    with_password(nullptr);
    setenv("PGPASSFILE", file.c_str(), 1);
    const auto opened = error_of([&] { Store::open(h.location(), Store::Mode::create); });
    unsetenv("PGPASSFILE");
    with_password(password.c_str());
    CHECK(opened.message == "");
  }
  SUBCASE("in the URL: it works, and messages show the URL without it") {
    with_password(nullptr);
    std::string url = h.location();
    url.replace(url.find("perfwatch@"), 10, "perfwatch:" + password + "@");
    TempDir repo;
    GitFixture git(repo.path(), 1);
    const auto r = run({"--repo", repo.path().string(), "--db", url, "history", "missing"});
    with_password(password.c_str());
    CHECK(r.status == 2);  // connected; an empty history has no such benchmark
    CHECK(r.err.find("perfwatch@127.0.0.1") != std::string::npos);
    CHECK(r.err.find(password) == std::string::npos);
  }
}
