#include "detect/memory_growth.hpp"

#include <vector>

#include "stats/quantile.hpp"
#include "stats/trend.hpp"

namespace perfwatch {

bool resolved(double low_bytes_per_hour, double seconds) {
  return low_bytes_per_hour * seconds / 3600 >= kMinResolvedGrowthBytes;
}

std::optional<MemoryGrowth> memory_growth(const MemorySeries& series) {
  const size_t n = std::min(series.seconds.size(), series.bytes.size());
  if (n == 0) return std::nullopt;
  const double warm = series.seconds[0] + kWarmupShare * (series.seconds[n - 1] - series.seconds[0]);
  size_t first = 0;
  while (first < n && series.seconds[first] < warm) ++first;
  const size_t kept = n - first;
  if (kept < static_cast<size_t>(kMinGrowthSamples)) return std::nullopt;
  std::vector<double> times, bytes;
  for (int s = 0; s < kGrowthSegments; ++s) {
    const size_t from = first + kept * static_cast<size_t>(s) / kGrowthSegments;
    const size_t to = first + kept * static_cast<size_t>(s + 1) / kGrowthSegments;
    const std::vector<double> t(series.seconds.begin() + static_cast<std::ptrdiff_t>(from),
                                series.seconds.begin() + static_cast<std::ptrdiff_t>(to));
    const std::vector<double> b(series.bytes.begin() + static_cast<std::ptrdiff_t>(from),
                                series.bytes.begin() + static_cast<std::ptrdiff_t>(to));
    times.push_back(stats::quantile(t, 0.5));
    bytes.push_back(stats::quantile(b, 0.5));
  }
  const stats::SenSlope slope = stats::sen_slope(times, bytes);
  MemoryGrowth g;
  g.bytes_per_hour = slope.slope * 3600;
  g.low = slope.low * 3600;
  g.high = slope.high * 3600;
  g.p_value = stats::kendall_increasing_p(times, bytes);
  g.seconds = series.seconds[n - 1] - series.seconds[first];
  return g;
}

}  // namespace perfwatch
