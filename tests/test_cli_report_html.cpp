// perfwatch report --html, opened in a real browser: Debian's Chromium,
// headless, driven by playwright-core (tests/browser; ci/install-deps.sh
// --test installs Chromium and ci/test.sh runs `npm ci` there).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "model/units.hpp"
#include "detect/nightly.hpp"
#include "store/store.hpp"
#include "support/fake_github.hpp"
#include "support/week.hpp"
#include "util/file.hpp"

using namespace perfwatch;
using perfwatch::testing::one_line;
using perfwatch::testing::Week;

namespace {

const std::filesystem::path kBrowserDir = std::filesystem::path(PERFWATCH_SOURCE_DIR) / "tests" / "browser";

// Runs tests/browser/report_check.mjs; what it saw, as JSON.
nlohmann::json drive(const std::string& mode, const std::filesystem::path& page, const std::filesystem::path& work,
                     const std::string& extra = "") {
  REQUIRE_MESSAGE(std::filesystem::exists(kBrowserDir / "node_modules" / "playwright-core"),
                  "playwright-core is not installed: run `npm ci --prefix tests/browser` (ci/test.sh does)");
  const auto out = work / "browser.json", log = work / "browser.log";
  const std::string command = "node '" + (kBrowserDir / "report_check.mjs").string() + "' " + mode + " '" + page.string() +
                              "' " + extra + " > '" + out.string() + "' 2> '" + log.string() + "'";
  const int status = std::system(command.c_str());
  REQUIRE_MESSAGE(status == 0, "report_check.mjs failed (" << status << "): " << read_file(log));
  return nlohmann::json::parse(read_file(out));
}

nlohmann::json page_data(const std::string& html) {
  const std::string open = "<script id=\"perfwatch-data\" type=\"application/json\">";
  const size_t start = html.find(open) + open.size();
  return nlohmann::json::parse(html.substr(start, html.find("</script>", start) - start));
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("cli report --html: hover, click, zoom, filter and sort in Chromium") {
  Week w;  // parser/small +35 % on night 8 (2026-11-17), json/encode unchanged
  REQUIRE(w.perfwatch({"triage", "ignore", "json/*", "--by", "ana", "-m", "flaky on shared runners"}).status == 0);
  // Commits open at GITHUB_SERVER_URL/<repository>/commit/<sha>: the local server plays github.com.
  testing::FakeGitHub github;
  const std::string newest = w.git.shas().back();
  Settings settings = testing::test_settings();
  settings.env["GITHUB_REPOSITORY"] = "o/r";
  settings.env["GITHUB_SERVER_URL"] = github.url();
  const auto page = w.dir / "report.html";
  const auto r = testing::run({"--repo", w.dir.path().string(), "--db", w.db, "report", "--html", page.string()}, settings);
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(contains(r.err, "wrote " + page.string() + " (2 benchmarks, 8 nights compared)"));

  // The page's data: what the history holds.
  const std::string html = read_file(page);
  const nlohmann::json data = page_data(html);
  CHECK(data["commit_url"] == github.url() + "/o/r/commit/");
  const auto& charts = data["charts"];
  REQUIRE(charts.size() == 2);
  Store store = Store::open(w.db, Store::Mode::read_only);
  const auto points = store.history("parser/small", 0);
  REQUIRE(points.size() == 8);
  const auto newest_q = latency_quantiles(points.back().result);
  REQUIRE(newest_q);
  size_t small = charts[0]["t"].size() == 8 && charts[0]["mark"][7] == 1 ? 0 : 1;
  const auto& parser = charts[small];
  CHECK(parser["p95"][7].get<double>() == doctest::Approx(newest_q->p95.value).epsilon(1e-5));
  CHECK(parser["mark"] == nlohmann::json::array({0, 0, 0, 0, 0, 0, 0, 1}));  // only night 8 filed
  CHECK(parser["lo"][7].get<double>() < parser["p95"][7].get<double>());
  CHECK(parser["hi"][7].get<double>() > parser["p95"][7].get<double>());
  const auto& json = charts[1 - small];
  CHECK(json["mark"] == nlohmann::json::array({0, 0, 0, 0, 0, 0, 0, 0}));
  REQUIRE(json["decisions"].size() == 1);
  CHECK(json["decisions"][0][0] == points.back().time);  // made after the newest night: shown on it
  CHECK(contains(json["decisions"][0][1], "ignored on 2026-12-01 12:00 UTC by ana: flaky on shared runners"));
  CHECK(parser["decisions"].empty());

  const auto shot_dir = std::filesystem::path(PERFWATCH_ARTIFACT_DIR);
  std::filesystem::create_directories(shot_dir);
  const auto png = shot_dir / "report.png";
  std::filesystem::remove(png);
  const nlohmann::json b = drive("interact", page, w.dir.path(), "'" + png.string() + "'");
  INFO(b.dump(2));
  CHECK(b["seen"]["console_errors"].empty());
  CHECK(b["seen"]["requests"].empty());  // nothing fetched: the page stands alone
  CHECK(b["shown"] == "all 2 benchmarks");
  CHECK(b["order"] == nlohmann::json::array({"parser/small", "json/encode"}));  // worst change first
  CHECK(b["drawn"].size() == 2);
  CHECK(b["canvases"].get<int>() >= 2);

  // The tooltip of the newest night: date, commit, subject, values, interval, why.
  const std::string tip = b["tooltip"];
  CHECK(b["hovered"] == "7");
  CHECK(contains(tip, "2026-11-17 02:00 UTC\n" + newest.substr(0, 8) + " commit 8\n"));
  CHECK(contains(tip, "p95 " + format_quantity(newest_q->p95.value, "ns")));
  CHECK(contains(tip, "p50 " + format_quantity(newest_q->p50.value, "ns")));
  CHECK(contains(tip, "p95 95 % interval "));
  CHECK(contains(tip, "regression: p95_latency +"));
  CHECK(contains(tip, "click to open the commit"));
  CHECK(b["opened"] == github.url() + "/o/r/commit/" + newest);
  const auto asked = github.requests();
  CHECK(std::count_if(asked.begin(), asked.end(), [&](const auto& q) { return q.path == "/o/r/commit/" + newest; }) == 1);

  // Zoom: a drag over the middle narrows the x scale.
  const auto range = [](const nlohmann::json& z) {
    const std::string s = z.get<std::string>();
    return std::stoll(s.substr(s.find(',') + 1)) - std::stoll(s.substr(0, s.find(',')));
  };
  REQUIRE(b["zoom_before"].is_string());
  REQUIRE(b["zoom_after"].is_string());
  CHECK(range(b["zoom_after"]) < range(b["zoom_before"]) / 2);
  CHECK(b["zoom_reset"] == b["zoom_before"]);  // a double-click shows every night again

  CHECK(b["filtered"]["shown"] == "1 of 2 benchmarks");
  CHECK(b["filtered"]["names"] == nlohmann::json::array({"json/encode"}));
  CHECK(b["regressions"] == nlohmann::json::array({"parser/small"}));
  CHECK(b["by_name"] == nlohmann::json::array({"json/encode", "parser/small"}));

  // A screenshot for people, kept in the build's artifacts folder.
  REQUIRE(std::filesystem::exists(png));
  CHECK(read_file(png).substr(1, 3) == "PNG");
  CHECK(std::filesystem::file_size(png) > 10000);
}

TEST_CASE("cli report --html: a page with a script error is caught") {
  Week w;  // the check can fail: the report with a broken script added
  const auto page = w.dir / "report.html";
  REQUIRE(w.perfwatch({"report", "--html", page.string()}).status == 0);
  std::string html = read_file(page);
  html.insert(html.rfind("</body>"), "<script>undefinedFunction();</script>");
  const auto broken = w.dir.write("broken.html", html);
  const nlohmann::json b = drive("open", broken, w.dir.path());
  REQUIRE(b["console_errors"].size() == 1);
  CHECK(contains(b["console_errors"][0], "undefinedFunction is not defined"));
  CHECK(b["cards"] == 2);
}

TEST_CASE("cli report --html rejects what it cannot do") {
  Week w;
  auto r = w.perfwatch({"report", "--html", (w.dir / "no/such/dir/report.html").string()});
  CHECK(r.status == 2);
  CHECK(one_line(r.err));  // told before any work
  CHECK(contains(r.err, "expected a writable path for the HTML report"));
  r = w.perfwatch({"report"});
  CHECK(r.status == 2);
  CHECK(one_line(r.err));
  CHECK(contains(r.err, "report: expected --github or --html FILE"));
}
