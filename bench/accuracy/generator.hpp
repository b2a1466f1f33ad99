#pragma once
// Labelled nightly histories with realistic CI noise, for scoring detectors.
//
// Noise: heavy-tailed latencies (log-normal body, 2 % Pareto outliers), a
// night-to-night shift of a few percent shared by all of a night's samples,
// 30-200 samples a night, and some benchmarks with one value a night.
// Labels: at most one step per benchmark, persisting from `step_night` on.
#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "accuracy/corpus.hpp"
#include "model/result.hpp"

namespace perfwatch::accuracy {

enum class Step { none, p95_tail, p95_body, throughput_drop, error_jump, memory_growth, harmless_drift, improvement };

const char* to_string(Step s);
// True for steps clearly past a threshold that a detector must catch.
bool must_alert(Step s);

struct SyntheticBenchmark {
  std::string name;
  Step step = Step::none;
  int step_night = -1;
  std::vector<BenchmarkResult> nights;
  std::function<BenchmarkResult(int commit_night, std::uint64_t seed)> rerun;  // as Labelled::rerun
};

std::vector<SyntheticBenchmark> generate_history(int benchmarks, int nights, std::uint64_t seed);

// The same history as a labelled corpus ("synthetic A").
Corpus generate_corpus(int benchmarks, int nights, std::uint64_t seed);

// One latency sample of the generator's shape at level 1: log-normal body of
// log spread `sigma`, and 2 % outliers with a Pareto tail.
double latency_shape(std::mt19937_64& rng, double sigma);

}  // namespace perfwatch::accuracy
