#include "report/issue_view.hpp"

#include "report/reason.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <string_view>
#include <mstch/mstch.hpp>

#include "model/units.hpp"
#include "report/comparison_view.hpp"
#include "report/confirmation_view.hpp"
#include "report/templates.hpp"
#include "util/text.hpp"

namespace perfwatch {
namespace {

std::string one_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  std::replace(text.begin(), text.end(), '\r', ' ');
  return text;
}

std::string md(const std::string& text) { return escape_markdown_cell(text); }

mstch::array metric_rows(const IssueFacts& f) {
  mstch::array rows;
  for (const MetricResult* r : f.rows) {
    rows.push_back(mstch::map{{"metric", std::string(to_string(r->metric))},
                              {"baseline", format_value(r->baseline, *r)},
                              {"current", format_value(r->current, *r)},
                              {"change", format_change(*r)},
                              {"interval", format_interval(*r)},
                              {"p", r->p_value < 0.0001 ? std::string("&lt;0.0001") : fmt::format("{:.4f}", r->p_value)},
                              {"nights", std::to_string(r->baseline_nights)}});
  }
  return rows;
}

// Nanoseconds are charted in the unit that suits their size.
std::pair<double, std::string> chart_scale(const MetricResult& r, const std::vector<std::pair<UnixTime, double>>& trend) {
  if (r.metric == Metric::peak_memory) return {1024.0 * 1024, "MiB"};
  if (r.metric == Metric::memory_growth) return {1e6, "MB/h"};
  if (r.metric == Metric::error_rate) return {0.01, "%"};
  if (r.unit != "ns" || trend.empty()) return {1.0, r.unit};
  double top = 0;
  for (const auto& p : trend) top = std::max(top, p.second);
  if (top >= 1e9) return {1e9, "s"};
  if (top >= 1e6) return {1e6, "ms"};
  if (top >= 1e3) return {1e3, "us"};
  return {1.0, "ns"};
}

mstch::map common(const IssueFacts& f) {
  const Comparison& c = *f.comparison;
  const std::string run_url = f.run_url;
  return mstch::map{{"benchmark", md(f.result->benchmark)},
                    {"metric", std::string(to_string(f.result->metric))},
                    {"change", headline_change(*f.result)},
                    {"reason", md(reason_text(*f.result))},
                    {"confirmation", md(f.result->confirmation                          ? confirmation_text(*f.result)
                                        : judged_within_night(f.result->metric) ? std::string(kGrowthNotRerun)
                                                                                  : std::string(kNotRerun))},
                    {"culprit", culprit_text(*f.result).empty() ? mstch::node(false) : mstch::node(md(culprit_text(*f.result)))},
                    {"sha", c.commit},
                    {"short_sha", c.commit.substr(0, 8)},
                    {"subject", md(one_line(c.subject))},
                    {"run_id", std::to_string(c.run_id)},
                    {"time", format_short_time(c.run_time)},
                    {"rows", metric_rows(f)},
                    {"run_url", run_url.empty() ? mstch::node(false) : mstch::node(run_url)}};
}

std::string render(const char* name, const mstch::map& context) {
  return mstch::render(std::string(template_text(name)), context);
}

}  // namespace

std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (char c : one_line(text)) {
    if (c == '\'') out += "'\\''";
    else if (c == '`') out += "'\\`'";  // never three backticks in a row: the code fence holds
    else out += c;
  }
  return out + "'";
}

std::string issue_title(const IssueFacts& f) {
  std::string name = one_line(f.result->benchmark);
  std::string safe;
  for (char c : name) safe += c == '@' ? std::string("@\u200b") : std::string(1, c);
  return fmt::format("Performance regression: {} {} {} at {}", truncate_utf8(safe, 120), to_string(f.result->metric),
                     headline_change(*f.result), f.comparison->commit.substr(0, 7));
}

std::string render_issue(const IssueFacts& f, const std::string& marker) {
  mstch::map context = common(f);
  context["marker"] = marker;
  context["benchmark_arg"] = shell_quote(f.result->benchmark);
  context["good_sha"] = f.good_sha.empty() ? std::string("(none)") : f.good_sha.substr(0, 8);
  mstch::array commits;
  for (const CommitInfo& c : f.suspects) {
    commits.push_back(mstch::map{{"short", c.sha.substr(0, 8)}, {"subject", md(one_line(c.subject))}, {"author", md(c.author)}});
  }
  context["commits"] = commits;
  context["more"] = f.more_suspects ? mstch::node(std::to_string(f.more_suspects)) : mstch::node(false);
  const auto [scale, unit] = chart_scale(*f.result, f.trend);
  std::string xs, ys;
  for (const auto& [time, value] : f.trend) {
    xs += fmt::format("{}\"{}\"", xs.empty() ? "" : ", ", format_short_time(time).substr(5, 5));
    ys += (ys.empty() ? "" : ", ") + fmt::format("{:.4g}", value / scale);
  }
  // Mermaid labels take plain characters only: nothing a renderer could read as markup.
  std::string title;
  for (char c : f.result->benchmark + " " + to_string(f.result->metric)) {
    title += std::isalnum(static_cast<unsigned char>(c)) || std::string_view(" _./:-+").find(c) != std::string_view::npos ? c : '_';
  }
  context["chart_title"] = title;
  context["chart_x"] = xs;
  context["chart_y"] = ys;
  context["chart_unit"] = unit;
  context["trend_nights"] = std::to_string(f.trend.size());
  context["environment"] = md(f.environment);
  return render("issue.md.mustache", context);
}

std::string render_comment(const IssueFacts& f) { return render("comment.md.mustache", common(f)); }

std::string render_triage(const Decision& d, const std::string& benchmark, const std::string& metric) {
  // The login without "@": named, not a mention that pings anyone.
  const mstch::map context{{"action", std::string(d.kind == DecisionKind::accept ? "accepted" : "invalid night")},
                           {"actor", md(d.actor.empty() ? "unknown" : d.actor)},
                           {"source", md(d.source)},
                           {"reason", md(one_line(d.reason))},
                           {"accepted", d.kind == DecisionKind::accept},
                           {"invalidated", d.kind == DecisionKind::invalidate},
                           {"benchmark", md(benchmark)},
                           {"metric", d.metric.empty() ? std::string("every metric") : md(metric)},
                           {"short_sha", d.commit_sha.substr(0, 8)},
                           {"run_id", std::to_string(d.run_id)}};
  return render("triage.md.mustache", context);
}

std::string render_recovery(const IssueFacts& f, int ok_nights) {
  mstch::map context = common(f);
  context["ok_nights"] = std::to_string(ok_nights);
  return render("recovery.md.mustache", context);
}

}  // namespace perfwatch
