#include "report/comparison_view.hpp"

#include <fmt/format.h>

#include <cmath>
#include <map>

#include "model/units.hpp"
#include "detect/measurement_warnings.hpp"
#include "detect/nightly.hpp"
#include "report/confirmation_view.hpp"
#include "report/json_out.hpp"
#include "report/reason.hpp"
#include "util/text.hpp"

namespace perfwatch {
namespace {

bool shown(const MetricResult& r, Rows rows) {
  return rows == Rows::all || r.verdict == Verdict::regression || r.verdict == Verdict::improvement ||
         r.worse_not_alerting || r.ignored;
}

// Rows that say something moved: they carry their one-line reason.
bool changed(const MetricResult& r) {
  return r.verdict == Verdict::regression || r.verdict == Verdict::improvement || r.worse_not_alerting || r.ignored;
}

std::string verdict_text(const MetricResult& r) {
  if (r.too_few_samples > 0) return too_few_samples_text(r);
  const std::string text = r.ignored              ? "worse (ignored by triage)"
                           : r.worse_not_alerting ? "worse (reported, does not alert)"
                           : refuted(r)           ? "not confirmed by reruns"
                                                  : to_string(r.verdict);
  return r.two_night && r.verdict != Verdict::unchanged ? text + " (2 nights)" : text;
}

std::string percent(double ratio) { return fmt::format("{:+.1f}%", (ratio - 1) * 100); }

std::string p_text(const MetricResult& r) {
  if (r.verdict == Verdict::insufficient_baseline || r.too_few_samples > 0) return "-";
  return r.p_value < 0.0001 ? "<0.0001" : fmt::format("{:.4f}", r.p_value);
}

const char* colour_of(Verdict v) {
  switch (v) {
    case Verdict::regression: return "\033[1;31m";
    case Verdict::improvement: return "\033[32m";
    case Verdict::insufficient_baseline: return "\033[33m";
    default: return "";
  }
}

struct Counts {
  int regressions = 0, refuted = 0, improvements = 0, unchanged = 0, insufficient = 0;
};

Counts count(const Comparison& c) {
  Counts n;
  for (const MetricResult& r : c.results) {
    if (r.too_few_samples > 0) continue;  // not a verdict: a statistic the night could not give (rows say so)
    switch (r.verdict) {
      case Verdict::regression: ++(refuted(r) ? n.refuted : n.regressions); break;
      case Verdict::improvement: ++n.improvements; break;
      case Verdict::unchanged: ++n.unchanged; break;
      case Verdict::insufficient_baseline: ++n.insufficient; break;
    }
  }
  return n;
}

std::string summary_line(const Comparison& c) {
  const Counts n = count(c);
  std::string line = fmt::format("{} regression{}, {} improvement{}, {} unchanged", n.regressions,
                                 n.regressions == 1 ? "" : "s", n.improvements, n.improvements == 1 ? "" : "s",
                                 n.unchanged);
  if (n.refuted) line += fmt::format(", {} not confirmed by reruns", n.refuted);
  if (n.insufficient) line += fmt::format(", {} with too few baseline nights", n.insufficient);
  if (!c.failures.empty()) line += fmt::format(", {} benchmark{} failed", c.failures.size(), c.failures.size() == 1 ? "" : "s");
  return line;
}

std::string baseline_text(const Comparison& c) {
  if (c.baseline.runs == 0) return "no baseline nights";
  return fmt::format("{} baseline night{} ({} .. {})", c.baseline.runs, c.baseline.runs == 1 ? "" : "s",
                     format_short_time(c.baseline.from), format_short_time(c.baseline.to));
}

}  // namespace

std::string counted_by_text(const Comparison& c) {
  std::map<std::string, int> sources;  // counter -> benchmarks it counted
  for (const MetricResult& r : c.results)
    if (r.metric == Metric::instructions) ++sources[r.counted_by.empty() ? "an unnamed counter" : r.counted_by];
  std::string text;
  for (const auto& [source, n] : sources)
    text += fmt::format("{}{} ({} benchmark{})", text.empty() ? "instructions counted by " : ", ", source, n, n == 1 ? "" : "s");
  return text;
}

std::string too_few_samples_text(const MetricResult& r) {
  return fmt::format("too few samples ({} of {} needed)", r.too_few_samples, kMinSamplesP999);
}

std::string format_growth(double bytes_per_hour) {
  const double mb = bytes_per_hour / 1e6;
  return std::fabs(mb) >= 1000 ? fmt::format("{:.1f} GB/h", mb / 1000) : fmt::format("{:.2f} MB/h", mb);
}

std::string format_value(double v, const MetricResult& r) {
  if (std::isnan(v)) return "-";
  if (r.metric == Metric::error_rate) return fmt::format("{:.2f}%", v * 100);
  if (r.metric == Metric::memory_growth) return format_growth(v);
  if (r.metric == Metric::peak_memory) return fmt::format("{:.1f} MiB", v / (1024 * 1024));
  return format_quantity(v, r.unit);
}

std::string format_change(const MetricResult& r) {
  if (judged_within_night(r.metric)) return "-";  // no change against the baseline to show
  if (r.metric == Metric::error_rate) return fmt::format("{:+.1f} pts", (r.current - r.baseline) * 100);
  return std::isnan(r.ratio) ? "-" : percent(r.ratio);
}

std::string headline_change(const MetricResult& r) {
  return judged_within_night(r.metric) ? format_value(r.current, r) : format_change(r);
}

std::string format_interval(const MetricResult& r) {
  if (std::isnan(r.ci_low) || std::isnan(r.ci_high)) return "-";
  if (r.metric == Metric::memory_growth) return fmt::format("[{}, {}]", format_growth(r.ci_low), format_growth(r.ci_high));
  if (r.metric == Metric::error_rate) return fmt::format("[{:+.1f}, {:+.1f}] pts", r.ci_low * 100, r.ci_high * 100);
  return fmt::format("[{}, {}]", percent(r.ci_low), percent(r.ci_high));
}

void print_comparison_text(const Comparison& c, Rows rows, Colour colour, std::ostream& out) {
  out << fmt::format("{} {} at {} against {}\n", c.commit.substr(0, 8), truncate_utf8(c.subject, 50),
                     format_short_time(c.run_time), baseline_text(c));
  out << "on " << c.environment << (c.environment_note.empty() ? "" : ": " + c.environment_note) << "\n\n";
  constexpr const char* kLine = "{:<32}  {:<12}  {:>11}  {:>11}  {:>9}  {:>20}  {:>8}  {}{}{}\n";
  int printed = 0;
  for (const MetricResult& r : c.results) {
    if (!shown(r, rows)) continue;
    if (printed++ == 0) out << fmt::format(fmt::runtime(kLine), "benchmark", "metric", "baseline", "tonight", "change", "95% CI", "p", "", "verdict", "");
    const bool paint = colour == Colour::on && *colour_of(r.verdict);
    out << fmt::format(fmt::runtime(kLine), truncate_utf8(r.benchmark, 32), to_string(r.metric), format_value(r.baseline, r),
                       format_value(r.current, r), format_change(r), format_interval(r), p_text(r),
                       paint ? colour_of(r.verdict) : "", verdict_text(r), paint ? "\033[0m" : "");
    if (changed(r)) out << "    why: " << reason_text(r) << "\n";
    if (const std::string reruns = confirmation_text(r); !reruns.empty()) out << "    reruns: " << reruns << "\n";
    if (const std::string culprit = culprit_text(r); !culprit.empty()) out << "    culprit: " << culprit << "\n";
  }
  for (const auto& [name, why] : c.failures) out << fmt::format("FAILED  {}: {}\n", name, truncate_utf8(why, 100));
  for (const MeasurementWarning& w : c.warnings) out << fmt::format("WARNING {}: {}: {}\n", w.benchmark, to_string(w.kind), w.detail);
  const std::string counted = counted_by_text(c);
  if (!counted.empty()) out << counted << "\n";
  if (printed || !c.failures.empty() || !c.warnings.empty() || !counted.empty()) out << "\n";
  out << summary_line(c) << (rows == Rows::changed ? " (--all shows every row)" : "") << "\n";
}

void print_comparison_markdown(const Comparison& c, Rows rows, std::ostream& out) {
  out << fmt::format("### perfwatch: `{}` {}\n\n", c.commit.substr(0, 8), to_string(c.verdict));
  out << fmt::format("Run {} at {} UTC on {} against {}.\n\n", c.run_id, format_short_time(c.run_time), c.environment,
                     baseline_text(c));
  if (!c.environment_note.empty()) out << "Note: " << c.environment_note << ".\n\n";
  bool header = false;
  for (const MetricResult& r : c.results) {
    if (!shown(r, rows)) continue;
    if (!header) {
      out << "| benchmark | metric | baseline | tonight | change | 95% CI | p | verdict |\n";
      out << "|---|---|---:|---:|---:|---:|---:|---|\n";
      header = true;
    }
    out << fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} |\n", escape_markdown_cell(r.benchmark),
                       to_string(r.metric), format_value(r.baseline, r), format_value(r.current, r), format_change(r),
                       format_interval(r), p_text(r), verdict_text(r));
  }
  bool listed = false;  // the reasons of the changed rows, under the table
  for (const MetricResult& r : c.results) {
    if (!shown(r, rows) || !changed(r)) continue;
    out << (listed ? "" : "\n") << fmt::format("- {} {}: {}\n", escape_markdown_cell(r.benchmark), to_string(r.metric),
                                                escape_markdown_cell(reason_text(r)));
    for (const std::string& line : {confirmation_text(r), culprit_text(r)})
      if (!line.empty()) out << "  - " << escape_markdown_cell(line) << "\n";
    listed = true;
  }
  for (const auto& [name, why] : c.failures) {
    out << fmt::format("\n- **failed** {}: {}", escape_markdown_cell(name), escape_markdown_cell(why));
  }
  for (const MeasurementWarning& w : c.warnings) {
    out << fmt::format("\n- **warning** {} `{}`: {}", escape_markdown_cell(w.benchmark), to_string(w.kind),
                       escape_markdown_cell(w.detail));
  }
  if (const std::string counted = counted_by_text(c); !counted.empty()) out << "\n\n" << counted;
  out << "\n" << summary_line(c) << "\n";
}

namespace {

// One row of "results", its keys in nlohmann's (sorted) order.
void write_result(JsonOut& j, const MetricResult& r) {
  j.begin_object();
  j.key("alerting").value(r.alerting);
  j.key("baseline").value(r.baseline);
  j.key("baseline_nights").value(r.baseline_nights);
  j.key("benchmark").value(r.benchmark);
  j.key("ci_high").value(r.ci_high);
  j.key("ci_low").value(r.ci_low);
  j.key("confirmation").tree(confirmation_json(r));
  j.key("confirmed");
  if (r.confirmation && r.confirmation->confirmed) j.value(*r.confirmation->confirmed);
  else j.null();
  if (!r.counted_by.empty()) j.key("counted_by").value(r.counted_by);
  j.key("current").value(r.current);
  j.key("ignored").value(r.ignored);
  j.key("metric").value(to_string(r.metric));
  j.key("p_value").value(r.p_value);
  j.key("q_value").value(r.q_value);
  j.key("ratio").value(r.ratio);
  write_reason(j.key("reason"), r);
  j.key("test").value(r.two_night ? "two-night" : "one-night");
  if (r.too_few_samples > 0) {
    j.key("too_few_samples").begin_object();
    j.key("needed").value(static_cast<std::int64_t>(kMinSamplesP999)).key("samples").value(r.too_few_samples);
    j.end_object();
  }
  j.key("unit").value(r.unit);
  j.key("verdict").value(to_string(r.verdict));
  j.key("worse_not_alerting").value(r.worse_not_alerting);
  j.end_object();
}

}  // namespace

std::string comparison_json(const Comparison& c) {
  std::string text;
  JsonOut j(text);
  j.begin_object();
  j.key("baseline").begin_object();
  j.key("from");
  if (c.baseline.runs > 0) j.value(format_iso8601(c.baseline.from));
  else j.null();
  j.key("runs").value(c.baseline.runs);
  j.key("to");
  if (c.baseline.runs > 0) j.value(format_iso8601(c.baseline.to));
  else j.null();
  j.end_object();
  j.key("commit").value(c.commit);
  j.key("environment").value(c.environment);
  j.key("environment_note");
  if (c.environment_note.empty()) j.null();
  else j.value(c.environment_note);
  j.key("failures").begin_array();
  for (const auto& [name, why] : c.failures) j.begin_object().key("benchmark").value(name).key("failure").value(why).end_object();
  j.end_array();
  j.key("results").begin_array();
  for (const MetricResult& r : c.results) write_result(j, r);
  j.end_array();
  j.key("run_id").value(c.run_id);
  j.key("time").value(format_iso8601(c.run_time));
  j.key("verdict").value(to_string(c.verdict));
  j.key("warnings").begin_array();
  for (const MeasurementWarning& w : c.warnings)
    j.begin_object().key("benchmark").value(w.benchmark).key("detail").value(w.detail).key("kind").value(to_string(w.kind)).end_object();
  j.end_array();
  j.end_object();
  return text;
}

}  // namespace perfwatch
