// `compare` speed: 1,000 benchmarks with 90 nights x 100 samples of history
// (the noise model's lookback; the baseline its last 7), end to end through
// the CLI (in-process), reading the history included.
// Target: < 0.15 s wall on a 2-core machine.
#include <chrono>
#include <cstdio>
#include <random>
#include <sstream>

#include "cli/app.hpp"
#include "util/time.hpp"
#include "support/cli.hpp"
#include "support/git_fixture.hpp"
#include "support/temp_dir.hpp"

using namespace perfwatch;

namespace {

// Runs perfwatch in-process; prints its errors.
int cli(std::vector<std::string> args) {
  const auto r = testing::run(std::move(args));
  if (r.status > 1) std::fprintf(stderr, "%s", r.err.c_str());
  return r.status;
}

std::string night(std::mt19937_64& rng, int benchmarks, int samples) {
  std::lognormal_distribution<double> latency(7.0, 0.2);
  std::string text = R"({"benchmarks":[)";
  char buf[32];
  for (int b = 0; b < benchmarks; ++b) {
    text += (b ? ",{" : "{") + std::string(R"("name":"suite/bench_)") + std::to_string(b) + R"(","samples":[)";
    for (int s = 0; s < samples; ++s) {
      std::snprintf(buf, sizeof buf, "%s%.6g", s ? "," : "", latency(rng));
      text += buf;
    }
    text += "]}";
  }
  return text + "]}";
}

}  // namespace

int main() {
  testing::TempDir dir;
  constexpr int kNights = 91;  // 90 nights of history, then tonight
  testing::GitFixture git(dir.path(), kNights);
  std::mt19937_64 rng(7);
  const std::string db = (dir / "h.db").string();
  for (int n = 0; n < kNights; ++n) {
    const auto file = dir.write("night.json", night(rng, 1000, 100));
    const std::string at = format_iso8601(1780000000 + std::int64_t{n} * 86400);
    if (cli({"--repo", dir.path().string(), "--db", db, "--quiet", "ingest", file.string(), "--commit",
             git.shas()[static_cast<size_t>(n)], "--at", at, "--env", "bench"}) > 1) return 2;
  }
  const int repeats = 5;
  double best = 1e9;
  for (int i = 0; i < repeats; ++i) {
    const auto start = std::chrono::steady_clock::now();
    if (cli({"--repo", dir.path().string(), "--db", db, "compare", "--format", "json"}) > 1) return 2;
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  std::printf("%-60s %8.3f s    target < 0.15 s   %s\n", "compare, 1,000 benchmarks x 90 nights x 100 samples (best of 5)",
              best, best < 0.15 ? "ok" : "MISSED");
  return best < 0.15 ? 0 : 1;
}
