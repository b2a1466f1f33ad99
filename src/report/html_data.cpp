// The page's JSON document: each chart's nights as columns (what uPlot
// draws), commits once for the whole page. Written compactly by hand: at
// 1,000 benchmarks x 90 nights it is some 450,000 numbers, and its size is
// what the browser parses before the first chart.
#include <fmt/format.h>

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "report/html_view.hpp"

namespace perfwatch {
namespace {

void text(std::string& out, const std::string& s) {
  out += nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void number(std::string& out, double v) {
  if (std::isnan(v) || std::isinf(v)) {
    out += "null";
  } else {
    fmt::format_to(std::back_inserter(out), "{:.6g}", v);
  }
}

template <typename Value>
void column(std::string& out, const char* name, const std::vector<ChartNight>& nights, Value value) {
  fmt::format_to(std::back_inserter(out), ",\"{}\":[", name);
  for (size_t i = 0; i < nights.size(); ++i) {
    if (i) out += ',';
    value(out, nights[i]);
  }
  out += ']';
}

bool has_growth(const BenchmarkChart& c) {
  for (const ChartNight& n : c.nights)
    if (!std::isnan(n.memory_growth)) return true;
  return false;
}

// A night's charted value is NaN on a failed night: the line breaks there.
double charted(const ChartNight& n, double ChartNight::*field) { return n.failure.empty() ? n.*field : NAN; }

void chart(std::string& out, const BenchmarkChart& c, std::map<std::string, size_t>& commits) {
  out += "{\"unit\":";
  text(out, c.unit);
  out += c.latency ? ",\"latency\":true,\"line\":\"p95\"" : ",\"latency\":false,\"line\":";
  if (!c.latency) text(out, c.line);
  column(out, "t", c.nights, [](std::string& o, const ChartNight& n) { fmt::format_to(std::back_inserter(o), "{}", n.time); });
  column(out, "p50", c.nights, [](std::string& o, const ChartNight& n) { number(o, charted(n, &ChartNight::p50)); });
  if (c.latency) {
    column(out, "p95", c.nights, [](std::string& o, const ChartNight& n) { number(o, charted(n, &ChartNight::p95)); });
    column(out, "p99", c.nights, [](std::string& o, const ChartNight& n) { number(o, charted(n, &ChartNight::p99)); });
  }
  column(out, "lo", c.nights, [](std::string& o, const ChartNight& n) { number(o, charted(n, &ChartNight::low)); });
  column(out, "hi", c.nights, [](std::string& o, const ChartNight& n) { number(o, charted(n, &ChartNight::high)); });
  if (has_growth(c))
    column(out, "growth", c.nights, [](std::string& o, const ChartNight& n) { number(o, n.memory_growth / 1e6); });
  column(out, "commit", c.nights, [&](std::string& o, const ChartNight& n) {
    const auto [it, added] = commits.try_emplace(n.commit, commits.size());
    fmt::format_to(std::back_inserter(o), "{}", it->second);
  });
  column(out, "mark", c.nights, [](std::string& o, const ChartNight& n) { o += std::to_string(static_cast<int>(n.mark)); });
  out += ",\"notes\":{";
  bool first = true;
  for (size_t i = 0; i < c.nights.size(); ++i) {
    if (c.nights[i].note.empty()) continue;
    fmt::format_to(std::back_inserter(out), "{}\"{}\":", first ? "" : ",", i);
    text(out, c.nights[i].note);
    first = false;
  }
  out += "},\"baseline\":";
  if (c.baseline_from != 0 || c.baseline_to != 0) {
    fmt::format_to(std::back_inserter(out), "[{},{}]", c.baseline_from, c.baseline_to);
  } else {
    out += "null";
  }
  out += ",\"decisions\":[";
  for (size_t i = 0; i < c.decisions.size(); ++i) {
    fmt::format_to(std::back_inserter(out), "{}[{},", i ? "," : "", c.decisions[i].time);
    text(out, c.decisions[i].text);
    out += ']';
  }
  out += "]}";
}

}  // namespace

std::string html_chart_data(const HtmlReport& report) {
  std::map<std::string, size_t> commits;  // sha -> its index in "commits"
  std::map<std::string, std::string> subjects;
  std::string out = "{\"commit_url\":";
  text(out, report.commit_url);
  out += ",\"charts\":[";
  for (size_t i = 0; i < report.charts.size(); ++i) {
    if (i) out += ',';
    chart(out, report.charts[i], commits);
    for (const ChartNight& n : report.charts[i].nights) subjects.try_emplace(n.commit, n.subject);
  }
  std::vector<const std::string*> by_index(commits.size());
  for (const auto& [sha, index] : commits) by_index[index] = &sha;
  out += "],\"commits\":[";
  for (size_t i = 0; i < by_index.size(); ++i) {
    out += i ? ",[" : "[";
    text(out, *by_index[i]);
    out += ',';
    text(out, subjects[*by_index[i]]);
    out += ']';
  }
  out += "]}";
  // Inside <script>, "</script>" or "<!--" in a subject would end or bend the
  // element; '<' appears in JSON only inside strings, where \u003c is the same.
  std::string safe;
  safe.reserve(out.size());
  for (char ch : out) {
    if (ch == '<') {
      safe += "\\u003c";
    } else {
      safe += ch;
    }
  }
  return safe;
}

}  // namespace perfwatch
