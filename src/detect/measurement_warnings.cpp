#include "detect/measurement_warnings.hpp"

#include "model/units.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "stats/quantile.hpp"
#include "stats/shape.hpp"

namespace perfwatch {
namespace {

constexpr WarningKind kKinds[] = {WarningKind::constant, WarningKind::implausible_change, WarningKind::below_resolution,
                                  WarningKind::synthetic_shape, WarningKind::too_few_samples, WarningKind::reported_twice,
                                  WarningKind::too_noisy};

const std::vector<double>* latency_of(const BenchmarkResult& r) {
  return r.latency && !r.latency->values.empty() && !r.failure ? &r.latency->values : nullptr;
}

double median_of(const std::vector<double>& v) { return stats::median(v); }

std::optional<std::string> constant(const BenchmarkNights& n, const std::vector<double>& tonight) {
  const auto [lo, hi] = std::minmax_element(tonight.begin(), tonight.end());
  if (tonight.size() >= 5 && *lo == *hi)
    return fmt::format("zero spread in tonight's {} samples: looks hard-coded", tonight.size());
  // The same samples three nights in a row (tonight and the last two).
  if (n.baseline.size() < 2) return std::nullopt;
  for (size_t back = 1; back <= 2; ++back) {
    const std::vector<double>* past = latency_of(n.baseline[n.baseline.size() - back]);
    if (!past || *past != tonight) return std::nullopt;
  }
  return tonight.size() == 1 ? std::string("the same single value 3 nights in a row: looks hard-coded")
                             : std::string("the same samples 3 nights in a row: looks hard-coded");
}

std::optional<std::string> implausible(const BenchmarkNights& n, const std::vector<double>& tonight) {
  std::vector<double> medians;
  for (const BenchmarkResult& b : n.baseline)
    if (const auto* v = latency_of(b)) medians.push_back(median_of(*v));
  if (medians.empty()) return std::nullopt;
  const double baseline = median_of(medians), now = median_of(tonight);
  if (!(baseline > 0) || !(now > 0)) return std::nullopt;
  if (now * kImplausibleFactor < baseline)
    return fmt::format("{:.1f}x faster than the baseline in one night: optimised away, or a unit mix-up?", baseline / now);
  if (now > baseline * kImplausibleFactor)
    return fmt::format("{:.1f}x slower than the baseline in one night: a unit mix-up, or another workload?", now / baseline);
  return std::nullopt;
}

// Symmetric, normal-tailed and wide over many nights: drawn from a normal
// distribution (random.gauss(500, 100)), not timed. Each night is
// standardised by its own mean and deviation, so levels that move between
// nights do not fake a shape; the pooled sample then has about 0 skewness and
// 0 excess kurtosis, where real latencies are right-skewed.
// A night's standard deviation over its mean (0 without a spread or a positive mean).
double relative_spread(const std::vector<double>& v, double& mean) {
  double sum = 0, ss = 0;
  for (double x : v) sum += x;
  mean = sum / static_cast<double>(v.size());
  for (double x : v) ss += (x - mean) * (x - mean);
  const double sd = std::sqrt(ss / static_cast<double>(v.size() - 1));
  return sd > 0 && mean > 0 ? sd / mean : 0;
}

std::optional<std::string> gaussian(const BenchmarkNights& n) {
  // Most benchmarks are tight: tonight's own spread (under half the minimum)
  // rules them out before any pooling.
  const std::vector<double>& tonight = *latency_of(n.current);
  double mean = 0;
  if (tonight.size() < kShapeMinSamples || relative_spread(tonight, mean) < kShapeMinSpread / 2) return std::nullopt;
  std::vector<const std::vector<double>*> nights;
  for (const BenchmarkResult& b : n.baseline)
    if (const auto* v = latency_of(b); v && v->size() >= kShapeMinSamples) nights.push_back(v);
  nights.push_back(&tonight);
  if (nights.size() < kShapeMinNights) return std::nullopt;
  std::vector<double> pooled, spreads;
  for (const std::vector<double>* v : nights) {
    const double spread = relative_spread(*v, mean);
    if (!(spread > 0)) return std::nullopt;
    spreads.push_back(spread);
    for (double x : *v) pooled.push_back((x - mean) / (spread * mean));
  }
  const double spread = median_of(spreads);
  const auto shape = stats::shape_of(pooled);
  if (spread < kShapeMinSpread || !shape || pooled.size() < kShapeMinPooled) return std::nullopt;
  // Both within two standard errors of a normal sample's (sqrt(6/n), sqrt(24/n)), and never loose.
  const double size = static_cast<double>(pooled.size());
  const double skew_bound = std::min(0.15, 2 * std::sqrt(6 / size)), kurtosis_bound = std::min(0.4, 2 * std::sqrt(24 / size));
  if (std::fabs(shape->skewness) > skew_bound || std::fabs(shape->excess_kurtosis) > kurtosis_bound) return std::nullopt;
  return fmt::format("symmetric, normal-tailed latencies over {} nights (skewness {:+.2f}, excess kurtosis {:+.2f}, "
                     "spread ±{:.0f} %): real latencies are right-skewed; simulated?",
                     nights.size(), shape->skewness, shape->excess_kurtosis, spread * 100);
}

}  // namespace

const char* to_string(WarningKind kind) {
  switch (kind) {
    case WarningKind::constant: return "constant";
    case WarningKind::implausible_change: return "implausible_change";
    case WarningKind::below_resolution: return "below_resolution";
    case WarningKind::synthetic_shape: return "synthetic_shape";
    case WarningKind::too_few_samples: return "too_few_samples";
    case WarningKind::reported_twice: return "reported_twice";
    case WarningKind::too_noisy: return "too_noisy";
  }
  return "constant";
}

std::optional<WarningKind> parse_warning_kind(const std::string& text) {
  for (WarningKind k : kKinds)
    if (text == to_string(k)) return k;
  return std::nullopt;
}

bool silences(const Thresholds& t, WarningKind kind) {
  return std::find(t.silenced.begin(), t.silenced.end(), kind) != t.silenced.end();
}

std::string warning_kind_list() {
  std::string list;
  for (size_t i = 0; i < std::size(kKinds); ++i)
    list += (i == 0 ? "" : i + 1 == std::size(kKinds) ? " or " : ", ") + std::string(to_string(kKinds[i]));
  return list;
}

std::vector<MeasurementWarning> measurement_warnings(const BenchmarkNights& n, const Policy& policy) {
  std::vector<MeasurementWarning> out;
  const std::vector<double>* tonight = latency_of(n.current);
  // A count (B/op, allocs/op) is exact by nature: the same value every run is
  // no sign of a hard-coded time, and no p95 is taken of it.
  if (!tonight || is_count_unit(n.current.latency->unit)) return out;
  const Thresholds& t = policy.for_benchmark(n.name);
  auto add = [&](WarningKind kind, const std::optional<std::string>& detail) {
    if (detail && !silences(t, kind))
      out.push_back({n.name, kind, *detail});
  };
  add(WarningKind::constant, constant(n, *tonight));
  add(WarningKind::implausible_change, implausible(n, *tonight));
  const double lowest = *std::min_element(tonight->begin(), tonight->end());
  if (n.current.latency->unit == "ns" && lowest > 0 && lowest < 1)
    add(WarningKind::below_resolution, fmt::format("a latency of {:.3g} ns: below a nanosecond per operation, which no timer resolves", lowest));
  if (lowest < 0) add(WarningKind::synthetic_shape, fmt::format("a latency below zero ({:.4g}): not a measured time", lowest));
  else add(WarningKind::synthetic_shape, gaussian(n));
  // One value a night is a measurement; two to nineteen are a sample too small for its p95.
  if (tonight->size() >= 2 && tonight->size() < kP95MinSamples)
    add(WarningKind::too_few_samples,
        fmt::format("p95 of {} samples (it needs {}): it is about their maximum", tonight->size(), kP95MinSamples));
  // A p99.9 the policy alerts on (p999_increase), asked of a night too short for one.
  else if (t.p999_increase && tonight->size() >= 2 && tonight->size() < kMinSamplesP999)
    add(WarningKind::too_few_samples, fmt::format("p99.9 of {} samples (it needs {}): this night cannot alert on it",
                                                  tonight->size(), kMinSamplesP999));
  return out;
}

std::vector<MeasurementWarning> noise_warnings(const std::vector<MetricResult>& results, const Policy& policy) {
  std::vector<MeasurementWarning> out;
  for (const MetricResult& r : results) {
    if (!r.alerting || !r.noise.from_history || r.noise.nights < kNoisyMinNights) continue;
    const double share = static_cast<double>(r.noise.worse_excursions) / r.noise.nights;
    if (share < kNoisyShare) continue;
    const Thresholds& t = policy.for_benchmark(r.benchmark);
    if (silences(t, WarningKind::too_noisy)) continue;
    // The quiet limit as the policy writes a threshold, rounded away from zero to a whole percent.
    const double guardable = higher_is_better(r.metric) ? -std::ceil((1 - std::exp(-r.noise.quiet_limit)) * 100)
                                                        : std::ceil(std::expm1(r.noise.quiet_limit) * 100);
    out.push_back({r.benchmark, WarningKind::too_noisy,
                   fmt::format("{} went past its {:+.0f} % threshold on {} of its last {} nights ({:.0f} %) and came back: "
                               "one night cannot show a regression that size. Fewer than 1 night in 20 went past "
                               "{:+.0f} %: a threshold there (an override), or more samples a night, would guard it",
                               to_string(r.metric), (regression_threshold(r.metric, t) - 1) * 100,
                               r.noise.worse_excursions, r.noise.nights, share * 100, guardable)});
  }
  return out;
}

}  // namespace perfwatch
