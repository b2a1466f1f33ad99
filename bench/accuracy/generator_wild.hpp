#pragma once
// A second synthetic family, written anew with noise shapes the first never
// makes: heavy-tailed nights (Student t with 2 df), two-level benchmarks,
// one-night spikes, a tail whose weight changes from night to night, 1-5
// samples a night for a third of the benchmarks, and peak memory that jumps.
// Steps are labelled by their true effect on p95 (or the median throughput,
// or memory), measured on 20,000 noiseless samples: must-catch when at least
// +25 % (p95, memory +30 %) or -20 % (throughput).
#include <cstdint>

#include "accuracy/corpus.hpp"

namespace perfwatch::accuracy {

Corpus generate_wild(int benchmarks, int nights, std::uint64_t seed);

}  // namespace perfwatch::accuracy
