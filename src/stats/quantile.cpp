#include "stats/quantile.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>

#include <boost/math/special_functions/beta.hpp>

namespace perfwatch::stats {

double quantile_sorted(std::span<const double> sorted, double q) {
  if (sorted.empty()) return std::numeric_limits<double>::quiet_NaN();
  const double h = (static_cast<double>(sorted.size()) - 1) * std::clamp(q, 0.0, 1.0);
  const size_t lo = static_cast<size_t>(std::floor(h));
  const size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

double quantile(std::span<const double> values, double q) {
  std::vector<double> sorted(values.begin(), values.end());
  std::sort(sorted.begin(), sorted.end());
  return quantile_sorted(sorted, q);
}

namespace {

double median_in_place(std::span<double> v) {
  const size_t mid = (v.size() - 1) / 2;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid), v.end());
  if (v.size() % 2 == 1) return v[mid];
  // Even: type 7 halfway between the two middle values.
  const double lower = v[mid];
  return lower + 0.5 * (*std::min_element(v.begin() + static_cast<std::ptrdiff_t>(mid) + 1, v.end()) - lower);
}

}  // namespace

double median(std::span<const double> values) {
  if (values.empty()) return std::numeric_limits<double>::quiet_NaN();
  // Most calls are a week of nights: no allocation for those.
  if (values.size() <= 32) {
    double copy[32];
    std::copy(values.begin(), values.end(), copy);
    return median_in_place(std::span<double>(copy, values.size()));
  }
  std::vector<double> v(values.begin(), values.end());
  return median_in_place(v);
}

Summary summarize(std::span<const double> values) {
  Summary s;
  s.n = values.size();
  if (values.empty()) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    s.mean = s.p50 = s.p95 = s.p99 = s.p999 = s.min = s.max = nan;
    return s;
  }
  std::vector<double> sorted(values.begin(), values.end());
  std::sort(sorted.begin(), sorted.end());
  s.mean = std::accumulate(sorted.begin(), sorted.end(), 0.0) / static_cast<double>(s.n);
  s.p50 = quantile_sorted(sorted, 0.50);
  s.p95 = quantile_sorted(sorted, 0.95);
  s.p99 = quantile_sorted(sorted, 0.99);
  s.p999 = quantile_sorted(sorted, 0.999);
  s.min = sorted.front();
  s.max = sorted.back();
  return s;
}

}  // namespace perfwatch::stats

namespace perfwatch::stats {

namespace {

// The weights depend on n and q alone, and a suite's nights mostly share a
// sample count: computed once each (ibeta is the expensive part).
const std::vector<double>& harrell_davis_weights(size_t n, double q) {
  thread_local std::map<std::pair<size_t, double>, std::vector<double>> cache;
  auto it = cache.find({n, q});
  if (it != cache.end()) return it->second;
  if (cache.size() > 4096) cache.clear();
  const double a = (static_cast<double>(n) + 1) * q, b = (static_cast<double>(n) + 1) * (1 - q);
  std::vector<double> weights(n);
  double previous = 0;
  for (size_t i = 1; i <= n; ++i) {
    const double cdf = i == n ? 1.0 : boost::math::ibeta(a, b, static_cast<double>(i) / static_cast<double>(n));
    weights[i - 1] = cdf - previous;
    previous = cdf;
  }
  return cache.emplace(std::make_pair(n, q), std::move(weights)).first->second;
}

}  // namespace

HarrellDavis harrell_davis(std::span<const double> sorted, double q) {
  const size_t n = sorted.size();
  if (n == 0) return {NAN, NAN};
  if (n == 1) return {sorted[0], 0};
  const std::vector<double>& w = harrell_davis_weights(n, q);
  double c1 = 0, c2 = 0;
  for (size_t i = 0; i < n; ++i) {
    c1 += w[i] * sorted[i];
    c2 += w[i] * sorted[i] * sorted[i];
  }
  return {c1, std::sqrt(std::max(c2 - c1 * c1, 0.0))};
}

}  // namespace perfwatch::stats
