// Store speed and size, measured end to end through the CLI (in-process):
//   ingest   >= 1,000,000 samples/s from the native format into the history
//   size     <= 12 bytes per sample on disk
//   history  <  50 ms for one benchmark over 365 runs
// Prints one line per figure with its target; exits 1 if one is missed.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <sstream>

#include "cli/app.hpp"
#include "support/cli.hpp"
#include "store/store.hpp"
#include "support/git_fixture.hpp"
#include "support/temp_dir.hpp"

using namespace perfwatch;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Runs perfwatch in-process; prints its errors.
int cli(std::vector<std::string> args) {
  const auto r = testing::run(std::move(args));
  if (r.status > 1) std::fprintf(stderr, "%s", r.err.c_str());
  return r.status;
}

// A native results file of `benchmarks` x `samples` log-normal latencies.
std::string native_file(int benchmarks, int samples, std::mt19937_64& rng) {
  std::lognormal_distribution<double> latency(7.0, 0.3);
  std::string text = R"({"suite":"bench","benchmarks":[)";
  char buf[32];
  for (int b = 0; b < benchmarks; ++b) {
    text += (b ? ",{" : "{") + std::string(R"("name":"group/bench_)") + std::to_string(b) + R"(","unit":"ns","samples":[)";
    for (int s = 0; s < samples; ++s) {
      std::snprintf(buf, sizeof buf, "%s%.6g", s ? "," : "", latency(rng));
      text += buf;
    }
    text += "]}";
  }
  return text + "]}";
}

bool report(const char* what, double value, const char* unit, const char* target, bool ok) {
  std::printf("%-44s %14.2f %-10s target %-14s %s\n", what, value, unit, target, ok ? "ok" : "MISSED");
  return ok;
}

}  // namespace

int main() {
  testing::TempDir dir;
  testing::GitFixture git(dir.path(), 1);
  std::mt19937_64 rng(20261123);  // fixed seed: figures reproduce
  bool all_ok = true;

  // 1. Ingest: 1,000,000 samples in one file (100 benchmarks x 10,000 samples).
  {
    const auto file = dir.write("big.json", native_file(100, 10000, rng));
    const std::string db = (dir / "ingest.db").string();
    const auto start = Clock::now();
    if (cli({"--repo", dir.path().string(), "--db", db, "--quiet", "ingest", file.string(), "--format", "perfwatch"}) != 0) return 2;
    const double s = seconds_since(start);
    all_ok &= report("ingest 1,000,000 samples (parse + store)", 1e6 / s / 1e6, "M samp/s", ">= 1.0", 1e6 / s >= 1e6);
  }

  // 2. A year of nights: 365 runs x 20 benchmarks x 100 samples, then size and history time.
  const std::string db = (dir / "year.db").string();
  for (int night = 0; night < 365; ++night) {
    const auto file = dir.write("night.json", native_file(20, 100, rng));
    const std::string at = std::to_string(1700000000 + night * 86400);
    char iso[32];
    const std::time_t t = 1700000000 + static_cast<std::time_t>(night) * 86400;
    std::strftime(iso, sizeof iso, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
    if (cli({"--repo", dir.path().string(), "--db", db, "--quiet", "ingest", file.string(), "--at", iso}) != 0) return 2;
  }
  {
    Store::open(db, Store::Mode::read_only);  // last connection closes: WAL checkpointed into the file
    const double samples = 365.0 * 20 * 100;
    const auto bytes = static_cast<double>(std::filesystem::file_size(db));
    all_ok &= report("history size, 365 runs x 20 benchmarks x 100", bytes / samples, "B/sample", "<= 12", bytes / samples <= 12);
  }
  {
    const int repeats = 20;
    const auto start = Clock::now();
    for (int i = 0; i < repeats; ++i) {
      std::ostringstream out, err;
      const char* argv[] = {"perfwatch", "--db", db.c_str(), "history", "group/bench_7"};
      if (run_cli(5, argv, out, err, settings_from_process()) != 0) return 2;
    }
    const double ms = seconds_since(start) / repeats * 1e3;
    all_ok &= report("history of one benchmark over 365 runs", ms, "ms", "< 50", ms < 50);
  }
  return all_ok ? 0 : 1;
}
