#include <doctest/doctest.h>
#include <signal.h>

#include <algorithm>
#include <fstream>
#include <thread>

#include "runner/execute.hpp"
#include "detect/memory_growth.hpp"
#include "runner/process.hpp"
#include "support/temp_dir.hpp"

using namespace perfwatch;
using perfwatch::testing::TempDir;

namespace {

ProcessSpec helper(const TempDir& dir, std::vector<std::string> args, double timeout_s = 30) {
  ProcessSpec spec;
  spec.argv = {PERFWATCH_TEST_HELPER};
  spec.argv.insert(spec.argv.end(), args.begin(), args.end());
  spec.timeout_s = timeout_s;
  spec.stdout_path = dir / "out";
  spec.stderr_path = dir / "err";
  return spec;
}

// The helper run to completion, with a memory cgroup where `cgroup` asks for one.
ProcessResult run_helper(const TempDir& dir, std::vector<std::string> args, bool cgroup) {
  ProcessSpec spec = helper(dir, std::move(args));
  spec.memory_cgroup = cgroup;
  const ProcessResult r = run_process(spec, nullptr);
  REQUIRE(r.ok());
  return r;
}

// True once `pid` is gone (or only a zombie waiting for init).
bool gone(pid_t pid) {
  for (int i = 0; i < 200; ++i) {
    if (kill(pid, 0) != 0) return true;
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string pid_field, name, state;
    stat >> pid_field >> name >> state;
    if (state == "Z") return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

}  // namespace

TEST_CASE("run_process") {
  TempDir dir;
  SUBCASE("exit status and stderr are captured") {
    const ProcessResult r = run_process(helper(dir, {"exit", "3", "disk on fire"}), nullptr);
    CHECK(r.end == ProcessEnd::exited);
    CHECK(r.exit_code == 3);
    CHECK_FALSE(r.ok());
    CHECK(describe(r, 30) == "exit status 3");
    CHECK(tail_lines(dir / "err", 3) == "first line | disk on fire");
  }
  SUBCASE("a timeout kills the whole process group") {
    const ProcessResult r = run_process(helper(dir, {"spawn-sleeper", (dir / "pid").string()}, 1.0), nullptr);
    CHECK(r.end == ProcessEnd::timed_out);
    CHECK(r.wall_seconds >= 1.0);
    CHECK(r.wall_seconds < 5.0);
    CHECK(describe(r, 1.0) == "timed out after 1 s");
    pid_t grandchild = 0;
    std::ifstream(dir / "pid") >> grandchild;
    REQUIRE(grandchild > 0);
    CHECK(gone(grandchild));
  }
  SUBCASE("a missing command does not start") {
    ProcessSpec spec = helper(dir, {});
    spec.argv = {"perfwatch-no-such-command"};
    const ProcessResult r = run_process(spec, nullptr);
    CHECK(r.end == ProcessEnd::not_started);
    CHECK(describe(r, 1).find("No such file or directory") != std::string::npos);
  }
  SUBCASE("the stop flag interrupts") {
    std::atomic<bool> stop{false};
    std::thread stopper([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
      stop = true;
    });
    const ProcessResult r = run_process(helper(dir, {"sleep", "30"}), &stop);
    stopper.join();
    CHECK(r.end == ProcessEnd::interrupted);
    CHECK(r.wall_seconds < 5);
  }
  SUBCASE("environment and working directory") {
    ProcessSpec spec = helper(dir, {});
    spec.argv = {"sh", "-c", "echo \"$PERFWATCH_TEST_VALUE $(pwd)\""};
    spec.env = {{"PERFWATCH_TEST_VALUE", "42"}};
    std::filesystem::create_directories(dir / "sub");
    spec.cwd = dir / "sub";
    REQUIRE(run_process(spec, nullptr).ok());
    std::string value, cwd;
    std::ifstream(dir / "out") >> value >> cwd;
    CHECK(value == "42");
    CHECK(std::filesystem::equivalent(cwd, dir / "sub"));
  }
}

// The series memory_growth reads: a leak rises through the run, a held block does not.
TEST_CASE("run_process samples memory over time") {
  TempDir dir;
  for (const bool cgroup : {true, false}) {
    CAPTURE(cgroup);
    auto series = [&](std::vector<std::string> args) {
      const ProcessResult r = run_helper(dir, std::move(args), cgroup);
      CHECK(r.memory.seconds.size() == r.memory.bytes.size());
      return r.memory;
    };
    // 3 MB every 100 ms for 3 s: 108 GB an hour at that pace.
    const MemorySeries leak = series({"leak", "3", "30", "100"});
    CHECK(leak.seconds.size() >= 20);
    REQUIRE_FALSE(leak.bytes.empty());
    CHECK(*std::max_element(leak.bytes.begin(), leak.bytes.end()) > leak.bytes.front() + 50e6);
    const auto leaking = memory_growth(leak);
    REQUIRE(leaking);
    CHECK(leaking->bytes_per_hour > 2e6);
    CHECK(leaking->p_value < 1e-4);
    // 60 MB held for 3 s: no growth past warm-up.
    const auto held = memory_growth(series({"hold", "60", "3"}));
    REQUIRE(held);
    CHECK_FALSE((held->bytes_per_hour > 2e6 && held->p_value < 0.01));
  }
}

// Each case with the machine's cgroup (where it offers one) and with the polled fallback.
TEST_CASE("run_process measures peak memory") {
  TempDir dir;
  std::vector<char> ballast(150 * 1024 * 1024, 1);  // make this test process big
  const bool offers_cgroup = MemoryCgroup::create().has_value();
  const std::string offered = offers_cgroup ? "a memory cgroup" : "no memory cgroup: both cases poll";
  MESSAGE(offered);
  for (const bool cgroup : {true, false}) {
    CAPTURE(cgroup);
    auto measured = [&](std::vector<std::string> args) {
      const ProcessResult r = run_helper(dir, std::move(args), cgroup);
      // Where the machine offers a cgroup, it is used.
      CHECK((r.memory_source == MemorySource::polled) == (!cgroup || !offers_cgroup));
      return static_cast<double>(r.peak_rss_bytes) / (1024 * 1024);
    };
    // 200 MB within 10 %.
    const double big = measured({"alloc", "200"});
    CHECK(big > 200 * 0.9);
    CHECK(big < 200 * 1.1);
    // Not charged the 150 MB of the process that started it.
    const double small = measured({"alloc", "20"});
    CHECK(small > 20 * 0.9);
    CHECK(small < 20 * 1.3);
    // Below the floor: unknown, never a number.
    for (int i = 0; i < 5; ++i) CHECK(measured({"sleep", "0.05"}) == 0);
  }
  CHECK(ballast[12345] == 1);
}
