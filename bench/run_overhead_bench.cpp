// perfwatch's own time around a suite: 100 trivial commands (`true`) through
// `perfwatch run` (spawn, capture, parse, store), in-process. The figure is
// the whole run's wall time per benchmark, so it also holds `true`'s own
// start-up: an upper bound on perfwatch's overhead. Target: < 5 ms per benchmark.
#include <chrono>
#include <cstdio>
#include <sstream>

#include "cli/app.hpp"
#include "support/git_fixture.hpp"
#include "support/temp_dir.hpp"

using namespace perfwatch;

int main() {
  testing::TempDir dir;
  testing::GitFixture git(dir.path(), 1);
  const int count = 100;
  std::string entries;
  for (int i = 0; i < count; ++i) {
    entries += (i ? ",\n" : "") + std::string(R"({"name": "trivial/)") + std::to_string(i) + R"(", "command": ["true"]})";
  }
  dir.write("perfwatch.json", R"({"suite": "overhead", "benchmarks": [)" + entries + "]}");
  const std::string db = (dir / "h.db").string(), repo = dir.path().string();
  const char* argv[] = {"perfwatch", "--repo", repo.c_str(), "--db", db.c_str(), "--quiet", "run"};
  double best = 1e9;
  for (int round = 0; round < 3; ++round) {
    std::ostringstream out, err;
    const auto start = std::chrono::steady_clock::now();
    if (run_cli(7, argv, out, err, settings_from_process()) != 0) {
      std::fprintf(stderr, "%s", err.str().c_str());
      return 2;
    }
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  const double per_benchmark_ms = best / count * 1e3;
  std::printf("%-60s %6.2f ms   target < 5 ms   %s\n", "perfwatch run, 100 trivial commands: wall time per benchmark",
              per_benchmark_ms, per_benchmark_ms < 5 ? "ok" : "MISSED");
  return per_benchmark_ms < 5 ? 0 : 1;
}
