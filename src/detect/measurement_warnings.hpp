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

// Gaussian-looking latencies (synthetic_shape) are judged over at least this
// many nights (tonight included) of kShapeMinSamples samples or more each, and
// only where their spread is wide: a benchmark's per-repetition means are
// near-normal by the central limit theorem, but tight; a real latency spread
// 15 % or more wide has a floor below it and a tail above it (a log-normal
// that wide has a skewness of 0.45).
inline constexpr size_t kShapeMinNights = 5;
inline constexpr size_t kShapeMinSamples = 20;
inline constexpr size_t kShapeMinPooled = 200;
inline constexpr double kShapeMinSpread = 0.15;  // standard deviation / mean

// too_noisy: with at least kNoisyMinNights nights of history, a metric whose
// past nights went past its threshold the worse way on kNoisyShare of them.
// There a change of the threshold's size is an ordinary night, and only
// reruns or a second night can tell a step (accuracy_bench splits its
// recall by this warning: two thirds of synthetic B's steps are on such
// benchmarks).
inline constexpr int kNoisyMinNights = 20;
inline constexpr double kNoisyShare = 0.05;

// Whether `t` (a benchmark's thresholds) silences warnings of `kind`.
bool silences(const Thresholds& t, WarningKind kind);

// "constant, implausible_change, ... or too_few_samples": what silence_warnings takes.
std::string warning_kind_list();

// The warnings of one benchmark's nights, minus the kinds its policy silences
// (thresholds.json: "overrides": {"glob": {"silence_warnings": ["constant"]}}).
std::vector<MeasurementWarning> measurement_warnings(const BenchmarkNights& nights, const Policy& policy);

// too_noisy, from compare_nights' results (their noise basis), minus the
// benchmarks whose policy silences it.
std::vector<MeasurementWarning> noise_warnings(const std::vector<MetricResult>& results, const Policy& policy);

}  // namespace perfwatch
