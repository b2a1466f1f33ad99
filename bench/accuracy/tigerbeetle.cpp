#include "accuracy/tigerbeetle.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "detect/decide.hpp"
#include "util/file.hpp"

namespace perfwatch::accuracy {
namespace {

struct Series {
  std::string name;
  bool throughput = false;
  std::vector<double> values;  // sorted by timestamp
};

std::vector<Series> load(const std::string& path) {
  auto doc = nlohmann::json::parse(read_file(path));
  std::sort(doc.begin(), doc.end(), [](const auto& a, const auto& b) { return a["timestamp"] < b["timestamp"]; });
  std::vector<Series> series;
  for (const char* name : {"load_accepted", "batch_p90", "transfer_p90"}) {
    Series s{name, std::string(name) == "load_accepted", {}};
    for (const auto& commit : doc) {
      for (const auto& m : commit["metrics"])
        if (m["name"] == name) s.values.push_back(m["value"].get<double>());
    }
    series.push_back(std::move(s));
  }
  return series;
}

BenchmarkResult night(const Series& s, size_t i) {
  BenchmarkResult b;
  b.name = s.name;
  if (s.throughput) b.throughput = perfwatch::Series{"tx/s", {s.values[i]}};
  else b.latency = perfwatch::Series{"ms", {s.values[i]}};
  return b;
}

// Indices where perfwatch's verdict on `s` is `wanted`, baseline = the 7 nights before.
std::vector<size_t> verdicts(const Series& s, const Policy& policy, Verdict wanted) {
  std::vector<size_t> hits;
  for (size_t i = 1; i < s.values.size(); ++i) {
    BenchmarkNights n{s.name, {}, night(s, i)};
    for (size_t j = i >= 7 ? i - 7 : 0; j < i; ++j) n.baseline.push_back(night(s, j));
    for (const MetricResult& r : compare_nights({n}, policy)) {
      if ((r.metric == Metric::throughput || r.metric == Metric::p95_latency) && r.verdict == wanted) hits.push_back(i);
    }
  }
  return hits;
}

std::string join(const std::vector<size_t>& v) {
  if (v.empty()) return "none";
  std::string out;
  for (size_t i : v) out += (out.empty() ? "" : ", ") + std::to_string(i);
  return out;
}

}  // namespace

void print_tigerbeetle_report(const std::string& path) {
  const auto all = load(path);
  fmt::print("TigerBeetle ({} commits, sorted by timestamp; one value a night; baseline = the 7 nights before)\n",
             all.front().values.size());
  const Policy defaults;
  Policy sensitive;
  sensitive.defaults.throughput_decrease = 0.10;
  sensitive.defaults.p95_increase = 0.10;
  for (const Series& s : all) {
    fmt::print("  {:<14} regressions at: {}\n", s.name, join(verdicts(s, defaults, Verdict::regression)));
    fmt::print("  {:<14} improvements at: {}\n", "", join(verdicts(s, defaults, Verdict::improvement)));
    fmt::print("  {:<14} with 10 % thresholds: regressions at {}; improvements at {}\n", "",
               join(verdicts(s, sensitive, Verdict::regression)), join(verdicts(s, sensitive, Verdict::improvement)));
  }
  const auto& load_accepted = all.front().values;
  fmt::print("  load_accepted around the reference change points: [13..17] = {} {} {} {} {}; [69..73] = {} {} {} {} {}\n",
             load_accepted[13], load_accepted[14], load_accepted[15], load_accepted[16], load_accepted[17],
             load_accepted[69], load_accepted[70], load_accepted[71], load_accepted[72], load_accepted[73]);
}

}  // namespace perfwatch::accuracy
