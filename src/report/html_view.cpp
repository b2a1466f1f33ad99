#include "report/html_view.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <mstch/mstch.hpp>

#include "model/units.hpp"
#include "report/comparison_view.hpp"
#include "report/confirmation_view.hpp"
#include "report/reason.hpp"
#include "report/templates.hpp"

namespace perfwatch {
namespace {

std::string quantity(double v, const std::string& unit) { return std::isnan(v) ? "-" : format_quantity(v, unit); }

// How far one result moved the bad way (see worse_change); NaN when it says nothing.
double worse_of(const MetricResult& r) {
  if (!r.alerting || r.verdict == Verdict::insufficient_baseline) return NAN;
  return bad_way_change(r);
}

std::string latest_text(const BenchmarkChart& c) {
  const ChartNight& last = c.nights.back();
  if (!last.failure.empty()) return "failed";
  return c.latency ? "p95 " + quantity(last.p95, c.unit) : c.line + " " + quantity(last.p50, c.unit);
}

std::string change_text(const BenchmarkChart& c) {
  std::string changes;
  for (const MetricResult& r : c.results) {
    if (!r.alerting || r.verdict == Verdict::insufficient_baseline) continue;
    changes += (changes.empty() ? "" : ", ") + std::string(to_string(r.metric)) + " " + format_change(r);
  }
  return changes.empty() ? "-" : changes;
}

// The one-line reason of each regression or improvement, as compare gives it.
mstch::array reasons(const BenchmarkChart& c) {
  mstch::array lines;
  for (const MetricResult& r : c.results) {
    if (!r.alerting) continue;
    if (r.verdict == Verdict::regression || r.verdict == Verdict::improvement)
      lines.push_back(mstch::map{{"text", std::string(to_string(r.metric)) + ": " + reason_text(r)}});
    if (const std::string reruns = confirmation_text(r); !reruns.empty())
      lines.push_back(mstch::map{{"text", "reruns: " + reruns}});
  }
  return lines;
}

mstch::map card(const BenchmarkChart& c, size_t index) {
  return mstch::map{{"index", std::to_string(index)},
                    {"name", c.name},
                    {"verdict", std::string(to_string(c.verdict))},
                    {"change", fmt::format("{:.6g}", worse_change(c))},
                    {"change_text", change_text(c)},
                    {"latest", latest_text(c)},
                    {"nights", std::to_string(c.nights.size())},
                    {"candidate", std::string(c.nights.back().mark == NightMark::candidate ? "yes" : "no")},
                    {"reasons", reasons(c)}};
}

std::string embedded(std::string_view name) { return std::string(template_text(name)); }

}  // namespace

const char* to_string(NightMark m) {
  switch (m) {
    case NightMark::none: return "none";
    case NightMark::regression: return "regression";
    case NightMark::candidate: return "candidate";
    case NightMark::failed: return "failed";
  }
  return "?";
}

double worse_change(const BenchmarkChart& chart) {
  double worst = NAN, best = NAN;
  for (const MetricResult& r : chart.results) {
    const double w = worse_of(r);
    if (std::isnan(w)) continue;
    worst = std::isnan(worst) ? w : std::max(worst, w);
    best = std::isnan(best) ? w : std::min(best, w);
  }
  if (std::isnan(worst)) return 0;
  return worst > 0 ? worst : best;
}

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
  mstch::array cards, warnings;
  for (size_t i = 0; i < report.charts.size(); ++i) cards.push_back(card(report.charts[i], i));
  for (const MeasurementWarning& w : report.warnings)
    warnings.push_back(mstch::map{{"text", w.benchmark + ": " + to_string(w.kind) + ": " + w.detail}});
  const mstch::map context{{"title", report.title},
                           {"short_commit", report.commit.substr(0, 8)},
                           {"generated", format_short_time(report.generated)},
                           {"count", std::to_string(report.charts.size())},
                           {"cards", cards},
                           {"warnings", warnings},
                           {"data", html_chart_data(report)},
                           {"uplot_css", embedded("uPlot.min.css")},
                           {"uplot_js", embedded("uPlot.iife.min.js")},
                           {"report_css", embedded("report.css")},
                           {"report_js", embedded("report.js")}};
  return mstch::render(embedded("report.html.mustache"), context);
}

}  // namespace perfwatch
