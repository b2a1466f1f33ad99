#pragma once
// The shape of a sample beyond its location and spread: skewness and excess
// kurtosis, the moment estimators scipy.stats.skew and kurtosis compute by
// default (bias=True, Fisher's definition: 0 for a normal distribution).
#include <optional>
#include <vector>

namespace perfwatch::stats {

struct Shape {
  double skewness = 0;
  double excess_kurtosis = 0;
};

// nullopt for fewer than 3 values or no spread.
std::optional<Shape> shape_of(const std::vector<double>& values);

}  // namespace perfwatch::stats
