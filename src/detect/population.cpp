#include "detect/population.hpp"

#include <algorithm>
#include <cmath>

namespace perfwatch {

double in_spreads(double deviation, double spread, double noise_floor) {
  return deviation / std::max(spread, std::log1p(noise_floor));
}

DeviationPool pool_deviations(std::vector<double> deviations) {
  DeviationPool pool;
  pool.nights = deviations.size();
  if (deviations.empty()) return pool;
  // A selection, then a sort of the top only: 1,000 benchmarks x 90 nights
  // are pooled for every metric of every compare.
  const size_t kept = std::max<size_t>(1, static_cast<size_t>(std::ceil(kPoolKept * static_cast<double>(pool.nights))));
  const auto cut = deviations.end() - static_cast<std::ptrdiff_t>(kept);
  std::nth_element(deviations.begin(), cut, deviations.end());
  pool.top.assign(cut, deviations.end());
  std::sort(pool.top.begin(), pool.top.end());
  return pool;
}

double pooled_share(const DeviationPool& pool, double z) {
  if (pool.top.empty()) return 0;
  const auto reached = static_cast<double>(pool.top.end() - std::lower_bound(pool.top.begin(), pool.top.end(), z));
  return reached / (static_cast<double>(pool.nights) + 1);
}

}  // namespace perfwatch
