// The run's pool of past deviations, and compare_nights judging a quiet
// benchmark's spike by how often the run's other benchmarks went that far.
#include <doctest/doctest.h>

#include <cmath>
#include <random>

#include "detect/decide.hpp"
#include "detect/evidence.hpp"
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

// `values` as nights (the last 7 the baseline, any before them history:
// 53 of 60; none of a first week's 7), then tonight.
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

std::vector<double> quiet_nights(std::uint64_t seed, double sigma, int nights = 60) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> noise(0, sigma);
  std::vector<double> v;
  for (int i = 0; i < nights; ++i) v.push_back(100 * std::exp(noise(rng)));
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
  // Too few nights to say 1 %: the quiet benchmark's 50 replayed nights and
  // those of a younger one (30 nights) that spiked x1.5 once. No pool, and
  // the benchmark's own tail decides.
  std::vector<double> young = quiet_nights(100, 0.02, 30);
  young[10] *= 1.5;
  std::vector<BenchmarkNights> small_run{run[0], nights_of("young", young, young.back())};
  const MetricResult small = p95_of(compare_nights(small_run, policy), "quiet");
  CHECK(small.verdict == Verdict::regression);
  CHECK(small.noise.pooled == 0);
  small_run.push_back(run[2]);  // 100 nights or more: the pool applies
  CHECK(p95_of(compare_nights(small_run, policy), "quiet").noise.pooled > 0);
  // A step far beyond anything the pool holds is a regression again.
  run.front() = nights_of("quiet", quiet_nights(1, 0.02), 400);
  const MetricResult beyond = p95_of(compare_nights(run, policy), "quiet");
  CHECK(beyond.verdict == Verdict::regression);
  CHECK(beyond.noise.pooled == 0);
}

TEST_CASE("left_out_deviations") {
  // Each night but the last against the others' median, in their spread
  // (the larger of 1.4826 MAD and the standard deviation, never under the
  // noise floor): a quiet week's one spike stands out, the others do not.
  const std::vector<double> spike = {0, 0, 0, 0.3, 0};
  const std::vector<double> z = left_out_deviations(spike, 0.01);
  REQUIRE(z.size() == 4);
  CHECK(z[0] == 0);  // against {0, 0, 0.3, 0}: median 0
  CHECK(z[2] == 0);
  CHECK(z[3] == doctest::Approx(0.3 / std::log1p(0.01)));  // against four zeros: the floor's spread
  // Not the last night: it may be the first of a fresh step.
  for (double d : left_out_deviations(std::vector<double>{0, 0, 0, 0, 0.3}, 0.01)) CHECK(d == 0);
  // Down as well as up, in the spread of the others: {0, 0, 0.3, 0} has a
  // MAD of 0 and a standard deviation of 0.15.
  CHECK(left_out_deviations(std::vector<double>{-0.3, 0, 0, 0.3, 0}, 0.01)[0] == doctest::Approx(-2));
  CHECK(left_out_deviations(std::vector<double>{0, 0.1}, 0.01).empty());
}

TEST_CASE("compare_nights: a first-week step, against how far the run's baseline nights went") {
  const Policy policy;
  // Tonight +40 % on a new benchmark whose 7 nights moved 2 %, among 60
  // other new benchmarks as quiet: a regression.
  std::vector<BenchmarkNights> run{nights_of("new", quiet_nights(1, 0.02, 7), 140)};
  for (int b = 0; b < 60; ++b) {
    const std::vector<double> v = quiet_nights(100 + b, 0.02, 7);
    run.push_back(nights_of("other/" + std::to_string(b), v, v.back()));
  }
  const MetricResult quiet = p95_of(compare_nights(run, policy), "new");
  CHECK(quiet.verdict == Verdict::regression);
  CHECK_FALSE(quiet.noise.from_history);
  CHECK(quiet.noise.pooled == 0);
  // One of them spiked ×2.5 on its third night: seven nights of its own
  // cannot show such a tail, the run's 366 baseline nights do (61
  // benchmarks' 6 nights each: a week's last night may be a fresh step's first).
  run[1].baseline[2] = latency_night(run[1].name, 250);
  const MetricResult pooled = p95_of(compare_nights(run, policy), "new");
  CHECK(pooled.verdict == Verdict::unchanged);
  CHECK(pooled.noise.pooled == doctest::Approx(1.0 / 367));
  CHECK(pooled.p_value >= pooled.noise.pooled);
  // Significant alone at alpha: nightly's reruns decide.
  CHECK(pooled.p_value <= policy.alpha);
  CHECK(pooled.screened);
  CHECK(reason_text(pooled).find("; 0.27 % of the run's benchmarks' nights went as far, each in its own spread") !=
        std::string::npos);
  CHECK(reason_text(pooled).find("only reruns can confirm it") != std::string::npos);
  // Eleven benchmarks' 66 nights are too few to say 1 %: the benchmark's own test decides.
  run.resize(11);
  const MetricResult small = p95_of(compare_nights(run, policy), "new");
  CHECK(small.verdict == Verdict::regression);
  CHECK(small.noise.pooled == 0);
}
