#include <doctest/doctest.h>
#include <signal.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <nlohmann/json.hpp>
#include <fstream>
#include <thread>

#include "runner/instruction_count.hpp"
#include "runner/perf_counter.hpp"
#include "support/ingest_fixture.hpp"
#include "util/file.hpp"

using namespace perfwatch;
using perfwatch::testing::IngestFixture;
using perfwatch::testing::one_line;

namespace {

std::string entry(const std::string& name, const std::vector<std::string>& args, const std::string& extra = "") {
  std::string argv = "\"" + std::string(PERFWATCH_TEST_HELPER) + "\"";
  for (const auto& a : args) argv += ", \"" + a + "\"";
  return R"({"name": ")" + name + R"(", "command": [)" + argv + "]" + extra + "}";
}

std::string suite(const std::vector<std::string>& entries) {
  std::string list;
  for (const auto& e : entries) list += (list.empty() ? "" : ", ") + e;
  return R"({"suite": "tests", "benchmarks": [)" + list + "]}";
}

}  // namespace

TEST_CASE("cli run") {
  IngestFixture f;
  f.dir.write("perfwatch.json", suite({entry("quick", {"native", "parse", "1200"}, R"(, "format": "perfwatch", "repetitions": 3)"),
                                       entry("crash", {"exit", "3", "segfault in parser"}),
                                       entry("noise", {"garbage"}, R"(, "format": "gbench")"),
                                       entry("memory", {"alloc", "50"})}));
  const auto r = f.perfwatch({"run", "--at", "2026-11-20T02:00:00Z"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(r.err.find("[2/4] crash: FAILED: run1: exit status 3; stderr: first line | segfault in parser") != std::string::npos);
  CHECK(r.err.find("recorded run 1 of suite tests: 4 benchmarks (2 failed)") != std::string::npos);

  auto runs = [&](const std::string& bench) {
    return nlohmann::json::parse(f.perfwatch({"history", bench, "--format", "json"}).out)["runs"];
  };
  SUBCASE("repetitions append samples; the output's benchmarks are named under the entry") {
    CHECK(runs("quick/parse")[0]["n"] == 3);
    CHECK(runs("quick/parse")[0]["p50"] == 1200.0);
    CHECK(runs("quick")[0]["n"] == 3);  // the process wall times
    CHECK(runs("quick")[0]["time"] == "2026-11-20T02:00:00Z");
  }
  SUBCASE("failures are recorded rows, never missing ones") {
    CHECK(runs("crash")[0]["failure"] == "run1: exit status 3; stderr: first line | segfault in parser");
    CHECK(runs("crash")[0]["errors"] == 1);
    CHECK(runs("noise")[0]["failure"].get<std::string>().find("output is not gbench") != std::string::npos);
  }
  SUBCASE("peak memory of the process") {
    const double mb = runs("memory")[0]["peak_rss_bytes"].get<double>() / (1024 * 1024);
    CHECK(mb > 45);
    CHECK(mb < 60);
  }
  SUBCASE("--only runs a subset") {
    const auto only = f.perfwatch({"run", "--only", "qu*"});
    CHECK(only.status == 0);
    CHECK(only.err.find("[1/1] quick") != std::string::npos);
    CHECK(runs("quick").size() == 2);
    CHECK(runs("crash").size() == 1);
  }
}

TEST_CASE("cli run rejects bad suites and reports a missing command") {
  IngestFixture f;
  SUBCASE("a bad suite file: exit 2, one line, nothing recorded") {
    f.dir.write("perfwatch.json", R"({"suite": "s", "benchmarks": [{"name": "a", "command": ["x"], "timeout": 5}]})");
    const auto r = f.perfwatch({"run"});
    CHECK(r.status == 2);
    CHECK(one_line(r.err));
    CHECK(r.err.find("perfwatch.json: benchmarks[0].timeout: unknown key") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(f.db));
  }
  SUBCASE("no suite file") {
    const auto r = f.perfwatch({"run"});
    CHECK(r.status == 2);
    CHECK(r.err.find("perfwatch.json: cannot read") != std::string::npos);
  }
  SUBCASE("--only matching nothing") {
    f.dir.write("perfwatch.json", suite({entry("a", {"native", "x", "1"})}));
    const auto r = f.perfwatch({"run", "--only", "zzz*"});
    CHECK(r.status == 2);
    CHECK(r.err.find("--only \"zzz*\": expected a glob matching a benchmark (known: a)") != std::string::npos);
  }
  SUBCASE("a missing command: exit 3, the rest recorded") {
    f.dir.write("perfwatch.json", R"({"suite": "s", "benchmarks": [{"name": "gone", "command": ["perfwatch-no-such-tool"]}, )" +
                                      entry("fine", {"native", "x", "5"}) + "]}");
    const auto r = f.perfwatch({"run"});
    CHECK(r.status == 3);
    CHECK(r.err.find("a benchmark command is missing") != std::string::npos);
    CHECK(f.perfwatch({"history", "fine"}).status == 0);
  }
}

TEST_CASE("cli run: SIGTERM mid-suite stops the children and records nothing") {
  IngestFixture f;
  REQUIRE(f.perfwatch({"ingest", f.results("seed.json", "seed", "1,2,3")}).status == 0);
  const std::string before = f.exported();
  f.dir.write("perfwatch.json", suite({entry("first", {"native", "x", "5"}),
                                       entry("long", {"spawn-sleeper", (f.dir / "pid").string()}),
                                       entry("never", {"native", "y", "5"})}));
  // The real executable, as CI runs it.
  std::vector<std::string> args = {PERFWATCH_BINARY, "--repo", f.dir.path().string(), "--db", f.db, "run"};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 2, (f.dir / "stderr").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_t pid = 0;
  REQUIRE(posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) == 0);
  posix_spawn_file_actions_destroy(&actions);
  // Wait until the long benchmark is running (its grandchild wrote its pid), then SIGTERM.
  for (int i = 0; i < 500 && !std::filesystem::exists(f.dir / "pid"); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  REQUIRE(kill(pid, SIGTERM) == 0);
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 3);
  const std::string err = read_file(f.dir / "stderr");
  CHECK(err.find("interrupted by a signal") != std::string::npos);
  CHECK(err.find("never") == std::string::npos);
  CHECK(f.exported() == before);
  pid_t grandchild = 0;
  std::ifstream(f.dir / "pid") >> grandchild;
  REQUIRE(grandchild > 0);
  bool dead = false;
  for (int i = 0; i < 200 && !dead; ++i) {
    dead = kill(grandchild, 0) != 0;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  // A zombie reparented to init counts as gone; check the state when still there.
  if (!dead) {
    std::ifstream stat("/proc/" + std::to_string(grandchild) + "/stat");
    std::string a, b, state;
    stat >> a >> b >> state;
    dead = state == "Z";
  }
  CHECK(dead);
}

// Issue 16: a leaking process's growth in MB/h with its interval, a p99.9 where
// the night has the samples for one and "too few samples" where it has not.
TEST_CASE("cli run: memory growth and p99.9, end to end") {
  IngestFixture f;
  std::string many;
  for (int i = 0; i < 1200; ++i) many += (many.empty() ? "" : ",") + std::to_string(1000 + (i * 7919) % 400);
  f.dir.write("many.txt", many);
  f.dir.write("few.txt", "1000,1100,1050,990,1200");
  f.dir.write("perfwatch.json",
              suite({entry("soak", {"leak", "3", "30", "100"}, R"(, "memory_growth_min_seconds": 1)"),
                     entry("brief", {"leak", "3", "30", "100"}),  // the default 60 s: too short for a growth rate
                     entry("tail", {"from-file", "op", (f.dir / "many.txt").string()}, R"(, "format": "perfwatch")"),
                     entry("few", {"from-file", "op", (f.dir / "few.txt").string()}, R"(, "format": "perfwatch")")}));
  const auto r = f.perfwatch({"run", "--at", "2026-11-20T02:00:00Z"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  const auto c = f.perfwatch({"compare", "--format", "json"});
  CHECK(c.status == 1);  // the leak alerts on its first night: it needs no baseline
  const auto doc = nlohmann::json::parse(c.out);
  auto result = [&](const std::string& bench, const std::string& metric) {
    for (const auto& x : doc["results"])
      if (x["benchmark"] == bench && x["metric"] == metric) return x;
    return nlohmann::json();
  };
  const auto soak = result("soak", "memory_growth");
  REQUIRE(soak.is_object());
  CHECK(soak["verdict"] == "regression");
  CHECK(soak["unit"] == "bytes/h");
  CHECK(soak["current"].get<double>() > 2e6);
  CHECK(soak["ci_low"].get<double>() > 2e6);
  CHECK(soak["reason"]["test"] == "trend");
  CHECK(result("brief", "memory_growth").is_null());
  CHECK(result("tail/op", "p999_latency")["current"].is_number());
  const auto few = result("few/op", "p999_latency");
  CHECK(few["current"].is_null());
  CHECK(few["too_few_samples"] == nlohmann::json{{"samples", 5}, {"needed", 1000}});

  const auto text = f.perfwatch({"compare", "--all"});
  CHECK(text.out.find("B/h") != std::string::npos);  // MB/h or GB/h, as the rate's size suits
  CHECK(text.out.find("too few samples (5 of 1000 needed)") != std::string::npos);
  const auto history = f.perfwatch({"history", "soak", "--metric", "memory_growth"});
  REQUIRE_MESSAGE(history.status == 0, history.err);
  CHECK(history.out.find("memory_growth") != std::string::npos);
  CHECK(history.out.find("B/h") != std::string::npos);
  CHECK(f.perfwatch({"history", "few/op"}).out.find("n<1000") != std::string::npos);

  // The issue it would file names the rate that grew (a dry run without a token reads and sends nothing).
  unsetenv("GITHUB_TOKEN");
  setenv("GITHUB_REPOSITORY", "octo/widgets", 1);
  const auto issue = f.perfwatch({"report", "--github", "--dry-run"});
  unsetenv("GITHUB_REPOSITORY");
  const size_t title = issue.out.find("== would open: Performance regression: soak memory_growth ");
  REQUIRE_MESSAGE(title != std::string::npos, issue.out);
  CHECK(issue.out.substr(title, issue.out.find('\n', title) - title).find("B/h at ") != std::string::npos);
  CHECK(issue.out.find("Reruns: none needed") != std::string::npos);
}

TEST_CASE("cli run: instructions, end to end") {
  IngestFixture f;
  auto write_suite = [&](const std::string& millions) {
    f.dir.write("perfwatch.json", suite({entry("count", {"work", millions}, R"(, "measure": "instructions")")}));
  };
  write_suite("4");
  const std::string source = to_string(probe_count_source());
  for (int night = 0; night < 4; ++night) {
    const auto r = f.perfwatch({"run", "--at", "2026-11-1" + std::to_string(night) + "T02:00:00Z"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    // The output says which counter counted.
    CHECK(r.err.find("perfwatch: instructions counted by " + count_source_note(probe_count_source())) != std::string::npos);
  }
  write_suite("5");  // a quarter more work
  REQUIRE(f.perfwatch({"run", "--at", "2026-11-14T02:00:00Z"}).status == 0);
  const auto c = f.perfwatch({"compare", "--format", "json"});
  CHECK(c.status == 1);
  nlohmann::json counted;
  const auto doc = nlohmann::json::parse(c.out);
  for (const auto& x : doc["results"])
    if (x["benchmark"] == "count") {
      CHECK(x["metric"] == "instructions");  // the entry's only metric: its time under a counter is not one
      counted = x;
    }
  REQUIRE(counted.is_object());
  CHECK(counted["verdict"] == "regression");
  CHECK(counted["counted_by"] == source);
  CHECK(counted["unit"] == "instructions");
  CHECK(counted["ratio"].get<double>() == doctest::Approx(1.25).epsilon(0.02));
  CHECK(f.perfwatch({"compare"}).out.find("instructions counted by " + source + " (1 benchmark)") != std::string::npos);
  const auto history = f.perfwatch({"history", "count"});
  CHECK(history.out.find("count: 5 runs  instructions ") != std::string::npos);  // the sparkline draws the counts
  CHECK(history.out.find("counted by " + source) != std::string::npos);
  // The report charts the counts as the benchmark's one line.
  REQUIRE(f.perfwatch({"report", "--html", (f.dir / "r.html").string()}).status == 0);
  CHECK(read_file(f.dir / "r.html").find("instructions ") != std::string::npos);

  // The same code counted again: the same count (and still a regression, its second night).
  REQUIRE(f.perfwatch({"run", "--at", "2026-11-15T02:00:00Z"}).status == 0);
  const auto again = nlohmann::json::parse(f.perfwatch({"compare", "--format", "json"}).out);
  CHECK(again["results"][0]["verdict"] == "regression");
  const auto runs = nlohmann::json::parse(f.perfwatch({"history", "count", "--format", "json"}).out)["runs"];
  REQUIRE(runs.size() == 6);
  CHECK(runs[5]["instructions"].get<double>() == doctest::Approx(runs[4]["instructions"].get<double>()).epsilon(1e-4));
  CHECK(runs[5]["instructions_source"] == source);

  // Without any counter, the run stops before anything runs: exit 3, one line, what to do.
  if (!perf_unavailable_reason(PerfEvent::user_instructions).empty()) {
    const std::string path = std::getenv("PATH");
    setenv("PATH", "/nonexistent", 1);
    const auto none = f.perfwatch({"run", "--at", "2026-11-16T02:00:00Z"});
    setenv("PATH", path.c_str(), 1);
    CHECK(none.status == 3);
    CHECK(one_line(none.err));
    CHECK(none.err.find("valgrind is not on PATH; install valgrind (apt-get install valgrind) or measure time") != std::string::npos);
    CHECK(nlohmann::json::parse(f.perfwatch({"history", "count", "--format", "json"}).out)["runs"].size() == 6);
  }
}
