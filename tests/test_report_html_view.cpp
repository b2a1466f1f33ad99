#include <doctest/doctest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "report/html_view.hpp"

using namespace perfwatch;

namespace {

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

BenchmarkChart chart(const std::string& name, int nights) {
  BenchmarkChart c;
  c.name = name;
  c.unit = "ns";
  for (int i = 0; i < nights; ++i) {
    ChartNight n;
    n.time = 1794708000 + i * 86400;
    n.commit = "abcdef0123456789" + std::to_string(i);
    n.subject = "commit " + std::to_string(i);
    n.p50 = 1000 + i;
    n.p95 = 1200 + i;
    n.p99 = 1500 + i;
    c.nights.push_back(n);
  }
  return c;
}

MetricResult result(Metric m, double ratio, Verdict v) {
  MetricResult r;
  r.metric = m;
  r.ratio = ratio;
  r.baseline = 100;
  r.current = 100 * ratio;
  r.verdict = v;
  r.alerting = true;
  return r;
}

HtmlReport two_charts() {
  HtmlReport report;
  report.title = "demo";
  report.commit = "0123456789abcdef";
  report.commit_url = "https://github.com/o/r/commit/";
  BenchmarkChart slow = chart("parser/<small>", 10);
  slow.nights.back().p95 = 2000;
  slow.nights.back().low = 1800;
  slow.nights.back().high = 2250;
  slow.nights.back().mark = NightMark::regression;
  slow.nights.back().note = "p95 +65.0 %";
  slow.nights[4].failure = "run1: exit status 3";
  slow.nights[4].mark = NightMark::failed;
  slow.nights[4].note = "run1: exit status 3";
  slow.nights[7].subject = "</script><script>alert(1)</script>";
  slow.decisions = {{slow.nights[2].time, "accepted the new level of every metric by ana: new parser"}};
  slow.baseline_from = slow.nights[2].time;
  slow.baseline_to = slow.nights[8].time;
  slow.verdict = Verdict::regression;
  slow.results = {result(Metric::p95_latency, 1.65, Verdict::regression)};
  BenchmarkChart rate = chart("net/rps", 5);
  rate.latency = false;
  rate.unit = "items/s";
  for (auto& n : rate.nights) n.p95 = n.p99 = NAN;
  rate.results = {result(Metric::throughput, 0.95, Verdict::unchanged)};
  report.charts = {slow, rate};
  return report;
}

}  // namespace

TEST_CASE("escape_html") { CHECK(escape_html(R"(<a href="x">'&'</a>)") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"); }

TEST_CASE("worse_change") {
  BenchmarkChart c = chart("x", 3);
  CHECK(worse_change(c) == 0);  // nothing alerting
  c.results = {result(Metric::p95_latency, 1.35, Verdict::regression), result(Metric::throughput, 0.8, Verdict::regression)};
  CHECK(worse_change(c) == doctest::Approx(0.35));
  c.results = {result(Metric::throughput, 0.8, Verdict::regression)};
  CHECK(worse_change(c) == doctest::Approx(0.2));  // throughput down is worse
  c.results = {result(Metric::p95_latency, 0.7, Verdict::improvement), result(Metric::throughput, 1.1, Verdict::unchanged)};
  CHECK(worse_change(c) == doctest::Approx(-0.3));  // the larger improvement
  c.results = {result(Metric::p95_latency, 3.0, Verdict::insufficient_baseline)};
  CHECK(worse_change(c) == 0);  // no baseline: no change to sort by
}

TEST_CASE("render_html_report") {
  const std::string html = render_html_report(two_charts());
  CHECK(html.starts_with("<!DOCTYPE html>"));
  // Self-contained: no script, style or image is fetched at view time.
  CHECK(html.find("<script src") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find("@import") == std::string::npos);
  CHECK(html.find("var uPlot=function()") != std::string::npos);  // the chart library, inlined
  CHECK(html.find(".uplot") != std::string::npos);                // and its style
  // One card a benchmark, from the template, names escaped.
  CHECK(count(html, "<section class=\"card\"") == 2);
  CHECK(html.find("<span class=\"name\">parser&#x2F;&lt;small&gt;</span>") != std::string::npos);
  CHECK(html.find("parser/<small>") == std::string::npos);
  CHECK(html.find("data-verdict=\"regression\" data-change=\"0.65\" data-candidate=\"no\"") != std::string::npos);
  CHECK(html.find("data-verdict=\"unchanged\" data-change=\"0.05\"") != std::string::npos);
  CHECK(html.find("newest night: p95 2.00 us") != std::string::npos);
  CHECK(html.find("newest night: throughput 1004 items&#x2F;s") != std::string::npos);
  // A subject cannot close the data's <script> element.
  CHECK(count(html, "</script>") == 3);
}

TEST_CASE("html_chart_data") {
  const nlohmann::json d = nlohmann::json::parse(html_chart_data(two_charts()));
  CHECK(d["commit_url"] == "https://github.com/o/r/commit/");
  REQUIRE(d["charts"].size() == 2);
  const auto& slow = d["charts"][0];
  CHECK(slow["latency"] == true);
  CHECK(slow["t"].size() == 10);
  CHECK(slow["t"][0] == 1794708000);
  CHECK(slow["p50"][1] == 1001);
  CHECK(slow["p95"][9] == 2000);
  CHECK(slow["p99"][9] == 1509);
  CHECK(slow["lo"][9] == 1800);
  CHECK(slow["hi"][9] == 2250);
  CHECK(slow["lo"][0].is_null());  // no interval that night
  CHECK(slow["p95"][4].is_null());  // the failed night breaks the line
  CHECK(slow["mark"][4] == static_cast<int>(NightMark::failed));
  CHECK(slow["mark"][9] == static_cast<int>(NightMark::regression));
  CHECK(slow["notes"]["9"] == "p95 +65.0 %");
  CHECK(slow["notes"]["4"] == "run1: exit status 3");
  CHECK(slow["baseline"] == nlohmann::json::array({1794708000 + 2 * 86400, 1794708000 + 8 * 86400}));
  CHECK(slow["decisions"][0][1] == "accepted the new level of every metric by ana: new parser");
  CHECK(!slow.contains("growth"));
  const auto& rate = d["charts"][1];
  CHECK(rate["latency"] == false);
  CHECK(rate["line"] == "throughput");
  CHECK(!rate.contains("p95"));
  CHECK(rate["baseline"].is_null());
  // Commits once for the page: both charts' first night is the same commit.
  CHECK(d["commits"].size() == 10);
  CHECK(slow["commit"][0] == rate["commit"][0]);
  const auto& seventh = d["commits"][slow["commit"][7].get<size_t>()];
  CHECK(seventh[0] == "abcdef01234567897");
  CHECK(seventh[1] == "</script><script>alert(1)</script>");  // the same text back, though '<' was escaped
  CHECK(html_chart_data(two_charts()).find('<') == std::string::npos);
}

TEST_CASE("html_chart_data: memory growth as MB an hour") {
  HtmlReport report;
  BenchmarkChart leaking = chart("worker", 6);
  for (size_t i = 0; i < leaking.nights.size(); ++i) leaking.nights[i].memory_growth = i < 4 ? 0.0 : 42.5e6;
  report.charts = {chart("service", 6), leaking};
  const nlohmann::json d = nlohmann::json::parse(html_chart_data(report));
  CHECK(!d["charts"][0].contains("growth"));  // only the benchmark whose nights kept a series
  CHECK(d["charts"][1]["growth"][5] == 42.5);
  CHECK(d["charts"][1]["growth"][0] == 0);
}
