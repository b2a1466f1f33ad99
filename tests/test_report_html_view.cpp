#include <doctest/doctest.h>

#include <cmath>

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

}  // namespace

TEST_CASE("escape_html") { CHECK(escape_html(R"(<a href="x">'&'</a>)") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"); }

TEST_CASE("render_html_report") {
  HtmlReport report;
  report.title = "demo";
  report.commit = "0123456789abcdef";
  BenchmarkChart slow = chart("parser/<small>", 10);
  slow.nights.back().p95 = 2000;
  slow.nights.back().regression = true;
  slow.nights[4].failure = "run1: exit status 3";
  slow.baseline_from = slow.nights[2].time;
  slow.baseline_to = slow.nights[8].time;
  slow.verdict = Verdict::regression;
  BenchmarkChart rate = chart("net/rps", 5);
  rate.latency = false;
  rate.unit = "items/s";
  for (auto& n : rate.nights) n.p95 = n.p99 = NAN;
  report.charts = {slow, rate};
  const std::string html = render_html_report(report);

  CHECK(html.starts_with("<!DOCTYPE html>"));
  CHECK(html.find("http") == std::string::npos);  // self-contained: nothing fetched at view time
  CHECK(count(html, "<svg class=\"chart\"") == 2);
  CHECK(count(html, "<section id=\"chart-") == 2);
  CHECK(html.find("<a href=\"#chart-1\">parser/&lt;small&gt;</a>") != std::string::npos);  // summary links, escaped
  CHECK(html.find("parser/<small>") == std::string::npos);
  CHECK(html.find("<tr class=\"regression\">") != std::string::npos);
  // p50, p95 and p99 lines for latency; one line for throughput.
  CHECK(count(html, "class=\"line p95\"") == 1);
  CHECK(count(html, "class=\"line p50\"") == 2);
  CHECK(count(html, "class=\"line p99\"") == 1);
  CHECK(count(html, "class=\"window\"") == 1);                 // the baseline window, shaded
  CHECK(count(html, "class=\"night regression\"") == 1);       // the regressed night, marked
  CHECK(count(html, "<g class=\"failure\">") == 1);            // the failed night, shown
  CHECK(html.find("FAILED: run1: exit status 3") != std::string::npos);
  // Hover: each night's commit and values.
  CHECK(html.find("<title>2026-11-16 02:00 UTC, abcdef01 commit 1\np50 1.00 us, p95 1.20 us, p99 1.50 us</title>") !=
        std::string::npos);
  CHECK(count(html, "<circle") == 9 + 5);
}

TEST_CASE("render_html_report: memory growth gets a chart of its own") {
  HtmlReport report;
  report.title = "soak";
  report.commit = "0123456789abcdef";
  BenchmarkChart steady = chart("service", 6);
  BenchmarkChart leaking = chart("worker", 6);
  for (size_t i = 0; i < leaking.nights.size(); ++i) leaking.nights[i].memory_growth = i < 4 ? 0.0 : 42.5e6;
  report.charts = {steady, leaking};
  const std::string html = render_html_report(report);
  CHECK(count(html, "<h3>memory growth (MB/h)</h3>") == 1);  // only the benchmark whose nights kept a series
  CHECK(html.find("memory growth 42.5 MB/h") != std::string::npos);  // the point's tooltip
}
