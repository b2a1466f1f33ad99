#pragma once
// How often the ratio's 95 % interval holds the true ratio, on the labelled
// synthetic history: perfwatch's interval beside a night-level bootstrap.
#include <vector>

#include "accuracy/generator.hpp"
#include "detect/verdict.hpp"

namespace perfwatch::accuracy {

// compare's results for every night (index: the night; empty before the
// first full window).
using NightlyResults = std::vector<std::vector<MetricResult>>;

void print_interval_coverage(const std::vector<SyntheticBenchmark>& history, const NightlyResults& results,
                             int window);

}  // namespace perfwatch::accuracy
