#pragma once
// The evidence one metric of one benchmark gives tonight, before the run-wide
// steps (variance moderation across benchmarks, Benjamini-Hochberg) decide.
#include <optional>
#include <span>
#include <vector>

#include "detect/nightly.hpp"
#include "detect/verdict.hpp"
#include "stats/moderation.hpp"

namespace perfwatch {

// Tonight (or a two-night level) against k baseline nights, on the log scale.
struct Evidence {
  int k = 0;                 // baseline nights
  int current_nights = 1;    // nights averaged into `current` (1, or 2 for a sustained level)
  double centre = 0;         // median log of the baseline nights
  double effect = 0;         // log(current) - centre
  double spread2 = 0;        // robust variance of a night's log value (1.4826 MAD)^2
  double sampling = 0;       // a baseline night's own sampling variance (median over nights)
  double current_sampling = 0;
};

// The variance of a night's log value from baseline nights alone (`logs`,
// about `centre`): the larger of the robust (1.4826 MAD) and the plain one.
double night_spread2(std::span<const double> logs, double centre);

// Each of `logs` (baseline nights, oldest first) but the last against the
// others, in their spread as night_spread2 gives it (never below
// `noise_floor`, relative), signed: how far a night of a benchmark with
// baseline nights only goes when nothing changed. What the run's pool for
// such benchmarks holds (detect/population).
std::vector<double> left_out_deviations(std::span<const double> logs, double noise_floor);

// Evidence of `current` against `baseline`; nullopt when it cannot be tested
// (fewer than 2 nights, or values that are not positive).
std::optional<Evidence> gather_evidence(const std::vector<NightValue>& baseline, const NightValue& current,
                                        int current_nights = 1);

// Ratio, 95 % interval and one-sided p-value from the evidence, with the
// between-night variance moderated by `prior` (d0 = 0: none) and never below
// `noise_floor` (relative).
struct TestOutcome {
  double ratio = 1, ci_low = 1, ci_high = 1, p_value = 1;
};
TestOutcome finish_test(const Evidence& e, const stats::VariancePrior& prior, double noise_floor);

}  // namespace perfwatch
