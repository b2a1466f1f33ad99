#include "large_history.hpp"

#include <cstdio>
#include <random>

#include "support/cli.hpp"
#include "util/time.hpp"

namespace perfwatch::bench {
namespace {

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

bool record_large_history(const testing::TempDir& dir, const testing::GitFixture& git, const std::vector<std::string>& dbs,
                          int nights, int benchmarks, int samples) {
  std::mt19937_64 rng(7);
  for (int n = 0; n < nights; ++n) {
    const auto file = dir.write("night.json", night(rng, benchmarks, samples));
    const std::string at = format_iso8601(1780000000 + std::int64_t{n} * 86400);
    for (const std::string& db : dbs) {
      const auto r = testing::run({"--repo", dir.path().string(), "--db", db, "--quiet", "ingest", file.string(), "--commit",
                                   git.shas()[static_cast<size_t>(n)], "--at", at, "--env", "bench"});
      if (r.status > 1) return std::fprintf(stderr, "%s", r.err.c_str()), false;
    }
  }
  return true;
}

}  // namespace perfwatch::bench
