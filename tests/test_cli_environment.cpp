// Environment identity end to end: a hosted runner (another runner name and
// host every night) forms a baseline; a user-named environment stands apart;
// a history from before identities is migrated and says what it merged.
#include <doctest/doctest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "detect/baseline.hpp"
#include "store/sqlite.hpp"
#include "support/ingest_fixture.hpp"
#include "support/night_samples.hpp"

using namespace perfwatch;
using namespace perfwatch::testing;

namespace {

// A suite of one real benchmark process whose samples the test writes each night.
struct HostedRunner {
  IngestFixture f;
  std::mt19937_64 rng{11};
  int night = 0;

  HostedRunner() {
    f.dir.write("perfwatch.json", R"({"suite": "hosted", "benchmarks": [{"name": "parser", "format": "perfwatch",
      "command": [")" + std::string(PERFWATCH_TEST_HELPER) + R"(", "from-file", "small", ")" + (f.dir / "small.txt").string() + R"("]}]})");
  }
  // One night on a fresh runner: its own RUNNER_NAME, as GitHub's pool hands out.
  CliResult run_night(double level, std::vector<std::string> extra = {}) {
    ++night;
    f.git.commit("night " + std::to_string(night));
    f.dir.write("small.txt", night_samples(rng, level));
    setenv("RUNNER_NAME", ("GitHub Actions " + std::to_string(100 + night * 7)).c_str(), 1);
    std::vector<std::string> args = {"run", "--at", "2026-11-" + std::to_string(10 + night) + "T02:00:00Z"};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = f.perfwatch(args);
    unsetenv("RUNNER_NAME");
    return r;
  }
};

}  // namespace

TEST_CASE("cli run on a hosted runner: a new runner name each night still forms a baseline") {
  HostedRunner h;
  for (int n = 0; n < 8; ++n) REQUIRE_MESSAGE(h.run_night(1000).status == 0, h.f.perfwatch({"compare"}).err);
  REQUIRE(h.run_night(1600).status == 0);  // the ninth night: p95 +60 %
  const auto c = h.f.perfwatch({"compare", "--format", "json"});
  CHECK(c.status == 1);
  const auto doc = nlohmann::json::parse(c.out);
  CHECK(doc["baseline"]["runs"] == 7);
  CHECK(doc["verdict"] == "regression");
  const std::string identity = doc["environment"];
  CHECK(identity.find(", ") != std::string::npos);
  CHECK(identity.find("GitHub Actions") == std::string::npos);  // never a runner's name
  CHECK(doc["environment_note"].is_null());  // one machine class, one CPU model here
  // Each run keeps its details: the runner's name is in the export.
  CHECK(h.f.exported().find("\"name\":\"GitHub Actions 163\"") != std::string::npos);
}

TEST_CASE("cli run --env: a named environment has a baseline of its own") {
  HostedRunner h;
  for (int n = 0; n < 8; ++n) REQUIRE(h.run_night(1000).status == 0);
  REQUIRE(h.run_night(1000, {"--env", "big-runner"}).status == 0);
  const auto doc = nlohmann::json::parse(h.f.perfwatch({"compare", "--format", "json"}).out);
  CHECK(doc["environment"] == "env:big-runner");
  CHECK(doc["baseline"]["runs"] == 0);
  CHECK(doc["verdict"] == "insufficient-baseline");
}

TEST_CASE("a history from before identities is migrated, and says what it merged") {
  HostedRunner h;
  for (int n = 0; n < 8; ++n) REQUIRE(h.run_night(1000).status == 0);
  REQUIRE(h.run_night(1600).status == 0);
  // Back to schema 2's layout: one environment per runner name, no identity.
  {
    sqlite::Database db(h.f.db, sqlite::Database::Access::read_write_create, 1000);
    db.exec("DROP INDEX environments_by_identity; ALTER TABLE environments DROP COLUMN identity;"
            " ALTER TABLE environments DROP COLUMN arch; DROP TABLE confirmations;"
            " ALTER TABLE results DROP COLUMN memory_series; ALTER TABLE results DROP COLUMN instructions;"
            " ALTER TABLE results DROP COLUMN instructions_source;"
            " DROP TABLE bisect_steps; DROP TABLE run_summaries; PRAGMA user_version = 2;");
  }
  const auto c = h.f.perfwatch({"compare", "--format", "json"});
  CHECK(c.status == 1);
  CHECK(nlohmann::json::parse(c.out)["baseline"]["runs"] == 7);
  CHECK(c.err.find("perfwatch: history migrated: environments GitHub Actions 107 (") != std::string::npos);
  CHECK(c.err.find("now share the baseline of \"") != std::string::npos);
  // Once: the next command has nothing to say.
  CHECK(h.f.perfwatch({"compare"}).err.find("migrated") == std::string::npos);
}

TEST_CASE("describe_machine_change") {
  auto night = [](const std::string& cpu) {
    RunInfo r;
    r.cpu = cpu;
    return r;
  };
  const std::vector<RunInfo> baseline = {night("Intel Xeon 8370C"), night("AMD EPYC 7763"), night("Intel Xeon 8370C"),
                                         night("Intel Xeon 8370C"), night("Intel Xeon 8370C"), night("Intel Xeon 8370C"),
                                         night("AMD EPYC 7763")};
  CHECK(describe_machine_change(baseline, night("AMD EPYC 7763")) ==
        "tonight ran on AMD EPYC 7763; 5 of 7 baseline nights on Intel Xeon 8370C");
  CHECK(describe_machine_change({night("AMD EPYC 7763")}, night("AMD EPYC 7763")).empty());
  CHECK(describe_machine_change({}, night("AMD EPYC 7763")).empty());
}
