#include "accuracy/real_data.hpp"

#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "stats/quantile.hpp"
#include "util/file.hpp"

namespace perfwatch::accuracy {
namespace {

// The median of each build's samples over builds [from, to).
double median_of_medians(const nlohmann::json& builds, size_t from, size_t to) {
  std::vector<double> medians;
  for (size_t i = from; i < to; ++i) medians.push_back(stats::quantile(builds[i]["samples"].get<std::vector<double>>(), 0.5));
  return stats::quantile(medians, 0.5);
}

Labelled sap_series(const nlohmann::json& s, double min_step) {
  Labelled l;
  l.name = s["name"].get<std::string>();
  const auto& builds = s["builds"];
  const std::string unit = s["unit"].get<std::string>();
  size_t first_change = builds.size() + 5;
  for (const auto& c : s["changes"]) {
    const size_t at = c["build_index"].get<size_t>();
    first_change = std::min(first_change, at);
    if (at < 10 || at + 10 > builds.size()) continue;
    const double ratio = median_of_medians(builds, at, at + 10) / median_of_medians(builds, at - 10, at);
    if (ratio >= min_step) l.steps.push_back({static_cast<int>(at), "annotated regression"});
  }
  for (size_t i = 0; i < builds.size(); ++i) {
    BenchmarkResult b;
    b.name = l.name;
    b.latency = Series{unit, builds[i]["samples"].get<std::vector<double>>()};
    l.nights.push_back(std::move(b));
    l.clean.push_back(i + 5 < first_change);
    l.runs.push_back(builds[i]["build"].get<std::int64_t>());
  }
  return l;
}

}  // namespace

Corpus load_sap_hana(const std::string& path, int parity, double min_step) {
  Corpus c;
  c.name = parity < 0 ? "SAP HANA, all series" : parity == 0 ? "SAP HANA, even series" : "SAP HANA, odd series";
  c.source = "SAP performance-regression-data-set, hana/large_2022 (CC-BY-4.0), annotations of Costa, Tucci, Traini et al.";
  c.tolerance = 1;
  const std::string command = "gzip -dc '" + path + "'";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  if (!pipe) throw std::runtime_error("cannot run " + command);
  std::string line;
  int index = 0;
  for (int ch; (ch = std::fgetc(pipe.get())) != EOF;) {
    if (ch != '\n') {
      line.push_back(static_cast<char>(ch));
      continue;
    }
    if (parity < 0 || index % 2 == parity) c.benchmarks.push_back(sap_series(nlohmann::json::parse(line), min_step));
    line.clear();
    ++index;
  }
  if (index == 0) throw std::runtime_error(path + ": no series (is it the gzip file?)");
  return c;
}

Corpus load_tigerbeetle(const std::string& path) {
  auto doc = nlohmann::json::parse(read_file(path));
  std::sort(doc.begin(), doc.end(), [](const auto& a, const auto& b) { return a["timestamp"] < b["timestamp"]; });
  Corpus c;
  c.name = "TigerBeetle";
  c.source = "nyrkio/nyrkio backend/tests/data/tigerbeetle.json (Apache-2.0)";
  for (const char* name : {"load_accepted", "batch_p90", "transfer_p90"}) {
    Labelled l;
    l.name = name;
    const bool throughput = l.name == "load_accepted";
    for (const auto& commit : doc) {
      for (const auto& m : commit["metrics"]) {
        if (m["name"] != name) continue;
        BenchmarkResult b;
        b.name = name;
        if (throughput) b.throughput = Series{"tx/s", {m["value"].get<double>()}};
        else b.latency = Series{"ms", {m["value"].get<double>()}};
        l.nights.push_back(std::move(b));
      }
    }
    for (size_t i = 0; i < l.nights.size(); ++i) {
      const auto near = [i](int at) { return std::abs(static_cast<int>(i) - at) <= 5; };
      l.clean.push_back(!near(15) && !near(71));
    }
    c.benchmarks.push_back(std::move(l));
  }
  return c;
}

}  // namespace perfwatch::accuracy
