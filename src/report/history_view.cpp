#include "report/history_view.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "detect/nightly.hpp"
#include "model/units.hpp"
#include "report/comparison_view.hpp"
#include "report/sparkline.hpp"
#include "util/text.hpp"

namespace perfwatch {
namespace {

HistoryRow to_row(const HistoryPoint& p) {
  HistoryRow row;
  row.run_id = p.run_id;
  row.time = p.time;
  row.commit_sha = p.commit_sha;
  row.commit_subject = p.commit_subject;
  row.status = p.status;
  const BenchmarkResult& r = p.result;
  if (const auto q = latency_quantiles(r)) {
    // The same estimator as compare's (Harrell-Davis), so the two agree.
    row.n = r.latency->values.size();
    row.p50 = q->p50.value;
    row.p95 = q->p95.value;
    row.p99 = q->p99.value;
    if (q->p999) row.p999 = q->p999->value;
    row.unit = r.latency->unit;
  }
  if (const auto t = night_value(r, Metric::throughput)) {  // compare's median (Harrell-Davis) too
    row.throughput = t->value;
    row.throughput_unit = r.throughput->unit;
  }
  if (const auto g = night_value(r, Metric::memory_growth)) row.memory_growth = g->value;
  if (const auto i = night_value(r, Metric::instructions)) row.instructions = i->value;
  row.instructions_source = r.instructions_source;
  row.errors = r.errors;
  row.peak_rss_bytes = r.peak_rss_bytes;
  row.failure = r.failure;
  return row;
}

std::string cell(double value, const std::string& unit) {
  return std::isnan(value) ? "-" : format_quantity(value, unit);
}

// A p99.9 of too few samples is not a number: it says so.
std::string p999_cell(const HistoryRow& r) {
  if (r.n > 0 && r.n < kMinSamplesP999) return fmt::format("n<{}", kMinSamplesP999);
  return cell(r.p999, r.unit);
}

// Counts in full ("103,622,572"): that they do not move is the point.
std::string count_text(double count) {
  if (std::isnan(count)) return "-";
  std::string digits = fmt::format("{:.0f}", count), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0 && digits[i - 1] != '-') out += ',';
    out += digits[i];
  }
  return out;
}

std::string growth_cell(double bytes_per_hour) { return std::isnan(bytes_per_hour) ? "-" : format_growth(bytes_per_hour); }

nlohmann::json number_or_null(double v) { return std::isnan(v) ? nlohmann::json(nullptr) : nlohmann::json(v); }

double metric_value(const HistoryRow& r, const std::string& metric) {
  if (metric == "p50_latency") return r.p50;
  if (metric == "p95_latency") return r.p95;
  if (metric == "p99_latency") return r.p99;
  if (metric == "p999_latency") return r.p999;
  if (metric == "memory_growth") return r.memory_growth;
  if (metric == "instructions") return r.instructions;
  if (metric == "count") return is_count_unit(r.unit) ? r.p50 : NAN;  // the night's median count
  if (metric == "throughput") return r.throughput;
  if (metric == "peak_memory") return r.peak_rss_bytes ? static_cast<double>(*r.peak_rss_bytes) : NAN;
  return NAN;
}

bool any_row_has(const HistoryView& view, const std::string& metric) {
  return std::any_of(view.rows.begin(), view.rows.end(),
                     [&](const HistoryRow& r) { return !std::isnan(metric_value(r, metric)); });
}

// The series the sparkline draws: `metric`, else p95, else instructions, else throughput.
std::pair<std::string, std::vector<double>> trend(const HistoryView& view, std::string metric) {
  if (metric.empty()) {
    metric = any_row_has(view, "count")          ? "count"
             : any_row_has(view, "p95_latency")  ? "p95_latency"
             : any_row_has(view, "instructions") ? "instructions"
                                                 : "throughput";
  }
  std::vector<double> series;
  for (const HistoryRow& r : view.rows) series.push_back(metric_value(r, metric));
  return {metric, series};
}

}  // namespace

HistoryView build_history_view(const std::string& benchmark, const std::vector<HistoryPoint>& points) {
  HistoryView view{benchmark, {}};
  for (const HistoryPoint& p : points) view.rows.push_back(to_row(p));
  return view;
}

const std::vector<std::string>& history_metrics() {
  // Every metric a night has a value of: error rates are counts, not a trend line.
  static const std::vector<std::string> metrics = [] {
    std::vector<std::string> names = metric_names();
    std::erase(names, std::string(to_string(Metric::error_rate)));
    return names;
  }();
  return metrics;
}

void print_history_text(const HistoryView& view, const std::string& metric, std::ostream& out) {
  auto [label, series] = trend(view, metric);
  out << fmt::format("{}: {} run{}  {} {}\n\n", view.benchmark, view.rows.size(),
                     view.rows.size() == 1 ? "" : "s", label, sparkline(series));
  constexpr const char* kLine = "{:>5}  {:<8}  {:<28}  {:<16}  {:>5}  {:>10}  {:>10}  {:>10}  {:>10}  {:>16}  {:>12}{}  {}\n";
  // Instruction counts get a column only where the benchmark has them.
  const bool counts = any_row_has(view, "instructions");
  auto count_cell = [counts](const std::string& text) { return counts ? fmt::format("  {:>18}", text) : ""; };
  out << fmt::format(fmt::runtime(kLine), "run", "commit", "subject", "time (UTC)", "n", "p50", "p95", "p99", "p99.9",
                     "throughput", "mem growth", count_cell("instructions"), "note");
  for (const HistoryRow& r : view.rows) {
    std::string note;
    if (r.failure) note = "failed: " + truncate_utf8(*r.failure, 40);
    else if (r.errors && *r.errors > 0) note = fmt::format("{} errors", *r.errors);
    if (r.status != RunStatus::complete) note += (note.empty() ? "" : "; ") + std::string(to_string(r.status));
    if (!std::isnan(r.instructions)) note += (note.empty() ? "" : "; ") + std::string("counted by ") + r.instructions_source;
    out << fmt::format(fmt::runtime(kLine), r.run_id, r.commit_sha.substr(0, 8), truncate_utf8(r.commit_subject, 28),
                       format_short_time(r.time), r.n, cell(r.p50, r.unit), cell(r.p95, r.unit),
                       cell(r.p99, r.unit), p999_cell(r), cell(r.throughput, r.throughput_unit),
                       growth_cell(r.memory_growth), count_cell(count_text(r.instructions)), note);
  }
}

nlohmann::json history_json(const HistoryView& view) {
  nlohmann::json runs = nlohmann::json::array();
  for (const HistoryRow& r : view.rows) {
    nlohmann::json row = {{"run_id", r.run_id},
                          {"time", format_iso8601(r.time)},
                          {"commit", r.commit_sha},
                          {"subject", r.commit_subject},
                          {"status", to_string(r.status)},
                          {"n", r.n},
                          {"unit", r.unit},
                          {"p50", number_or_null(r.p50)},
                          {"p95", number_or_null(r.p95)},
                          {"p99", number_or_null(r.p99)},
                          {"p999", number_or_null(r.p999)},
                          {"memory_growth_per_hour", number_or_null(r.memory_growth)},
                          {"throughput", number_or_null(r.throughput)},
                          {"throughput_unit", r.throughput_unit},
                          {"instructions", number_or_null(r.instructions)}};
    if (!std::isnan(r.instructions)) row["instructions_source"] = r.instructions_source;
    if (r.errors) row["errors"] = *r.errors;
    if (r.peak_rss_bytes) row["peak_rss_bytes"] = *r.peak_rss_bytes;
    if (r.failure) row["failure"] = *r.failure;
    runs.push_back(std::move(row));
  }
  return {{"benchmark", view.benchmark}, {"runs", std::move(runs)}};
}

}  // namespace perfwatch
