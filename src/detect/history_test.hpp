#pragma once
// One metric of one benchmark judged by its own history (noise_model.hpp):
// the evidence tonight gives, then its p-value and interval.
#include <optional>
#include <vector>

#include "detect/noise_model.hpp"
#include "detect/verdict.hpp"

namespace perfwatch {

struct HistoryEvidence {
  NoiseModel model;                   // past deviations in the direction tonight moved
  int direction = 1;                  // +1: tonight is higher than the baseline centre
  double change = 0;                  // log tonight - median log of the baseline nights
  // The lesser of last night's and tonight's deviations the way tonight
  // moved (against the nights before them), when both moved that way.
  std::optional<double> pair_worse;
  double limit = 0;                   // the size threshold (log)
  // How often the regime's nights were already at tonight's level (and the
  // pair's): a level the benchmark keeps returning to, such as a two-level
  // benchmark's upper one, is no news however far it is from the centre.
  Seen seen;
  double returns_to = 0;  // returned_level of the same nights
  // The replayed deviations of the nights before the baseline window, which
  // the run's pool takes: a step inside the window is never cut from the
  // model, and another benchmark's fresh regression is no noise.
  std::vector<double> settled;
};

// `series`: log values of the history then the baseline nights (the last
// `k`), oldest first; `tonight` and `limit` (the threshold) as logs.
// nullopt when the history is too short for a model.
std::optional<HistoryEvidence> history_evidence(const std::vector<double>& series, size_t k, double tonight,
                                                double limit, int window, int min_baseline_nights);

// The history's past nights beyond its threshold `way` (+1 up, -1 down),
// whichever way tonight moved.
int excursions_toward(const HistoryEvidence& h, int way);

// The history's past deviations `way` (+1 up, -1 down) that exactly
// `beyond` past nights went further than: the (beyond + 1)-th largest.
// 0 when there are no more than `beyond` past nights.
double deviation_beyond(const HistoryEvidence& h, int way, int beyond);

// Nights in a row past `limit` the way tonight moved (0, 1 or 2).
int nights_in_row(const std::vector<double>& series, size_t k, double tonight, double limit);

struct HistoryOutcome {
  double ratio = 1, ci_low = 1, ci_high = 1, p_value = 1;
  bool two_night = false;  // two nights in a row decided
  // Tonight alone against the benchmark's own history: neither held back by
  // past excursions nor raised by the run's pool (p_value is both).
  double night_p = 1;
  NoiseBasis noise;
};

// The rank of tonight's deviation among the history's (one night, and two
// in a row when they apply), the interval from their 2.5 % and 97.5 % points.
// `pooled`: the share of the run's pooled past nights (detect/population)
// at least as far out as tonight, in their own spreads; tonight's p is at
// least that.
HistoryOutcome finish_history_test(const HistoryEvidence& h, double noise_floor, double pooled = 0);

// Tonight's deviation and the settled nights' (before the baseline window),
// in units of the history's spread (never below the noise floor): what the
// run's pool compares.
double standardized_tonight(const HistoryEvidence& h, double noise_floor);
std::vector<double> standardized_past(const HistoryEvidence& h, double noise_floor);

}  // namespace perfwatch
