#pragma once
// Results that are not measurements: a benchmark that reports a constant, an
// overnight change no code makes, latencies below what a timer resolves or
// below zero, a percentile of too few samples. Flagged beside the verdict
// (compare, the step summary, the HTML report), never silently counted.
#include <optional>
#include <string>
#include <vector>

#include "detect/decide.hpp"

namespace perfwatch {

// Fewer samples than a p95 needs (1 / (1 - 0.95)): its value is then just
// the largest sample or near it.
inline constexpr size_t kP95MinSamples = 20;
// More than this many times faster or slower than the baseline in one night.
inline constexpr double kImplausibleFactor = 5;

// The warnings of one benchmark's nights, minus the kinds its policy silences
// (thresholds.json: "overrides": {"glob": {"silence_warnings": ["constant"]}}).
std::vector<MeasurementWarning> measurement_warnings(const BenchmarkNights& nights, const Policy& policy);

}  // namespace perfwatch
