// The noise model learned from a benchmark's own history, and compare_nights
// deciding with it.
#include <doctest/doctest.h>

#include <cmath>
#include <random>

#include "detect/decide.hpp"
#include "detect/noise_model.hpp"
#include "report/reason.hpp"

using namespace perfwatch;

namespace {

std::vector<double> steps_of(double from, double step, int count) {
  std::vector<double> v;
  for (int i = 0; i < count; ++i) v.push_back(from + step * i);
  return v;
}

BenchmarkResult latency_night(double value) {
  BenchmarkResult r;
  r.name = "parser/big";
  r.latency = Series{"ns", {value}};
  return r;
}

BenchmarkResult throughput_night(double value) {
  BenchmarkResult r;
  r.name = "parser/big";
  r.throughput = Series{"ops/s", {value}};
  return r;
}

// `history` nights before a 7-night baseline, all from `level(night)`, then tonight.
BenchmarkNights nights_of(const std::vector<double>& values, double tonight,
                          BenchmarkResult (*night)(double) = latency_night) {
  BenchmarkNights n;
  n.name = "parser/big";
  const size_t baseline_from = values.size() - 7;
  for (size_t i = 0; i < values.size(); ++i) {
    if (i < baseline_from) n.history.push_back(night_values(night(values[i])));
    else n.baseline.push_back(night(values[i]));
  }
  n.current = night(tonight);
  return n;
}

std::vector<double> quiet_nights(int count, std::uint64_t seed, double sigma = 0.02) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> noise(0, sigma);
  std::vector<double> v;
  for (int i = 0; i < count; ++i) v.push_back(100 * std::exp(noise(rng)));
  return v;
}

const MetricResult& p95(const std::vector<MetricResult>& results) {
  for (const MetricResult& r : results)
    if (r.metric == Metric::p95_latency) return r;
  FAIL("no p95 result");
  return results.front();
}

}  // namespace

TEST_CASE("tail_p_value") {
  // Reference values by hand with numpy 1.24 / scipy 1.10.1 (Debian python3-scipy):
  SUBCASE("within the history: the rank among past nights") {
    // v = arange(-9, 11) * 0.01; u = quantile(v, 0.75) = 0.0525 >= 0.05: (count(v >= 0.05) + 1) / 21 = 7/21
    CHECK(tail_p_value(steps_of(-0.09, 0.01, 20), 0.0741, 0.05, 0.01) == doctest::Approx(7.0 / 21));
  }
  SUBCASE("beyond a light-tailed history: Student t with 10 df") {
    // spread = 1.4826 * median(|v - median(v)|) = 0.07413; max(v) / spread = 1.35 <= 4
    // scipy.stats.t.sf(0.2 / 0.07413, 10) = 0.01119576136769097
    CHECK(tail_p_value(steps_of(-0.09, 0.01, 20), 0.07413, 0.2, 0.01) == doctest::Approx(0.01119576136769097).epsilon(1e-6));
  }
  SUBCASE("beyond a spiky history: an exponential tail as heavy as its spike") {
    // h = sort(r_[arange(19) * 0.001, 1.0]); u = quantile(h, 0.75) = 0.01425; 5 above it;
    // scale = max(mean(h[h > u] - u), (1.0 - u) / log(6)) = 0.550157550122892
    std::vector<double> h = steps_of(0, 0.001, 19);
    h.push_back(1.0);
    // w = 0.5: one past night reached it; min(2/21, 6/21 * exp(-(0.5 - u) / scale)) = 2/21 = 0.09523809523809523
    CHECK(tail_p_value(h, 0.0074, 0.5, 0.01) == doctest::Approx(0.09523809523809523));
    // w = 1.5: beyond every past night; 6/21 * exp(-(1.5 - u) / scale) = 0.01919024872318571
    CHECK(tail_p_value(h, 0.0074, 1.5, 0.01) == doctest::Approx(0.01919024872318571).epsilon(1e-9));
  }
  SUBCASE("identical nights: the floor keeps a small change uncertain") {
    const std::vector<double> flat(30, 0.0);
    CHECK(tail_p_value(flat, 0, 0.005, 0.01) > 0.01);
    CHECK(tail_p_value(flat, 0, 0.4, 0.01) < 1e-6);
  }
}

TEST_CASE("learn_noise") {
  std::vector<double> logs;
  for (double v : quiet_nights(40, 3)) logs.push_back(std::log(v));
  const auto m = learn_noise(logs, 7, +1);
  REQUIRE(m);
  CHECK(m->nights == 37);  // each night after the first three is replayed
  CHECK(m->spread == doctest::Approx(0.02 * std::sqrt(1 + 3.14159 / 14)).epsilon(0.35));  // a 2 % nightly noise
  CHECK(std::is_sorted(m->single.begin(), m->single.end()));
  CHECK(m->pair.size() == 36);
  CHECK_FALSE(learn_noise(std::span(logs).first(12), 7, +1));  // 9 replayed nights: too few
}

TEST_CASE("regime_start") {
  std::vector<double> logs;
  for (double v : quiet_nights(60, 5, 0.01)) logs.push_back(std::log(v));
  CHECK(regime_start(logs, 7, std::log(1.2)) == 0);
  for (size_t i = 30; i < logs.size(); ++i) logs[i] += std::log(1.5);  // a step that held
  CHECK(regime_start(logs, 7, std::log(1.2)) == 30);
}

TEST_CASE("regime_start does not cut at a run that came back") {
  // A two-level benchmark: four nights on its lower level (the 7-night centre
  // drops with them), then three back on its usual one, ×1.4 past that centre.
  std::vector<double> logs;
  for (double v : quiet_nights(60, 5, 0.01)) logs.push_back(std::log(v));
  for (size_t i = 20; i < 24; ++i) logs[i] -= std::log(1.4);
  CHECK(regime_start(logs, 7, std::log(1.2)) == 0);
  // The same run on a benchmark that then stays up is a step.
  for (size_t i = 24; i < logs.size(); ++i) logs[i] += std::log(1.4);
  CHECK(regime_start(logs, 7, std::log(1.2)) == 24);
}

TEST_CASE("regime_start cuts at the fix of a regression that held") {
  // 20 nights at x1.5, then fixed for the 40 nights since: the history
  // starts at the fix, so the regression's nights are not taken for noise.
  std::vector<double> logs;
  for (double v : quiet_nights(90, 5, 0.01)) logs.push_back(std::log(v));
  for (size_t i = 30; i < 50; ++i) logs[i] += std::log(1.5);
  CHECK(regime_start(logs, 7, std::log(1.2)) == 50);
}

TEST_CASE("returned_level") {
  // 20 nights at the centre (0), then last night at 0.9, left out as on a step's second night.
  std::vector<double> logs(20, 0.0);
  logs.push_back(0.9);
  CHECK(returned_level(logs, 0, +1) == 0);  // nothing above the centre
  logs[3] = 0.5;
  CHECK(returned_level(logs, 0, +1) == 0);  // one night of 20 is 5 %, under kLevelShare (10 %)
  logs[9] = 0.4;
  CHECK(returned_level(logs, 0, +1) == doctest::Approx(0.4));  // two of 20: the lesser of them
  CHECK(returned_level(logs, 0.1, +1) == doctest::Approx(0.3));  // against another centre
  logs[3] = logs[9] = -0.4;
  CHECK(returned_level(logs, 0, -1) == doctest::Approx(0.4));  // lower is worse: mirrored
  CHECK(returned_level(logs, 0, +1) == 0);
  CHECK(returned_level(std::vector<double>{0.3}, 0, +1) == 0);  // last night alone: nothing before it
}

TEST_CASE("compare_nights with a history") {
  const Policy policy;
  SUBCASE("a large step on a quiet benchmark is caught on its first night, and says why") {
    const MetricResult r = p95(compare_nights({nights_of(quiet_nights(60, 11), 130)}, policy));
    CHECK(r.verdict == Verdict::regression);
    CHECK(r.noise.from_history);
    CHECK(r.noise.nights == 56);  // 60 nights less last night (left out) and the first three (nothing before them)
    CHECK(r.nights_in_row == 1);
    CHECK(reason_text(r).find("usual night-to-night spread") == 0);
    CHECK(reason_text(r).find("over 56 nights; tonight +") != std::string::npos);
  }
  SUBCASE("a one-night excursion on a benchmark that has them waits for a second night") {
    std::vector<double> v = quiet_nights(60, 13);
    v[20] *= 1.6;
    v[41] *= 1.7;  // two past one-night spikes
    const MetricResult first = p95(compare_nights({nights_of(v, 140)}, policy));
    CHECK(first.verdict == Verdict::unchanged);
    CHECK(first.noise.excursions == 2);
    CHECK(reason_text(first).find("2 past nights went as far alone") != std::string::npos);
    v.push_back(140);  // the step held
    const MetricResult second = p95(compare_nights({nights_of(v, 141)}, policy));
    CHECK(second.verdict == Verdict::regression);
    CHECK(second.two_night);
    CHECK(second.nights_in_row == 2);
    CHECK(reason_text(second).find("second night in a row") != std::string::npos);
  }
  SUBCASE("a two-level benchmark is not certain on its high level") {
    std::vector<double> v;
    for (int i = 0; i < 60; ++i) v.push_back(i % 3 == 0 ? 165 : 100);
    const MetricResult r = p95(compare_nights({nights_of(v, 166)}, policy));
    CHECK(r.verdict == Verdict::unchanged);
    CHECK(r.p_value > 0.05);
    // A third of its nights are high: reruns must show more than that level.
    CHECK(r.noise.returns_to == doctest::Approx(std::log(1.65)));
    const MetricResult quiet = p95(compare_nights({nights_of(quiet_nights(60, 11), 130)}, policy));
    CHECK(quiet.noise.returns_to < std::log(1.1));  // a quiet benchmark's: its noise's, far under the threshold
  }
  SUBCASE("a first night beyond every past excursion is held back, but screened for reruns") {
    std::vector<double> v = quiet_nights(60, 13);
    v[20] *= 1.3;
    v[41] *= 1.35;  // two past one-night excursions past the threshold
    const MetricResult r = p95(compare_nights({nights_of(v, 250)}, policy));
    CHECK(r.verdict == Verdict::unchanged);
    CHECK(r.p_value == 1);  // one night does not count
    CHECK(r.night_p < policy.screen_alpha);  // yet tonight alone is far beyond them
    CHECK(r.screened);
    CHECK(reason_text(r).find("2 past nights went as far alone") != std::string::npos);
    CHECK(reason_text(r).find("tonight alone p = ") != std::string::npos);
    CHECK(reason_text(r).find("only reruns can tell a step from another excursion") != std::string::npos);
    const MetricResult within = p95(compare_nights({nights_of(v, 128)}, policy));  // no farther than they went
    CHECK(within.night_p > policy.screen_alpha);  // 2 of 56 past nights as far: p = 3/57
    CHECK_FALSE(within.screened);
  }
  SUBCASE("worse_excursions counts the worse way, whichever way tonight moved") {
    std::vector<double> v = quiet_nights(60, 13);
    v[20] *= 1.3;
    v[41] *= 1.35;  // two slow nights past the +20 % threshold
    v[30] *= 0.7;   // and one fast one
    const MetricResult faster = p95(compare_nights({nights_of(v, 80)}, policy));
    CHECK(faster.noise.excursions == 1);  // tonight's way: down
    CHECK(faster.noise.worse_excursions == 2);
    const MetricResult slower = p95(compare_nights({nights_of(v, 110)}, policy));
    CHECK(slower.noise.excursions == 2);
    CHECK(slower.noise.worse_excursions == 2);
    // Under 1 night in 20 of 56 is at most 2: the third-largest slow deviation, a quiet night's.
    CHECK(slower.noise.quiet_limit < std::log(1.1));
    CHECK(slower.noise.quiet_limit > 0);
    // Throughput is worse the other way: its one low night counts.
    const std::vector<MetricResult> ops = compare_nights({nights_of(v, 110, throughput_night)}, policy);
    REQUIRE(ops.size() == 1);
    CHECK(ops[0].metric == Metric::throughput);
    CHECK(ops[0].noise.worse_excursions == 1);
  }
  SUBCASE("a level the benchmark keeps returning to is no news on its second night either") {
    // The high level comes back on single nights, so often that three nights
    // below a high centre look like a step; but they came back, so the
    // history is not cut there (regime_start) and keeps every high night.
    std::vector<double> v = quiet_nights(60, 17);
    for (int i : {40, 41, 42, 46, 50, 54, 59}) v[static_cast<size_t>(i)] *= 1.6;
    const MetricResult r = p95(compare_nights({nights_of(v, 161)}, policy));
    CHECK(r.nights_in_row == 2);
    CHECK(r.verdict == Verdict::unchanged);
    CHECK(r.p_value > 0.2);
    // 6 of the 59 nights before last night: 40, 41, 42, 46, 50 and 54
    CHECK(reason_text(r).find("second night in a row; 10 % of past nights were at this level or worse") != std::string::npos);
    v[59] /= 1.6;  // a first high night: as many were seen, and the reason says so
    const MetricResult first = p95(compare_nights({nights_of(v, 161)}, policy));
    CHECK(first.verdict == Verdict::unchanged);
    CHECK(reason_text(first).find("past nights were at this level or worse") != std::string::npos);
  }
  SUBCASE("without a history the baseline nights decide, conservatively") {
    BenchmarkNights n = nights_of({100, 166, 100, 100, 166, 100, 100}, 166);  // two of seven high
    const MetricResult r = p95(compare_nights({n}, policy));
    CHECK_FALSE(r.noise.from_history);
    CHECK(r.verdict == Verdict::unchanged);
    CHECK(reason_text(r).find("only 7 nights of history") == 0);
  }
}
