// `compare` speed: 1,000 benchmarks with 90 nights x 100 samples of history
// (the noise model's lookback; the baseline its last 7), end to end through
// the CLI (in-process), reading the history included.
// Target: < 0.15 s wall on a 2-core machine. With PERFWATCH_BENCH_POSTGRES=
// postgresql://... the same history on PostgreSQL too: within 3x of SQLite's
// compare, and the same verdicts.
#include <chrono>
#include <cstdio>
#include <sstream>

#include <unistd.h>

#include "cli/app.hpp"
#include "large_history.hpp"
#include "store/postgres.hpp"
#include "store/postgres_text.hpp"
#include "util/time.hpp"
#include "support/cli.hpp"
#include "support/git_fixture.hpp"
#include "support/temp_dir.hpp"

using namespace perfwatch;

namespace {

// The best of 5 compares of `db`, in seconds (negative when one failed); its JSON in `json`.
double best_compare(const testing::TempDir& dir, const std::string& db, std::string& json) {
  double best = 1e9;
  for (int i = 0; i < 5; ++i) {
    const auto start = std::chrono::steady_clock::now();
    const auto r = testing::run({"--repo", dir.path().string(), "--db", db, "compare", "--format", "json"});
    if (r.status > 1) return std::fprintf(stderr, "%s", r.err.c_str()), -1;
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    json = r.out;
  }
  return best;
}

}  // namespace

int main() {
  testing::TempDir dir;
  constexpr int kNights = 91;  // 90 nights of history, then tonight
  testing::GitFixture git(dir.path(), kNights);
  std::vector<std::string> dbs{(dir / "h.db").string()};
  const char* server = std::getenv("PERFWATCH_BENCH_POSTGRES");
  const std::string schema = "compare_bench_" + std::to_string(getpid());
  if (server && *server) {
    postgres::Connection::open(server)->exec(("CREATE SCHEMA " + schema).c_str());
    dbs.push_back(postgres::with_schema(server, schema));
  }
  if (!bench::record_large_history(dir, git, dbs, kNights, 1000, 100)) return 2;
  std::string json, pg_json;
  const double best = best_compare(dir, dbs[0], json);
  if (best < 0) return 2;
  bool ok = best < 0.15;
  std::printf("%-60s %8.3f s    target < 0.15 s   %s\n", "compare, 1,000 benchmarks x 90 nights x 100 samples (best of 5)",
              best, ok ? "ok" : "MISSED");
  if (dbs.size() > 1) {
    const double pg = best_compare(dir, dbs[1], pg_json);
    if (pg < 0) return 2;
    const bool within = pg <= 3 * best, same = pg_json == json;
    std::printf("%-60s %8.3f s    target <= 3x SQLite's  %s\n", "  the same on PostgreSQL", pg, within ? "ok" : "MISSED");
    std::printf("%-60s %8s      %s\n", "  the same verdicts (JSON byte for byte)", same ? "yes" : "no", same ? "ok" : "MISSED");
    ok = ok && within && same;
    postgres::Connection::open(server)->exec(("DROP SCHEMA " + schema + " CASCADE").c_str());
  }
  return ok ? 0 : 1;
}
