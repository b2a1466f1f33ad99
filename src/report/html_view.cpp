#include "report/html_view.hpp"

#include "detect/measurement_warnings.hpp"
#include "report/confirmation_view.hpp"
#include "report/reason.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "model/units.hpp"
#include "report/comparison_view.hpp"

namespace perfwatch {
namespace {

constexpr double kWidth = 760, kHeight = 240, kLeft = 70, kRight = 16, kTop = 14, kBottom = 34;

struct Scale {
  UnixTime t0 = 0, t1 = 1;
  double v0 = 0, v1 = 1;
  double x(UnixTime t) const {
    return kLeft + (kWidth - kLeft - kRight) * (t1 == t0 ? 0.5 : static_cast<double>(t - t0) / static_cast<double>(t1 - t0));
  }
  double y(double v) const { return kTop + (kHeight - kTop - kBottom) * (v1 == v0 ? 0.5 : 1 - (v - v0) / (v1 - v0)); }
};

Scale scale_of(const BenchmarkChart& c) {
  Scale s;
  s.t0 = c.nights.front().time;
  s.t1 = c.nights.back().time;
  double lo = INFINITY, hi = -INFINITY;
  for (const ChartNight& n : c.nights) {
    for (double v : {n.p50, n.p95, n.p99}) {
      if (std::isnan(v)) continue;
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  }
  if (!std::isfinite(lo)) lo = 0, hi = 1;
  const double pad = (hi - lo) * 0.08 + (hi == lo ? std::fabs(hi) * 0.05 + 1e-9 : 0);
  s.v0 = std::max(0.0, lo - pad);
  s.v1 = hi + pad;
  return s;
}

std::string quantity(double v, const std::string& unit) { return std::isnan(v) ? "-" : format_quantity(v, unit); }

std::string polyline(const BenchmarkChart& c, const Scale& s, double ChartNight::*field, const char* css) {
  std::string points;
  for (const ChartNight& n : c.nights) {
    const double v = n.*field;
    if (std::isnan(v) || !n.failure.empty()) continue;
    points += fmt::format("{:.1f},{:.1f} ", s.x(n.time), s.y(v));
  }
  if (points.empty()) return "";
  return fmt::format("<polyline class=\"line {}\" points=\"{}\"/>\n", css, points);
}

std::string tooltip(const BenchmarkChart& c, const ChartNight& n) {
  std::string text = format_short_time(n.time) + " UTC, " + n.commit.substr(0, 8) + " " + n.subject + "\n";
  if (!n.failure.empty()) return text + "FAILED: " + n.failure;
  if (c.latency) {
    text += "p50 " + quantity(n.p50, c.unit) + ", p95 " + quantity(n.p95, c.unit) + ", p99 " + quantity(n.p99, c.unit);
  } else {
    text += c.line + " " + quantity(n.p50, c.unit);
  }
  return text + (n.regression ? "\nregression" : "");
}

std::string axis(const Scale& s, const std::string& unit) {
  std::string out;
  for (int i = 0; i <= 4; ++i) {
    const double v = s.v0 + (s.v1 - s.v0) * i / 4;
    const double y = s.y(v);
    out += fmt::format("<line class=\"grid\" x1=\"{}\" x2=\"{}\" y1=\"{:.1f}\" y2=\"{:.1f}\"/>", kLeft, kWidth - kRight, y, y);
    out += fmt::format("<text class=\"tick\" x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>\n", kLeft - 6, y + 4,
                       escape_html(format_quantity(v, unit)));
  }
  out += fmt::format("<text class=\"tick\" x=\"{}\" y=\"{}\">{}</text>", kLeft, kHeight - 10,
                     escape_html(format_short_time(s.t0)));
  out += fmt::format("<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n", kWidth - kRight, kHeight - 10,
                     escape_html(format_short_time(s.t1)));
  return out;
}

std::string chart_svg(const BenchmarkChart& c) {
  const Scale s = scale_of(c);
  std::string svg = fmt::format(
      "<svg class=\"chart\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" role=\"img\" aria-label=\"{} trend\">\n", kWidth,
      kHeight, kWidth, kHeight, escape_html(c.name));
  if (c.baseline_to > c.baseline_from || (c.baseline_from != 0 && c.baseline_to == c.baseline_from)) {
    const double x0 = s.x(c.baseline_from), x1 = std::max(s.x(c.baseline_to), x0 + 2);
    svg += fmt::format("<rect class=\"window\" x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\"><title>baseline window: {} to {}</title></rect>\n",
                       x0, kTop, x1 - x0, kHeight - kTop - kBottom, format_short_time(c.baseline_from),
                       format_short_time(c.baseline_to));
  }
  svg += axis(s, c.unit);
  if (c.latency) {
    svg += polyline(c, s, &ChartNight::p99, "p99") + polyline(c, s, &ChartNight::p95, "p95") +
           polyline(c, s, &ChartNight::p50, "p50");
  } else {
    svg += polyline(c, s, &ChartNight::p50, "p50");
  }
  for (const ChartNight& n : c.nights) {
    const double x = s.x(n.time);
    const std::string title = "<title>" + escape_html(tooltip(c, n)) + "</title>";
    if (!n.failure.empty()) {
      const double y = kHeight - kBottom - 6;
      svg += fmt::format("<g class=\"failure\"><path d=\"M{0:.1f} {1:.1f}l8 8m0 -8l-8 8\"/>{2}</g>\n", x - 4, y - 4, title);
      continue;
    }
    const double v = c.latency && !std::isnan(n.p95) ? n.p95 : n.p50;
    if (std::isnan(v)) continue;
    svg += fmt::format("<circle class=\"{}\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{}\">{}</circle>\n",
                       n.regression ? "night regression" : "night", x, s.y(v), n.regression ? 6 : 3, title);
  }
  return svg + "</svg>\n";
}

// The nights' memory growth as a chart of its own (one line, MB/h); none
// when no night kept a memory series.
std::optional<BenchmarkChart> growth_chart(const BenchmarkChart& c) {
  BenchmarkChart g = c;
  g.latency = false;
  g.line = "memory growth";
  g.unit = "MB/h";
  bool any = false;
  for (ChartNight& n : g.nights) {
    n.p50 = n.memory_growth / 1e6;
    n.p95 = n.p99 = NAN;
    any = any || !std::isnan(n.p50);
  }
  if (!any) return std::nullopt;
  return g;
}

std::string anchor(size_t index) { return "chart-" + std::to_string(index + 1); }

std::string summary_row(const BenchmarkChart& c, size_t index) {
  std::string changes;
  for (const MetricResult& r : c.results) {
    if (!r.alerting || r.verdict == Verdict::insufficient_baseline) continue;
    changes += (changes.empty() ? "" : ", ") + std::string(to_string(r.metric)) + " " + format_change(r);
  }
  std::string why;  // the one-line reason of each regression or improvement, as compare gives it
  for (const MetricResult& r : c.results) {
    if (r.alerting && (r.verdict == Verdict::regression || r.verdict == Verdict::improvement))
      why += "<div class=\"why\">" + escape_html(std::string(to_string(r.metric)) + ": " + reason_text(r)) + "</div>";
    if (const std::string reruns = confirmation_text(r); r.alerting && !reruns.empty())
      why += "<div class=\"why\">" + escape_html("reruns: " + reruns) + "</div>";
  }
  const ChartNight& last = c.nights.back();
  const std::string latest = !last.failure.empty() ? "failed"
                             : c.latency          ? "p95 " + quantity(last.p95, c.unit)
                                                  : quantity(last.p50, c.unit);
  return fmt::format("<tr class=\"{}\"><td><a href=\"#{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                     to_string(c.verdict), anchor(index), escape_html(c.name), escape_html(latest),
                     escape_html(changes.empty() ? "-" : changes) + why, to_string(c.verdict));
}

constexpr const char* kStyle = R"css(
body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#1f2328;max-width:900px}
table{border-collapse:collapse;margin-bottom:24px}td,th{padding:4px 10px;border-bottom:1px solid #d0d7de;text-align:left}
tr.regression td{background:#ffebe9}tr.improvement td{background:#dafbe1}
section{margin:28px 0}h2{font-size:16px;margin:0 0 6px}
.chart .line{fill:none;stroke-width:2}.p50{stroke:#0969da}.p95{stroke:#bf8700}.p99{stroke:#8250df}
.chart .grid{stroke:#eaeef2}.chart .tick{font-size:11px;fill:#57606a}
.chart .window{fill:#0969da;fill-opacity:.08}.chart .night{fill:#bf8700}.chart .night.regression{fill:#cf222e}
.chart .failure path{stroke:#57606a;stroke-width:2}
.legend span{margin-right:14px}.legend i{display:inline-block;width:18px;height:3px;vertical-align:middle;margin-right:4px}
)css";

// After layout: each chart whose lines have a length is drawn; the count
// lands on <body> (the browser test reads it).
constexpr const char* kScript = R"js(
document.addEventListener('DOMContentLoaded', function () {
  var drawn = 0;
  document.querySelectorAll('svg.chart').forEach(function (svg) {
    var box = svg.getBoundingClientRect(), length = 0;
    svg.querySelectorAll('polyline').forEach(function (p) { length += p.getTotalLength(); });
    var marks = svg.querySelectorAll('circle, g.failure').length;
    if (box.width > 0 && box.height > 0 && (length > 0 || marks > 0)) { svg.setAttribute('data-drawn', 'yes'); drawn++; }
  });
  document.body.setAttribute('data-charts-drawn', String(drawn));
});
)js";

}  // namespace

std::string escape_html(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string render_html_report(const HtmlReport& report) {
  std::string html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>perfwatch: " +
                     escape_html(report.title) + "</title>\n<style>" + kStyle + "</style>\n<script>" + kScript +
                     "</script></head>\n<body>\n";
  html += "<h1>perfwatch: " + escape_html(report.title) + "</h1>\n";
  html += fmt::format("<p>{} benchmarks, newest run at <code>{}</code>, generated {} UTC.</p>\n", report.charts.size(),
                      escape_html(report.commit.substr(0, 8)), format_short_time(report.generated));
  html += "<table><thead><tr><th>benchmark</th><th>newest night</th><th>change vs baseline</th><th>verdict</th></tr></thead><tbody>\n";
  for (size_t i = 0; i < report.charts.size(); ++i) html += summary_row(report.charts[i], i);
  html += "</tbody></table>\n";
  for (const MeasurementWarning& w : report.warnings)
    html += "<p class=\"warning\">warning: " + escape_html(w.benchmark + ": " + to_string(w.kind) + ": " + w.detail) + "</p>\n";
  html += "<p class=\"legend\"><span><i class=\"p50\" style=\"background:#0969da\"></i>p50 (throughput: median)</span>"
          "<span><i style=\"background:#bf8700\"></i>p95</span><span><i style=\"background:#8250df\"></i>p99</span>"
          "<span><i style=\"background:#0969da;opacity:.2;height:10px\"></i>baseline window</span>"
          "<span style=\"color:#cf222e\">&#9679; regression</span><span>&#10005; failed</span></p>\n";
  for (size_t i = 0; i < report.charts.size(); ++i) {
    const BenchmarkChart& c = report.charts[i];
    html += fmt::format("<section id=\"{}\"><h2>{} <small>({})</small></h2>\n", anchor(i), escape_html(c.name),
                        to_string(c.verdict));
    html += chart_svg(c);
    if (const auto growth = growth_chart(c)) html += "<h3>memory growth (MB/h)</h3>\n" + chart_svg(*growth);
    html += "</section>\n";
  }
  return html + "</body></html>\n";
}

}  // namespace perfwatch
