#pragma once
// Seeded generators of nightly benchmark results for detection tests.
#include <cmath>
#include <random>

#include "model/result.hpp"

namespace perfwatch::testing {

// `n` log-normal latencies (sigma 0.1) around `level`, the whole night shifted by `shift`.
inline BenchmarkResult latency_night(const std::string& name, double level, int n, std::mt19937_64& rng,
                                     double shift = 1.0) {
  std::normal_distribution<double> z(0, 0.1);
  BenchmarkResult b;
  b.name = name;
  b.latency = Series{"ns", {}};
  for (int i = 0; i < n; ++i) b.latency->values.push_back(level * shift * std::exp(z(rng)));
  return b;
}

// A night shift of +-2 %, shared by all of a night's samples.
inline double night_shift(std::mt19937_64& rng) { return std::uniform_real_distribution<double>(0.98, 1.02)(rng); }

}  // namespace perfwatch::testing
