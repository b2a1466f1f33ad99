#pragma once
#include <cmath>
#include <random>
#include <string>

namespace perfwatch::testing {

// One night's latency samples as a JSON number list: 80 log-normal values
// around `level`, the whole night shifted by up to +-2 % (as CI nights move).
inline std::string night_samples(std::mt19937_64& rng, double level) {
  std::lognormal_distribution<double> latency(std::log(level), 0.1);
  const double shift = std::uniform_real_distribution<double>(0.98, 1.02)(rng);
  std::string out;
  for (int i = 0; i < 80; ++i) out += (i ? "," : "") + std::to_string(latency(rng) * shift);
  return out;
}

}  // namespace perfwatch::testing
