#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "runner/execute.hpp"
#include "runner/instruction_count.hpp"
#include "runner/perf_counter.hpp"
#include "runner/process.hpp"
#include "support/temp_dir.hpp"
#include "util/file.hpp"

using namespace perfwatch;
using perfwatch::testing::TempDir;

namespace {

ProcessSpec helper(const TempDir& dir, std::vector<std::string> args) {
  ProcessSpec spec;
  spec.argv = {PERFWATCH_TEST_HELPER};
  spec.argv.insert(spec.argv.end(), args.begin(), args.end());
  spec.stdout_path = dir / "out";
  spec.stderr_path = dir / "err";
  return spec;
}

// The instructions callgrind counts for the helper doing `millions` million steps.
std::int64_t callgrind_count(const TempDir& dir, const std::string& millions) {
  ProcessSpec spec = helper(dir, {"work", millions});
  const std::filesystem::path prefix = dir / ("cg" + millions + ".");
  spec.argv = callgrind_argv(spec.argv, prefix);
  const ProcessResult r = run_process(spec, nullptr);
  REQUIRE(r.ok());
  const auto n = collect_callgrind(prefix);
  REQUIRE(n);
  return *n;
}

}  // namespace

TEST_CASE("callgrind_instructions") {
  // The head and tail of a file callgrind 3.19.0 wrote for /bin/true (`valgrind --tool=callgrind /bin/true`).
  const std::string real = "# callgrind format\nversion: 1\ncreator: callgrind-3.19.0\npid: 3114\ncmd:  /bin/true\n"
                           "part: 1\n\n\ndesc: I1 cache: \ndesc: Trigger: Program termination\n\npositions: line\n"
                           "events: Ir\nsummary: 127340\n\n\nob=(2) ???\nfl=(52) ???\n0 1\n+8 2\n\ntotals: 127340\n";
  CHECK(callgrind_instructions(real) == 127340);
  CHECK(callgrind_instructions("events: Ir\ntotals: 99\n") == 99);  // a dump without a summary line
  CHECK_FALSE(callgrind_instructions("events: Ir\n0 1\n"));
  CHECK_FALSE(callgrind_instructions(""));
}

TEST_CASE("collect_callgrind") {
  TempDir dir;
  // The same work counts the same, whatever the machine is doing; twice the work, twice the count.
  const std::int64_t once = callgrind_count(dir, "2"), again = callgrind_count(dir, "2"), twice = callgrind_count(dir, "4");
  CHECK(std::fabs(static_cast<double>(again - once)) / static_cast<double>(once) < 1e-4);
  CHECK(static_cast<double>(twice) / static_cast<double>(once) == doctest::Approx(2).epsilon(0.05));
  // Its files are gone, its logs stay; a prefix with no file counts nothing.
  int counts = 0, logs = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir.path())) {
    const std::string name = e.path().filename().string();
    if (name.starts_with("cg2.")) ++(name.starts_with("cg2.log.") ? logs : counts);
  }
  CHECK(counts == 0);
  CHECK(logs == 2);  // one run each
  CHECK_FALSE(collect_callgrind(dir / "none."));
}

TEST_CASE("PerfCounter counts a child from its exec") {
  TempDir dir;
  // CPU time is a software event every kernel counts: it checks the wiring (attach before exec, read after exit).
  REQUIRE(perf_unavailable_reason(PerfEvent::task_clock) == "");
  ProcessSpec spec = helper(dir, {"work", "20", (dir / "ran").string()});
  spec.count = PerfEvent::task_clock;
  const ProcessResult r = run_process(spec, nullptr);
  REQUIRE(r.ok());
  REQUIRE(r.count);
  CHECK(*r.count > 0);
  CHECK(read_file(dir / "ran") == "ran");

  // Instructions need a hardware counter; where the kernel has none the child never runs.
  ProcessSpec instructions = helper(dir, {"work", "2", (dir / "counted").string()});
  instructions.count = PerfEvent::user_instructions;
  const ProcessResult c = run_process(instructions, nullptr);
  if (const std::string why = perf_unavailable_reason(PerfEvent::user_instructions); !why.empty()) {
    MESSAGE("no hardware instruction counter here: " << why);
    CHECK(c.end == ProcessEnd::not_started);
    CHECK(c.error == "perf_event_open: " + why);
    CHECK_FALSE(std::filesystem::exists(dir / "counted"));
  } else {
    REQUIRE(c.ok());
    REQUIRE(c.count);
    CHECK(*c.count > 2'000'000);  // at least one instruction a step
  }
}

TEST_CASE("run_entry counts instructions") {
  TempDir dir;
  SuiteEntry entry;
  entry.name = "work";
  entry.command = {PERFWATCH_TEST_HELPER, "work", "2"};
  entry.repetitions = 3;
  entry.warmup = 1;
  entry.count_instructions = true;
  const EntryOutcome o = run_entry(entry, dir.path(), dir.path(), nullptr, nullptr);
  REQUIRE(o.results.size() == 1);
  const BenchmarkResult& r = o.results[0];
  REQUIRE_FALSE(r.failure);
  CHECK_FALSE(r.latency);  // time under a counter is not the measurement
  REQUIRE(r.instructions);
  CHECK(r.instructions->values.size() == 3);  // the warm-up is not counted
  CHECK(r.instructions_source == to_string(probe_count_source()));
  for (double v : r.instructions->values) CHECK(v == doctest::Approx(r.instructions->values[0]).epsilon(1e-3));
  CHECK(r.instructions->values[0] > 2e6);

  // A command that does not exist is the entry's failure, as without a counter.
  entry.command = {"no-such-benchmark-command"};
  const EntryOutcome missing = run_entry(entry, dir.path(), dir.path(), nullptr, nullptr);
  REQUIRE(missing.results.size() == 1);
  CHECK(missing.results[0].failure);
}
