// The run's pool of past deviations, and compare_nights judging a quiet
// benchmark's spike by how often the run's other benchmarks went that far.
#include <doctest/doctest.h>

#include <cmath>
#include <random>

#include "detect/decide.hpp"
#include "detect/population.hpp"
#include "report/reason.hpp"

using namespace perfwatch;

namespace {

BenchmarkResult latency_night(const std::string& name, double value) {
  BenchmarkResult r;
  r.name = name;
  r.latency = Series{"ns", {value}};
  return r;
}

// 60 nights (53 of history, 7 of baseline) of `values`, then tonight.
BenchmarkNights nights_of(const std::string& name, const std::vector<double>& values, double tonight) {
  BenchmarkNights n;
  n.name = name;
  for (size_t i = 0; i < values.size(); ++i) {
    if (i + 7 < values.size()) n.history.push_back(night_values(latency_night(name, values[i])));
    else n.baseline.push_back(latency_night(name, values[i]));
  }
  n.current = latency_night(name, tonight);
  return n;
}

std::vector<double> quiet_nights(std::uint64_t seed, double sigma) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> noise(0, sigma);
  std::vector<double> v;
  for (int i = 0; i < 60; ++i) v.push_back(100 * std::exp(noise(rng)));
  return v;
}

const MetricResult& p95_of(const std::vector<MetricResult>& results, const std::string& name) {
  for (const MetricResult& r : results)
    if (r.metric == Metric::p95_latency && r.benchmark == name) return r;
  FAIL("no p95 result of " << name);
  return results.front();
}

}  // namespace

TEST_CASE("pooled_share") {
  std::vector<double> z;
  for (int i = 0; i < 1000; ++i) z.push_back(i * 0.01);  // 0, 0.01, ... 9.99
  const DeviationPool pool = pool_deviations(z);
  CHECK(pool.nights == 1000);
  CHECK(pool.top.size() == 10);  // kPoolKept of them
  CHECK(pool.top.front() == doctest::Approx(9.90));
  CHECK(pooled_share(pool, 9.95) == doctest::Approx(5.0 / 1001));   // 9.95 .. 9.99
  CHECK(pooled_share(pool, 9.90) == doctest::Approx(10.0 / 1001));  // at or beyond
  CHECK(pooled_share(pool, 20) == 0);                               // beyond every pooled night
  CHECK(pooled_share(pool, 1) == doctest::Approx(10.0 / 1001));     // below the kept top: at least that
  CHECK(pooled_share(pool_deviations({}), 1) == 0);
}

TEST_CASE("compare_nights: a quiet benchmark's spike, against how far the run's other benchmarks went") {
  const Policy policy;
  // Tonight +30 % on a benchmark whose 60 nights moved 2 %: alone, certain.
  const BenchmarkNights quiet = nights_of("quiet", quiet_nights(1, 0.02), 130);
  const MetricResult alone = p95_of(compare_nights({quiet}, policy), "quiet");
  CHECK(alone.verdict == Verdict::regression);
  CHECK(alone.noise.pooled == 0);
  // Twenty other quiet benchmarks, each of which spiked as far (in its own
  // spread) on two of its past nights: such a night is what this project's
  // benchmarks do every few dozen nights.
  std::vector<BenchmarkNights> run{quiet};
  for (int b = 0; b < 20; ++b) {
    std::vector<double> v = quiet_nights(100 + b, 0.02);
    v[static_cast<size_t>(10 + b)] *= 1.5;
    v[static_cast<size_t>(35 + b / 2)] *= 1.6;
    run.push_back(nights_of("spiky/" + std::to_string(b), v, v.back()));
  }
  const MetricResult pooled = p95_of(compare_nights(run, policy), "quiet");
  CHECK(pooled.verdict == Verdict::unchanged);
  CHECK(pooled.p_value > 0.001);
  CHECK(pooled.noise.pooled > 0.005);
  CHECK(pooled.p_value >= pooled.noise.pooled);  // (Bonferroni with the median and the two-night test)
  CHECK(reason_text(pooled).find("of the run's benchmarks' past nights went as far, each in its own spread") !=
        std::string::npos);
  // Its own evidence still screens it for nightly's reruns.
  CHECK(pooled.night_p < policy.screen_alpha);
  CHECK(pooled.screened);
  // Other benchmarks' fresh regressions are no noise: a step two nights old
  // is not yet one that held (three nights), so their models keep its first
  // night, but the pool takes only nights before the baseline window.
  std::vector<BenchmarkNights> stepped{run.front()};
  for (int b = 0; b < 20; ++b) {
    std::vector<double> v = quiet_nights(100 + b, 0.02);
    for (size_t i = 58; i < v.size(); ++i) v[i] *= 1.5;  // two nights ago: not yet a step that held
    stepped.push_back(nights_of("stepped/" + std::to_string(b), v, v.back()));
  }
  const MetricResult fresh = p95_of(compare_nights(stepped, policy), "quiet");
  CHECK(fresh.verdict == Verdict::regression);
  CHECK(fresh.noise.pooled == 0);
  // A step far beyond anything the pool holds is a regression again.
  run.front() = nights_of("quiet", quiet_nights(1, 0.02), 400);
  const MetricResult beyond = p95_of(compare_nights(run, policy), "quiet");
  CHECK(beyond.verdict == Verdict::regression);
  CHECK(beyond.noise.pooled == 0);
}
