#include "stats/shape.hpp"

#include <cmath>

namespace perfwatch::stats {

std::optional<Shape> shape_of(const std::vector<double>& values) {
  if (values.size() < 3) return std::nullopt;
  const double n = static_cast<double>(values.size());
  double mean = 0;
  for (double v : values) mean += v;
  mean /= n;
  double m2 = 0, m3 = 0, m4 = 0;
  for (double v : values) {
    const double d = v - mean, d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  m2 /= n;
  m3 /= n;
  m4 /= n;
  if (!(m2 > 0)) return std::nullopt;
  return Shape{m3 / std::pow(m2, 1.5), m4 / (m2 * m2) - 3};
}

}  // namespace perfwatch::stats
