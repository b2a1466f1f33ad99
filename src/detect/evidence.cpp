#include "detect/evidence.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "detect/population.hpp"
#include "stats/quantile.hpp"
#include "stats/tests.hpp"

namespace perfwatch {
namespace {

double median(const std::vector<double>& v) { return stats::median(v); }

}  // namespace

double night_spread2(std::span<const double> logs, double centre) {
  // Without a longer history the baseline nights are all there is: take the
  // larger of the robust spread and the plain standard deviation, so a
  // two-level benchmark (five nights low, two high) is not judged by its
  // low nights alone. Conservative, as a short history must be.
  std::vector<double> deviations;
  for (double x : logs) deviations.push_back(std::fabs(x - centre));
  const double spread = 1.4826 * median(deviations);
  const double n = static_cast<double>(logs.size());
  double sum = 0, sum2 = 0;
  for (double x : logs) sum += x;
  for (double x : logs) sum2 += (x - sum / n) * (x - sum / n);
  const double variance = sum2 / (n - 1);
  return std::max({spread * spread, variance, 1e-12});
}

std::vector<double> left_out_deviations(std::span<const double> logs, double noise_floor) {
  std::vector<double> out;
  if (logs.size() < 3) return out;
  std::vector<double> others;
  // Not the last night: it may be the first of another benchmark's fresh
  // step (tonight its second), and a fresh regression is no noise.
  for (size_t j = 0; j + 1 < logs.size(); ++j) {
    others.assign(logs.begin(), logs.end());
    others.erase(others.begin() + static_cast<std::ptrdiff_t>(j));
    const double centre = median(others);
    out.push_back(in_spreads(logs[j] - centre, std::sqrt(night_spread2(others, centre)), noise_floor));
  }
  return out;
}

std::optional<Evidence> gather_evidence(const std::vector<NightValue>& baseline, const NightValue& current,
                                        int current_nights) {
  Evidence e;
  e.k = static_cast<int>(baseline.size());
  e.current_nights = current_nights;
  if (e.k < 2 || current.value <= 0) return std::nullopt;
  std::vector<double> logs, within;
  for (const NightValue& n : baseline) {
    if (n.value <= 0) return std::nullopt;
    logs.push_back(std::log(n.value));
    within.push_back(n.log_variance);
  }
  e.centre = median(logs);
  e.effect = std::log(current.value) - e.centre;
  e.spread2 = night_spread2(logs, e.centre);
  e.sampling = median(within);
  e.current_sampling = current.log_variance;
  return e;
}

TestOutcome finish_test(const Evidence& e, const stats::VariancePrior& prior, double noise_floor) {
  const double d = e.k - 1;
  const double centre_factor = std::numbers::pi / (2 * e.k);  // variance of a median of k, relative to one value
  // A night's spread = between-night variance (tau^2) + its own sampling noise.
  const double spread2 = stats::moderated_variance(e.spread2, d, prior);
  const double between_df = std::min(d + prior.d0, 1000.0);
  const double tau2 = std::max(spread2 - e.sampling, 0.0);
  // The two parts of the variance of (current - centre), combined with Welch-Satterthwaite:
  // between-night (between_df) and sampling (hundreds of samples: 10 df a night).
  const double between = tau2 * (1.0 / e.current_nights + centre_factor);
  const double sampling = e.current_sampling + centre_factor * e.sampling;
  double variance = between + sampling;
  double df = variance * variance / (between * between / between_df + sampling * sampling / (10.0 * (e.k + 1)) + 1e-300);
  const double floor = noise_floor * noise_floor * (1.0 / e.current_nights + centre_factor);
  if (variance < floor) {
    variance = floor;
    df = d;  // the floor stands in for a spread we could not measure: stay conservative
  }
  df = std::clamp(df, d, 1000.0);
  const double scale = std::sqrt(variance);
  const double half = stats::student_t_quantile(0.975, df) * scale;
  return {std::exp(e.effect), std::exp(e.effect - half), std::exp(e.effect + half),
          stats::student_t_sf(std::fabs(e.effect / scale), df)};  // one-sided, in the change's direction
}

}  // namespace perfwatch
