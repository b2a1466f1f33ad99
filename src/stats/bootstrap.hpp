#pragma once
// Bootstrap confidence intervals, seeded so that a rerun on the same data
// gives the same numbers on every machine. Conventions follow
// scipy.stats.bootstrap (percentile and BCa methods, Efron & Tibshirani 1993,
// ch. 13-14) so results can be checked against it.
#include <cstdint>
#include <functional>
#include <span>

namespace perfwatch::stats {

// A stream of pseudo-random draws from SplitMix64 (Steele, Lea & Flood 2014).
// Our own rather than <random>'s: std::uniform_int_distribution is
// implementation-defined, so the same seed would resample differently under
// another standard library.
class SeededDraws {
 public:
  explicit SeededDraws(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next();
  // Uniform in [0, n), without modulo bias. n > 0.
  size_t below(size_t n);

 private:
  std::uint64_t state_;
};

struct Interval {
  double low = 0, high = 0;
};

enum class BootstrapMethod { percentile, bca };

struct BootstrapOptions {
  int resamples = 2000;
  double level = 0.95;  // two-sided
  std::uint64_t seed = 20261123;
  BootstrapMethod method = BootstrapMethod::bca;
};

using Statistic = std::function<double(std::span<const double>)>;

// Interval for statistic(data). Fewer than two values: NaN bounds. BCa on a
// degenerate bootstrap distribution (every resample gives the same value)
// gives that value as both bounds.
Interval bootstrap_interval(std::span<const double> data, const Statistic& statistic,
                            const BootstrapOptions& options = {});

}  // namespace perfwatch::stats
