#include "accuracy/generator.hpp"

#include <algorithm>
#include <cmath>
#include <random>

namespace perfwatch::accuracy {
namespace {

enum class Shape { latency, latency_aggregate, throughput, service };

struct Profile {
  Shape shape;
  int samples;          // a night's latency samples
  double sigma;         // log-normal spread within a night
  double night_sigma;   // log spread of the shared night shift
  double level;
};

using Rng = std::mt19937_64;

double uniform(Rng& rng, double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); }

double latency_sample(Rng& rng, const Profile& p, double factor) { return p.level * latency_shape(rng, p.sigma) * factor; }

// Multipliers that the step applies from its night on.
struct Effect {
  double body = 1, tail_share = 0, tail_factor = 1, throughput = 1, error_rate = 0.005, memory = 1;
};

Effect effect_of(Step step) {
  Effect e;
  switch (step) {
    // 15 % of operations 2.5x slower: the p95 lies well inside the slow group
    // (x1.8 or more), the p50 does not move.
    case Step::p95_tail: e.tail_share = 0.15; e.tail_factor = 2.5; break;
    case Step::p95_body: e.body = 1.45; break;
    case Step::throughput_drop: e.throughput = 0.70; break;
    case Step::error_jump: e.error_rate = 0.10; break;
    case Step::memory_growth: e.memory = 1.50; break;
    case Step::harmless_drift: e.body = 1.08; e.throughput = 0.95; e.memory = 1.10; break;
    case Step::improvement: e.body = 0.70; e.throughput = 1.40; break;
    case Step::none: break;
  }
  return e;
}

BenchmarkResult night(Rng& rng, const Profile& p, const std::string& name, const Effect& e) {
  const double shift = std::exp(std::normal_distribution<double>(0, p.night_sigma)(rng));
  BenchmarkResult b;
  b.name = name;
  if (p.shape == Shape::latency || p.shape == Shape::latency_aggregate) {
    std::vector<double> samples;
    for (int i = 0; i < p.samples; ++i) {
      const double tail = uniform(rng, 0, 1) < e.tail_share ? e.tail_factor : 1.0;
      samples.push_back(latency_sample(rng, p, shift * e.body * tail));
    }
    if (p.shape == Shape::latency_aggregate) {  // one summary value a night: its median
      std::nth_element(samples.begin(), samples.begin() + static_cast<long>(samples.size() / 2), samples.end());
      samples = {samples[samples.size() / 2]};
    }
    b.latency = Series{"ns", samples};
    return b;
  }
  b.throughput = Series{"req/s", {}};
  for (int i = 0; i < 10; ++i) {
    b.throughput->values.push_back(p.level * shift * e.throughput * std::exp(std::normal_distribution<double>(0, 0.03)(rng)));
  }
  if (p.shape == Shape::service) {
    const std::int64_t requests = 2000;
    b.requests = requests;
    b.errors = std::binomial_distribution<std::int64_t>(requests, e.error_rate)(rng);
    b.peak_rss_bytes = static_cast<std::int64_t>(200e6 * e.memory * std::exp(std::normal_distribution<double>(0, 0.01)(rng)));
  }
  return b;
}

Profile random_profile(Rng& rng, int index) {
  const int kind = index % 10;
  Profile p;
  p.shape = kind < 5 ? Shape::latency : kind < 7 ? Shape::latency_aggregate : kind < 9 ? Shape::throughput : Shape::service;
  p.samples = static_cast<int>(uniform(rng, 30, 201));
  p.sigma = uniform(rng, 0.05, 0.30);
  p.night_sigma = uniform(rng, 0.01, 0.03);
  p.level = std::exp(uniform(rng, std::log(50.0), std::log(5e6)));
  return p;
}

Step random_step(Rng& rng, Shape shape) {
  if (uniform(rng, 0, 1) < 0.4) return Step::none;
  std::vector<Step> steps = {Step::harmless_drift, Step::improvement};
  if (shape == Shape::latency) steps.insert(steps.end(), {Step::p95_tail, Step::p95_body, Step::p95_body});
  if (shape == Shape::latency_aggregate) steps.insert(steps.end(), {Step::p95_body, Step::p95_body});
  if (shape == Shape::throughput) steps.insert(steps.end(), {Step::throughput_drop, Step::throughput_drop});
  if (shape == Shape::service) steps.insert(steps.end(), {Step::throughput_drop, Step::error_jump, Step::memory_growth});
  return steps[std::uniform_int_distribution<size_t>(0, steps.size() - 1)(rng)];
}

}  // namespace

double latency_shape(std::mt19937_64& rng, double sigma) {
  double v = std::exp(std::normal_distribution<double>(0, sigma)(rng));
  if (uniform(rng, 0, 1) < 0.02) v *= std::pow(1 - uniform(rng, 0, 1), -1.0 / 3.0);  // Pareto(alpha = 3)
  return v;
}

const char* to_string(Step s) {
  switch (s) {
    case Step::none: return "none";
    case Step::p95_tail: return "p95 tail x1.8";
    case Step::p95_body: return "latency body x1.45";
    case Step::throughput_drop: return "throughput x0.70";
    case Step::error_jump: return "errors +9.5 pts";
    case Step::memory_growth: return "memory x1.5";
    case Step::harmless_drift: return "harmless drift";
    case Step::improvement: return "improvement";
  }
  return "?";
}

bool must_alert(Step s) {
  return s == Step::p95_tail || s == Step::p95_body || s == Step::throughput_drop || s == Step::error_jump ||
         s == Step::memory_growth;
}

std::vector<SyntheticBenchmark> generate_history(int benchmarks, int nights, std::uint64_t seed) {
  Rng rng(seed);
  std::vector<SyntheticBenchmark> out;
  for (int b = 0; b < benchmarks; ++b) {
    const Profile profile = random_profile(rng, b);
    SyntheticBenchmark s;
    s.name = "bench/" + std::to_string(b);
    s.step = random_step(rng, profile.shape);
    s.step_night = s.step == Step::none ? -1 : static_cast<int>(uniform(rng, 12, nights - 2));
    for (int n = 0; n < nights; ++n) {
      const bool stepped = s.step != Step::none && n >= s.step_night;
      s.nights.push_back(night(rng, profile, s.name, effect_of(stepped ? s.step : Step::none)));
    }
    // A rerun is another night of the same commit: a fresh night shift, the commit's step or none.
    s.rerun = [profile, name = s.name, step = s.step, at = s.step_night](int commit_night, std::uint64_t seed) {
      Rng again(seed);
      const bool stepped = step != Step::none && commit_night >= at;
      return night(again, profile, name, effect_of(stepped ? step : Step::none));
    };
    out.push_back(std::move(s));
  }
  return out;
}

Corpus generate_corpus(int benchmarks, int nights, std::uint64_t seed) {
  Corpus c;
  c.name = "synthetic A, seed " + std::to_string(seed);
  c.source = "bench/accuracy/generator.cpp";
  for (SyntheticBenchmark& s : generate_history(benchmarks, nights, seed)) {
    Labelled l;
    l.name = s.name;
    const bool regresses = must_alert(s.step);
    for (int t = 0; t < nights; ++t) l.clean.push_back(!regresses || t < s.step_night);
    if (regresses) l.steps.push_back({s.step_night, to_string(s.step)});
    l.nights = std::move(s.nights);
    l.rerun = std::move(s.rerun);
    c.benchmarks.push_back(std::move(l));
  }
  return c;
}

}  // namespace perfwatch::accuracy
