#pragma once
// How often the ratio's 95 % interval holds the true ratio, on the labelled
// synthetic history: perfwatch's interval beside a night-level bootstrap.
#include <vector>

#include "accuracy/generator.hpp"

namespace perfwatch::accuracy {

void print_interval_coverage(const std::vector<SyntheticBenchmark>& history, int window);

}  // namespace perfwatch::accuracy
