// perfwatch report --html, opened in a real browser: Debian's Chromium,
// headless, started by the test (ci/install-deps.sh --test installs it).
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

#include "support/week.hpp"
#include "util/file.hpp"

using namespace perfwatch;
using perfwatch::testing::one_line;
using perfwatch::testing::Week;

namespace {

struct Browser {
  std::string dom, log;
};

// Loads `page` headless; the DOM after its scripts ran, and Chromium's log
// (console messages appear there as ":CONSOLE" lines).
Browser open_in_chromium(const std::filesystem::path& page, const std::filesystem::path& work,
                         const std::string& extra = "--dump-dom") {
  const std::string base = "chromium --headless=new --no-sandbox --disable-gpu --no-first-run --enable-logging=stderr --v=0 "
                           "--user-data-dir='" + (work / "profile").string() + "' ";
  const auto dom = work / "dom.html", log = work / "chromium.log";
  const std::string command = base + extra + " 'file://" + page.string() + "' > '" + dom.string() + "' 2> '" + log.string() + "'";
  const int status = std::system(command.c_str());
  REQUIRE_MESSAGE(status == 0, "chromium failed (" << status << "): " << read_file(log));
  return {read_file(dom), read_file(log)};
}

bool has_console_messages(const std::string& log) { return log.find(":CONSOLE") != std::string::npos; }

}  // namespace

TEST_CASE("cli report --html loads in Chromium without console errors, every chart drawn") {
  Week w;  // two benchmarks, eight nights, night 8 a regression
  const auto page = w.dir / "report.html";
  const auto r = w.perfwatch({"report", "--html", page.string()});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(r.err.find("wrote " + page.string() + " (2 benchmarks, 8 nights compared)") != std::string::npos);
  const std::string html = read_file(page);
  CHECK(html.find("class=\"night regression\"") != std::string::npos);  // night 8, marked on parser/small

  // The check can fail: a page with a script error shows up in the log.
  const auto broken = w.dir.write("broken.html", "<!DOCTYPE html><script>undefinedFunction();</script>");
  CHECK(has_console_messages(open_in_chromium(broken, w.dir.path()).log));

  const Browser b = open_in_chromium(page, w.dir.path());
  CHECK_MESSAGE(!has_console_messages(b.log), b.log);
  CHECK(b.dom.find("data-charts-drawn=\"2\"") != std::string::npos);
  size_t drawn = 0;
  for (size_t at = b.dom.find("data-drawn=\"yes\""); at != std::string::npos; at = b.dom.find("data-drawn=\"yes\"", at + 1)) ++drawn;
  CHECK(drawn == 2);

  // A screenshot for people, kept in the build's artifacts folder.
  const std::filesystem::path shots = PERFWATCH_ARTIFACT_DIR;
  std::filesystem::create_directories(shots);
  const auto png = shots / "report.png";
  std::filesystem::remove(png);
  open_in_chromium(page, w.dir.path(), "--screenshot='" + png.string() + "' --window-size=1000,1400 --hide-scrollbars");
  REQUIRE(std::filesystem::exists(png));
  CHECK(read_file(png).substr(1, 3) == "PNG");
  CHECK(std::filesystem::file_size(png) > 10000);
}

TEST_CASE("cli report --html rejects what it cannot do") {
  Week w;
  auto r = w.perfwatch({"report", "--html", (w.dir / "no/such/dir/report.html").string()});
  CHECK(r.status == 2);
  CHECK(one_line(r.err));
  CHECK(r.err.find("expected a writable path for the HTML report") != std::string::npos);
  r = w.perfwatch({"report"});
  CHECK(r.status == 2);
  CHECK(r.err.find("report: expected --github or --html FILE") != std::string::npos);
}
