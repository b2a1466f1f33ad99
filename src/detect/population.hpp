#pragma once
// How far the nights of all of tonight's benchmarks went, each in its own
// usual spread: what a benchmark's own 90 nights cannot say.
//
// A very stable benchmark with no spike in its history earns a light tail
// (noise_model's Student t), so its first one-build spike reads as near
// certain, though the run's other benchmarks show such spikes every few
// hundred nights (SAP HANA's CI data: most of its false alarms). Pooling the
// replayed deviations of every benchmark judged by its history, in units of
// each one's spread, tells how often a night of this project goes that far.
// Only nights before each one's baseline window are pooled: a step inside
// the window is not yet cut from its model, and a fresh regression is no noise.
// A tonight's p-value is then at least that share. Beyond every pooled night
// the pool says nothing and the benchmark's own tail decides.
#include <map>
#include <span>
#include <utility>
#include <vector>

#include "detect/verdict.hpp"

namespace perfwatch {

// The farthest deviations of one metric, one direction, over the run's benchmarks.
struct DeviationPool {
  size_t nights = 0;         // pooled nights in all
  std::vector<double> top;   // the largest standardized deviations, sorted (kPoolKept of them)
};

// Only shares under this matter (a p-value of 1 % is never significant after
// Benjamini-Hochberg): the pool keeps its top kPoolKept and below them says
// "at least kPoolKept".
inline constexpr double kPoolKept = 0.01;

// A pool applies from this many nights on: a smaller one cannot say a share
// as small as alpha (1 %), and one odd night of another benchmark (a
// process's cold first run) would hold back every step of a small project.
// Such a run's benchmarks keep their own test.
inline constexpr size_t kMinPooledNights = 100;

// A deviation (log) in units of its benchmark's usual spread, never below
// the noise floor (relative): how far out a night is, comparable across
// benchmarks.
double in_spreads(double deviation, double spread, double noise_floor);

// `deviations`: every pooled night's deviation over its benchmark's spread.
DeviationPool pool_deviations(std::vector<double> deviations);

// The share of pooled nights at least `z` spreads out (at least kPoolKept when
// `z` is below the kept top); 0 beyond every one of them.
double pooled_share(const DeviationPool& pool, double z);

// Pools of one run, by metric and direction (+1: tonight moved up).
using DeviationPools = std::map<std::pair<Metric, int>, DeviationPool>;

}  // namespace perfwatch
