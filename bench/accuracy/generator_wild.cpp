#include "accuracy/generator_wild.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <random>

#include "stats/quantile.hpp"

namespace perfwatch::accuracy {
namespace {

using Rng = std::mt19937_64;

double uniform(Rng& rng, double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); }
bool chance(Rng& rng, double p) { return uniform(rng, 0, 1) < p; }

enum class Kind { latency, throughput, service };

struct Profile {
  Kind kind = Kind::latency;
  int min_samples = 30, max_samples = 200;
  double sigma = 0.1;          // log spread within a night
  double night_scale = 0.02;   // scale of the t(2) night shift
  double second_level = 1;     // > 1: two-level benchmark, this much higher on some nights
  double high_share = 0;       // share of nights at the second level
  double spike_rate = 0;       // one-night excursions of x1.5 to x3
  double tail_weight = 0.03;   // mean share of slow outliers (varies by night)
  double level = 1;
};

// The change a step makes from its night on.
struct Effect {
  double body = 1;             // every sample
  double slow_share = 0;       // extra share of samples this much slower:
  double slow_factor = 1;
  double throughput = 1, memory = 1;
};

double sample(Rng& rng, const Profile& p, double night_factor, double tail_weight, const Effect& e) {
  double v = std::exp(std::normal_distribution<double>(0, p.sigma)(rng));
  if (chance(rng, tail_weight)) v *= std::pow(1 - uniform(rng, 0, 1), -1.0 / 2.5);  // Pareto(2.5) outliers
  if (chance(rng, e.slow_share)) v *= e.slow_factor;
  return p.level * night_factor * e.body * v;
}

// The step's true p95 ratio, from 20,000 samples of a quiet night each way.
double true_p95_ratio(Rng& rng, const Profile& p, const Effect& e) {
  std::vector<double> before, after;
  for (int i = 0; i < 20000; ++i) {
    before.push_back(sample(rng, p, 1, p.tail_weight, Effect{}));
    after.push_back(sample(rng, p, 1, p.tail_weight, e));
  }
  return stats::quantile(after, 0.95) / stats::quantile(before, 0.95);
}

Profile random_profile(Rng& rng, int index) {
  Profile p;
  const int k = index % 10;
  p.kind = k < 6 ? Kind::latency : k < 8 ? Kind::throughput : Kind::service;
  if (chance(rng, 1.0 / 3)) p.min_samples = 1, p.max_samples = 5;
  p.sigma = uniform(rng, 0.03, 0.35);
  p.night_scale = uniform(rng, 0.005, 0.03);
  if (chance(rng, 0.25)) p.second_level = uniform(rng, 1.3, 1.7), p.high_share = uniform(rng, 0.15, 0.5);
  if (chance(rng, 0.3)) p.spike_rate = uniform(rng, 0.01, 0.05);
  p.tail_weight = uniform(rng, 0.0, 0.08);
  p.level = std::exp(uniform(rng, std::log(20.0), std::log(2e6)));
  return p;
}

// One run: the machine's shift and spikes are drawn here; `build_level`
// gives the build's level (a two-level benchmark's: 1 or second_level),
// drawn after the shift as the corpus always drew it.
BenchmarkResult measure(Rng& rng, const Profile& p, const std::string& name, const Effect& e,
                        const std::function<double(Rng&)>& build_level) {
  double factor = std::exp(p.night_scale * std::student_t_distribution<double>(2)(rng));
  factor *= build_level(rng);
  if (chance(rng, p.spike_rate)) factor *= uniform(rng, 1.5, 3.0);
  const double tail_weight = std::min(0.5, p.tail_weight * std::exp(std::normal_distribution<double>(0, 0.7)(rng)));
  const int n = std::uniform_int_distribution<int>(p.min_samples, p.max_samples)(rng);
  BenchmarkResult b;
  b.name = name;
  if (p.kind == Kind::latency) {
    b.latency = Series{"ns", {}};
    for (int i = 0; i < n; ++i) b.latency->values.push_back(sample(rng, p, factor, tail_weight, e));
    return b;
  }
  b.throughput = Series{"ops/s", {}};
  for (int i = 0; i < std::min(n, 10); ++i) {
    const double v = sample(rng, p, factor, tail_weight, Effect{});
    b.throughput->values.push_back(p.level * p.level / v * e.throughput);  // slower operations, fewer a second
  }
  if (p.kind == Kind::service) {
    double memory = 300e6 * e.memory * std::exp(std::normal_distribution<double>(0, 0.02)(rng));
    if (chance(rng, 0.02)) memory *= uniform(rng, 1.3, 2.0);  // a night the allocator kept more
    b.peak_rss_bytes = static_cast<std::int64_t>(memory);
  }
  return b;
}

// A step for `p`, its kind and whether it must be caught.
struct Planned {
  Effect effect;
  std::string kind;
  bool must_catch = false;
  bool harmless = false;  // below every threshold: an alert after it is a false alarm
};

Planned random_step(Rng& rng, const Profile& p) {
  Planned s;
  const double u = uniform(rng, 0, 1);
  s.harmless = true;
  if (u < 0.15) { s.effect.body = 1.05; s.kind = "harmless +5 %"; return s; }
  if (u < 0.25) { s.effect.body = 0.7; s.effect.throughput = 1.4; s.kind = "improvement"; return s; }
  s.harmless = false;
  if (p.kind == Kind::latency) {
    if (chance(rng, 0.5)) {
      s.effect.body = uniform(rng, 1.3, 2.4);
      s.kind = "latency shift";
    } else {
      s.effect.slow_share = uniform(rng, 0.08, 0.3);
      s.effect.slow_factor = uniform(rng, 2.0, 4.0);
      s.kind = "slow tail";
    }
    const double ratio = true_p95_ratio(rng, p, s.effect);
    s.must_catch = ratio >= 1.25;
    s.harmless = ratio < 1.15;
  } else if (p.kind == Kind::service && chance(rng, 0.5)) {
    s.effect.memory = uniform(rng, 1.4, 2.0);
    s.kind = "memory growth";
    s.must_catch = true;
  } else {
    s.effect.throughput = uniform(rng, 0.5, 0.78);
    s.kind = "throughput drop";
    s.must_catch = true;
  }
  return s;
}

}  // namespace

Corpus generate_wild(int benchmarks, int nights, std::uint64_t seed) {
  Rng rng(seed);
  Corpus c;
  c.name = "synthetic B (wild), seed " + std::to_string(seed);
  c.source = "bench/accuracy/generator_wild.cpp";
  for (int b = 0; b < benchmarks; ++b) {
    const Profile p = random_profile(rng, b);
    Labelled l;
    l.name = "wild/" + std::to_string(b);
    const bool steps = chance(rng, 0.6);
    const Planned step = steps ? random_step(rng, p) : Planned{};
    const int at = steps ? static_cast<int>(uniform(rng, 12, nights - 2)) : nights;
    std::vector<double> levels;  // each night's build level
    auto draw_level = [&](Rng& r) { return levels.emplace_back(chance(r, p.high_share) ? p.second_level : 1.0); };
    for (int n = 0; n < nights; ++n) {
      l.nights.push_back(measure(rng, p, l.name, n >= at ? step.effect : Effect{}, draw_level));
      l.clean.push_back(n < at || !steps || step.harmless);
    }
    // A rerun builds the night's commit again: its level and step stay, the machine's noise is new.
    l.rerun = [p, name = l.name, levels, at, effect = step.effect](int commit_night, std::uint64_t seed) {
      Rng again(seed);
      const double level = levels[static_cast<size_t>(commit_night)];
      return measure(again, p, name, commit_night >= at ? effect : Effect{}, [level](Rng&) { return level; });
    };
    if (steps && step.must_catch) l.steps.push_back({at, step.kind});
    c.benchmarks.push_back(std::move(l));
  }
  return c;
}

}  // namespace perfwatch::accuracy
