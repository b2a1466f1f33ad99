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

// More than this many times faster or slower than the baseline in one night.
inline constexpr double kImplausibleFactor = 5;

// "constant, implausible_change, ... or too_few_samples": what silence_warnings takes.
std::string warning_kind_list();

// The warnings of one benchmark's nights, minus the kinds its policy silences
// (thresholds.json: "overrides": {"glob": {"silence_warnings": ["constant"]}}).
std::vector<MeasurementWarning> measurement_warnings(const BenchmarkNights& nights, const Policy& policy);

}  // namespace perfwatch
