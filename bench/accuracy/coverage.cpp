#include "accuracy/coverage.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "detect/nightly.hpp"
#include "stats/bootstrap.hpp"
#include "stats/quantile.hpp"

namespace perfwatch::accuracy {
namespace {

// The true ratio of the metric's level tonight to the baseline's, where the
// generator makes it known: clean nights 1, a step's first night its factor.
std::optional<double> true_ratio(const SyntheticBenchmark& h, int night, Metric m) {
  if (m == Metric::error_rate) return std::nullopt;  // its interval is of a difference
  if (h.step == Step::none || night < h.step_night) return 1.0;
  if (night > h.step_night) return std::nullopt;  // the baseline straddles the step
  const bool latency = m == Metric::p50_latency || m == Metric::p95_latency || m == Metric::p99_latency;
  switch (h.step) {
    case Step::p95_body: return latency ? 1.45 : 1.0;
    case Step::throughput_drop: return m == Metric::throughput ? 0.70 : 1.0;
    case Step::memory_growth: return m == Metric::peak_memory ? 1.5 : 1.0;
    case Step::harmless_drift: return latency ? 1.08 : m == Metric::throughput ? 0.95 : 1.10;
    case Step::improvement: return latency ? 0.70 : m == Metric::throughput ? 1.40 : 1.0;
    default: return std::nullopt;  // tail steps: the p95's factor is not a constant
  }
}

// Night-level bootstrap: resample the baseline nights for the centre, and a
// baseline night's deviation (scaled by sqrt(k/(k-1))) for tonight's noise.
stats::Interval night_bootstrap(const std::vector<double>& logs, double tonight) {
  const size_t k = logs.size();
  const double centre = stats::quantile(logs, 0.5);
  const double inflate = std::sqrt(static_cast<double>(k) / static_cast<double>(k - 1));
  stats::SeededDraws draws(20261123);
  std::vector<double> resample(k), effects;
  for (int b = 0; b < 2000; ++b) {
    for (double& x : resample) x = logs[draws.below(k)];
    const double noise = (logs[draws.below(k)] - centre) * inflate;
    effects.push_back(tonight - noise - stats::quantile(resample, 0.5));
  }
  std::sort(effects.begin(), effects.end());
  return {std::exp(stats::quantile_sorted(effects, 0.025)), std::exp(stats::quantile_sorted(effects, 0.975))};
}

struct Tally {
  int rows = 0, covered = 0;
  std::vector<double> widths;
  void add(double truth, double low, double high) {
    ++rows;
    covered += low <= truth && truth <= high;
    widths.push_back(high / low);
  }
  double coverage() const { return rows ? 100.0 * covered / rows : 0; }
  double median_width() const { return widths.empty() ? 0 : 100 * (stats::quantile(widths, 0.5) - 1); }
};

// Rows of the table: each metric (aggregate-only latency apart), then all.
std::string group_of(const SyntheticBenchmark& h, Metric m) {
  const bool aggregate = h.nights.front().latency && h.nights.front().latency->values.size() == 1;
  return std::string(to_string(m)) + (aggregate ? " (one value a night)" : "");
}

// A night's p95 from `n` of the generator's samples: how often its 95 %
// interval holds the true p95, for Maritz-Jarrett's standard error (normal
// interval, as compare's sampling noise) and for the seeded bootstrap.
void print_night_p95_coverage() {
  std::mt19937_64 rng(20261123);
  std::vector<double> population(4'000'000);
  for (double& x : population) x = latency_shape(rng, 0.2);
  std::sort(population.begin(), population.end());
  const double truth = stats::quantile_sorted(population, 0.95);
  const stats::Statistic hd_p95 = [](std::span<const double> x) {
    std::vector<double> sorted(x.begin(), x.end());
    std::sort(sorted.begin(), sorted.end());
    return stats::harrell_davis(sorted, 0.95).estimate;
  };
  fmt::print("\nOne night's p95 (Harrell-Davis) from n samples (log-normal sigma 0.2, 2 % Pareto outliers): how often\n"
             "its 95 % interval holds the true p95 ({:.4f}), 300 nights each, bootstrap with 1,000 resamples\n", truth);
  fmt::print("{:>5} {:>22} {:>21} {:>15}\n", "n", "Maritz-Jarrett, normal", "bootstrap percentile", "bootstrap BCa");
  for (int n : {30, 60, 120}) {
    Tally mj, percentile, bca;
    for (int rep = 0; rep < 300; ++rep) {
      std::vector<double> night(static_cast<size_t>(n));
      for (double& x : night) x = latency_shape(rng, 0.2);
      std::sort(night.begin(), night.end());
      const stats::HarrellDavis hd = stats::harrell_davis(night, 0.95);
      mj.add(truth, hd.estimate - 1.96 * hd.se, hd.estimate + 1.96 * hd.se);
      stats::BootstrapOptions options;
      options.resamples = 1000;
      options.seed = 20261123 + static_cast<std::uint64_t>(rep);
      options.method = stats::BootstrapMethod::percentile;
      const stats::Interval p = stats::bootstrap_interval(night, hd_p95, options);
      percentile.add(truth, p.low, p.high);
      options.method = stats::BootstrapMethod::bca;
      const stats::Interval b = stats::bootstrap_interval(night, hd_p95, options);
      bca.add(truth, b.low, b.high);
    }
    fmt::print("{:>5} {:>21.1f}% {:>20.1f}% {:>14.1f}%\n", n, mj.coverage(), percentile.coverage(), bca.coverage());
  }
}

struct Row {
  Tally t_clean, t_step, boot_clean, boot_step;
};

}  // namespace

void print_interval_coverage(const std::vector<SyntheticBenchmark>& history, const NightlyResults& results,
                             int window) {
  std::map<std::string, size_t> index;
  for (size_t b = 0; b < history.size(); ++b) index[history[b].name] = b;
  std::map<std::string, Row> rows;
  for (int t = window; t < static_cast<int>(results.size()); ++t) {
    for (const MetricResult& r : results[static_cast<size_t>(t)]) {
      const SyntheticBenchmark& h = history[index[r.benchmark]];
      const auto truth = true_ratio(h, t, r.metric);
      if (!truth || std::isnan(r.ci_low)) continue;
      std::vector<double> logs;
      for (int n = t - window; n < t; ++n) logs.push_back(std::log(night_value(h.nights[n], r.metric)->value));
      const stats::Interval boot = night_bootstrap(logs, std::log(r.current));
      const bool step = t == h.step_night;
      for (Row* row : {&rows[group_of(h, r.metric)], &rows["all"]}) {
        (step ? row->t_step : row->t_clean).add(*truth, r.ci_low, r.ci_high);
        (step ? row->boot_step : row->boot_clean).add(*truth, boot.low, boot.high);
      }
    }
  }
  fmt::print("\n95 % interval of the ratio: how often it holds the true ratio (clean nights: 1; a step's first night:\n"
             "its factor), and its median width. perfwatch's t model beside a night-level bootstrap (resample the\n"
             "baseline nights; tonight's noise from a resampled night's deviation, scaled by sqrt(k/(k-1))).\n");
  fmt::print("{:<36} {:>7} {:>22} {:>22} {:>7}\n", "metric", "nights", "t model: clean / step", "bootstrap: clean / step", "width");
  for (const auto& [group, row] : rows) {
    fmt::print("{:<36} {:>7} {:>13.1f}% / {:>5.1f}% {:>13.1f}% / {:>5.1f}% {:>6.1f}%\n", group,
               row.t_clean.rows + row.t_step.rows, row.t_clean.coverage(), row.t_step.coverage(),
               row.boot_clean.coverage(), row.boot_step.coverage(), row.t_clean.median_width());
  }
  print_night_p95_coverage();
}

}  // namespace perfwatch::accuracy
