// Store speed and size, measured end to end through the CLI (in-process):
//   ingest   >= 1,000,000 samples/s from the native format into the history
//   size     <= 12 bytes per sample on disk
//   history  <  50 ms for one benchmark over 365 runs
// With PERFWATCH_BENCH_POSTGRES=postgresql://... (a database it may fill)
// the same ingest on PostgreSQL within 3x of SQLite's, a night of 1,000
// benchmarks within 3x, and the history's time (no target: each is a new
// connection, a new server process).
// Prints one line per figure with its target; exits 1 if one is missed.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <sstream>

#include "cli/app.hpp"
#include "support/cli.hpp"
#include "store/postgres.hpp"
#include "store/postgres_text.hpp"
#include "store/store.hpp"
#include "util/time.hpp"
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

// Seconds to ingest `file` into `db`, or a negative number when it failed.
double ingest_seconds(const testing::TempDir& dir, const std::string& db, const std::filesystem::path& file,
                      const std::string& at) {
  const auto start = Clock::now();
  if (cli({"--repo", dir.path().string(), "--db", db, "--quiet", "ingest", file.string(), "--at", at}) != 0) return -1;
  return seconds_since(start);
}

double history_ms(const std::string& db) {
  const int repeats = 20;
  const auto start = Clock::now();
  for (int i = 0; i < repeats; ++i) {
    std::ostringstream out, err;
    const char* argv[] = {"perfwatch", "--db", db.c_str(), "history", "group/bench_7"};
    if (run_cli(5, argv, out, err, settings_from_process()) != 0) return -1;
  }
  return seconds_since(start) / repeats * 1e3;
}

// SQLite against PostgreSQL on the same files: a fresh schema of `url`'s database.
bool compare_engines(const testing::TempDir& dir, const std::string& url, std::mt19937_64& rng) {
  const std::string schema = "store_bench_" + std::to_string(getpid());
  postgres::Connection::open(url)->exec(("DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema).c_str());
  const std::string pg = postgres::with_schema(url, schema);
  bool ok = true;
  const auto big = dir.write("big.json", native_file(100, 10000, rng));
  const double lite_big = ingest_seconds(dir, (dir / "e-ingest.db").string(), big, "2026-11-01T02:00:00Z");
  const double pg_big = ingest_seconds(dir, pg, big, "2026-11-01T02:00:00Z");
  if (lite_big < 0 || pg_big < 0) return false;
  ok &= report("PostgreSQL: ingest 1,000,000 samples", 1e6 / pg_big / 1e6, "M samp/s", ">= 1/3 SQLite's", pg_big <= 3 * lite_big);
  std::printf("%-44s %14.2f M samp/s\n", "  SQLite, the same file", 1e6 / lite_big / 1e6);
  const auto wide = dir.write("wide.json", native_file(1000, 100, rng));
  const double lite_wide = ingest_seconds(dir, (dir / "e-wide.db").string(), wide, "2026-11-02T02:00:00Z");
  const double pg_wide = ingest_seconds(dir, pg, wide, "2026-11-02T02:00:00Z");
  if (lite_wide < 0 || pg_wide < 0) return false;
  ok &= report("PostgreSQL: a night of 1,000 benchmarks x 100", pg_wide * 1e3, "ms", "<= 3x SQLite's", pg_wide <= 3 * lite_wide);
  std::printf("%-44s %14.2f ms\n", "  SQLite, the same night", lite_wide * 1e3);
  for (int night = 0; night < 365; ++night) {
    const auto file = dir.write("night.json", native_file(20, 100, rng));
    const std::string at = format_iso8601(1700000000 + std::int64_t{night} * 86400);
    if (ingest_seconds(dir, pg, file, at) < 0 || ingest_seconds(dir, (dir / "e-year.db").string(), file, at) < 0) return false;
  }
  const double lite_ms = history_ms((dir / "e-year.db").string()), pg_ms = history_ms(pg);
  // No target of its own (the issue's 3x is on ingest and compare): each call
  // here is a new connection, and the server starts a process for each.
  if (pg_ms < 0) return false;
  std::printf("%-44s %14.2f ms         (each call a new connection)\n", "PostgreSQL: history over 365 runs", pg_ms);
  std::printf("%-44s %14.2f ms\n", "  SQLite, the same history", lite_ms);
  postgres::Connection::open(url)->exec(("DROP SCHEMA " + schema + " CASCADE").c_str());
  return ok;
}

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
  if (const char* url = std::getenv("PERFWATCH_BENCH_POSTGRES"); url && *url) all_ok &= compare_engines(dir, url, rng);
  return all_ok ? 0 : 1;
}
