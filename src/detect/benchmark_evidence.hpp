#pragma once
// One benchmark's nights turned into each metric's evidence, before the
// run-wide steps of detect/decide (the run's variance priors and pool,
// Benjamini-Hochberg, the verdicts): per metric, tonight against the
// baseline nights, the two-night level, and the longer history's test.
#include <optional>
#include <vector>

#include "detect/decide.hpp"
#include "detect/evidence.hpp"
#include "detect/history_test.hpp"
#include "detect/noise_model.hpp"

namespace perfwatch {

// One metric of one benchmark before the run-wide steps: its result so far
// and the evidence still to be turned into a p-value.
struct Pending {
  MetricResult result;
  std::optional<Evidence> single;  // tonight against the baseline nights
  std::optional<Evidence> pair;    // the two-night level, when it applies
  std::optional<HistoryEvidence> history;
  // Without a history: how often the baseline nights were already at
  // tonight's level (history_test has the same of the history).
  Seen seen;
  double limit = 0;  // the size threshold (log)
  // The baseline nights each against the others (left_out_deviations).
  std::vector<double> left_out;
};

// A result of `metric` over `nights` baseline nights with nothing tested yet
// (ratio and interval NaN).
MetricResult untested(Metric metric, int nights);

// Every metric of one benchmark: its result so far (values, baseline,
// nights in a row, insufficient baseline) and the evidence still to be
// turned into a p-value.
std::vector<Pending> gather_benchmark(const BenchmarkNights& nights, const Policy& policy);

}  // namespace perfwatch
