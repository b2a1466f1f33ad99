// `report --html` at scale: 1,000 benchmarks x 90 nights x 100 samples. Prints
// how long perfwatch takes to write the page (no target: it runs once a night,
// off the critical path), its size, and how long Debian's Chromium takes to
// open it, from navigation to the first screen of charts drawn (best of 3,
// tests/browser/report_check.mjs). Target: the page opens in under 2 s.
// Needs `npm ci --prefix tests/browser` (ci/test.sh runs it) and Chromium.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "large_history.hpp"
#include "support/cli.hpp"
#include "util/file.hpp"

using namespace perfwatch;

int main() {
  testing::TempDir dir;
  constexpr int kNights = 91;  // 90 nights charted before the newest (--days 90), and the newest
  testing::GitFixture git(dir.path(), kNights);
  const std::string db = (dir / "h.db").string();
  if (!bench::record_large_history(dir, git, {db}, kNights, 1000, 100)) return 2;

  const auto page = dir / "report.html";
  const auto start = std::chrono::steady_clock::now();
  const auto r = testing::run({"--repo", dir.path().string(), "--db", db, "--quiet", "report", "--html", page.string(),
                               "--days", "90"});
  const double write_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (r.status != 0) return std::fprintf(stderr, "%s", r.err.c_str()), 2;
  std::printf("%-60s %8.2f s    (%.1f MB)\n", "report --html, 1,000 benchmarks x 91 nights (write)", write_s,
              static_cast<double>(std::filesystem::file_size(page)) / 1e6);

  const auto out = dir / "open.json";
  const std::string command = std::string("node '") + PERFWATCH_BROWSER_DIR + "/report_check.mjs' open '" + page.string() +
                              "' > '" + out.string() + "'";
  if (std::system(command.c_str()) != 0) return std::fprintf(stderr, "report_check.mjs failed\n"), 2;
  const nlohmann::json opened = nlohmann::json::parse(read_file(out));
  const double open_s = opened["ms"].get<double>() / 1000;
  const bool clean = opened["console_errors"].empty() && opened["requests"].empty();
  const bool ok = open_s < 2 && opened["cards"] == 1000 && opened["drawn"].get<int>() > 0 && clean;
  std::printf("%-60s %8.2f s    target < 2 s      %s\n", "  opened in Chromium (first screen of charts drawn, best of 3)",
              open_s, ok ? "ok" : "MISSED");
  std::printf("%-60s %8d of %d cards, %s\n", "  charts drawn on opening", opened["drawn"].get<int>(),
              opened["cards"].get<int>(), clean ? "no console errors, nothing fetched" : "CONSOLE ERRORS OR REQUESTS");
  std::printf("%-60s %8.2f s    (%s)\n", "  filter over 1,000 cards (\"bench_99\")", opened["filter_ms"].get<double>() / 1000,
              opened["filtered"].get<std::string>().c_str());
  std::printf("%-60s %8.2f s\n", "  sort 1,000 cards by name", opened["sort_ms"].get<double>() / 1000);
  return ok ? 0 : 1;
}
