#pragma once
// Steady memory growth inside one process (a leak), from its resident memory
// sampled over the run: bytes an hour, with an interval and a trend test.
//
// Allocators grow in steps and a process warms up, so the first fifth of
// the run is left out and the rest is cut into ten consecutive segments,
// each reduced to its median time and median bytes. Sen's slope over those
// ten points is the growth; Kendall's test on them says whether memory kept
// rising. Segment medians, not raw samples, because consecutive samples are
// not independent: over raw samples any wobble would look certain. Steady
// growth orders all ten segments (p = 1/10! = 2.8e-7); a single step
// mid-run orders them only as two groups (p about 0.006), which the run's
// Benjamini-Hochberg rarely lets through: a known limit, not a guarantee.
#include <optional>

#include "model/result.hpp"

namespace perfwatch {

inline constexpr double kWarmupShare = 0.2;
inline constexpr int kGrowthSegments = 10;
inline constexpr int kMinGrowthSamples = 20;  // after warm-up, two a segment
// Growth of less than this over the measured stretch is below what resident
// memory resolves (the same 4 MiB floor as the peak's: allocator and loader
// pages move that much on their own), whatever rate it extrapolates to: the
// demo's service, without a leak, rose 0.6 MB in 2.4 s: "889 MB/h". So a 2 MB/h leak needs a run of
// about two hours to be seen, and a short run's growth never alerts.
inline constexpr double kMinResolvedGrowthBytes = 4.0 * 1024 * 1024;

struct MemoryGrowth {
  double bytes_per_hour = 0;
  double low = 0, high = 0;  // 95 % interval (Sen), bytes an hour
  double p_value = 1;        // one-sided: memory rose through the run
  double seconds = 0;        // the stretch the slope rests on (after warm-up)
};

// The growth over `seconds` at the interval's low end clears kMinResolvedGrowthBytes.
bool resolved(double low_bytes_per_hour, double seconds);

// nullopt when the series has fewer than kMinGrowthSamples after warm-up.
std::optional<MemoryGrowth> memory_growth(const MemorySeries& series);

}  // namespace perfwatch
