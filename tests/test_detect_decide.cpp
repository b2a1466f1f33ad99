#include <doctest/doctest.h>

#include "detect/decide.hpp"
#include "report/reason.hpp"
#include "support/nights.hpp"
#include "support/results.hpp"

using namespace perfwatch;
using perfwatch::testing::latency_night;
using perfwatch::testing::night_shift;
using perfwatch::testing::find;

namespace {

// Seven clean nights of `name` and tonight scaled by `factor`.
BenchmarkNights week_then(double factor, std::uint64_t seed, int baseline_nights = 7) {
  std::mt19937_64 rng(seed);
  BenchmarkNights n{"parser/small", {}, {}};
  for (int i = 0; i < baseline_nights; ++i) n.baseline.push_back(latency_night("parser/small", 1000, 100, rng, night_shift(rng)));
  n.current = latency_night("parser/small", 1000 * factor, 100, rng, night_shift(rng));
  return n;
}

std::vector<NightValue> singles(std::initializer_list<double> values) {
  std::vector<NightValue> out;
  for (double v : values) out.push_back({v, 0});
  return out;
}

}  // namespace

TEST_CASE("test_metric") {
  // Reference computed independently with numpy/scipy 1.10.1:
  //   b = log([100,102,98,101,99,100,103]); med = median(b)
  //   s = max(1.4826*median(|b-med|), numpy.std(b, ddof=1), 0.01)   (the larger of robust spread and SD)
  //   scale = s*sqrt(1+pi/(2*7)); e = log(125)-med; p = scipy.stats.t.sf(e/scale, 6)   (one-sided)
  //   -> ratio 1.25, p 1.1209377779138493e-05, CI exp(e -+ t.ppf(0.975,6)*scale) = [1.1934616213385072, 1.309216795968356]
  const auto r = test_metric(singles({100, 102, 98, 101, 99, 100, 103}), {125, 0}, Metric::p95_latency, 0.01);
  CHECK(r.baseline == 100);
  CHECK(r.ratio == doctest::Approx(1.25).epsilon(1e-12));
  CHECK(r.p_value == doctest::Approx(1.1209377779138493e-05).epsilon(1e-8));
  CHECK(r.ci_low == doctest::Approx(1.1934616213385072).epsilon(1e-9));
  CHECK(r.ci_high == doctest::Approx(1.309216795968356).epsilon(1e-9));
  CHECK(r.baseline_nights == 7);

  SUBCASE("the noise floor keeps identical nights from making a wobble significant") {
    const auto flat = test_metric(singles({100, 100, 100, 100}), {101, 0}, Metric::p95_latency, 0.01);
    CHECK(flat.p_value > 0.2);  // t = log(1.01)/(0.01*sqrt(1+pi/8)), df 3
  }
  SUBCASE("a night's own sampling noise widens the test") {
    const auto precise = test_metric(singles({100, 102, 98, 101, 99, 100, 103}), {125, 0}, Metric::p95_latency, 0.01);
    const auto noisy = test_metric(singles({100, 102, 98, 101, 99, 100, 103}), {125, 0.01}, Metric::p95_latency, 0.01);
    CHECK(noisy.p_value > precise.p_value * 100);
  }
}

TEST_CASE("night_value") {
  // Reference: scipy 1.10.1, weights w = numpy.diff(scipy.stats.beta.cdf(arange(0, n + 1) / n, (n+1)q, (n+1)(1-q)));
  // value = w @ x, Maritz-Jarrett se = sqrt(w @ x**2 - value**2). x = 1..100, q = 0.95:
  // value 95.49997987839976, se 2.1771609574443835.
  BenchmarkResult r;
  r.latency = Series{"ns", {}};
  for (int i = 100; i >= 1; --i) r.latency->values.push_back(i);  // unsorted on purpose
  const auto p95 = night_value(r, Metric::p95_latency);
  REQUIRE(p95);
  CHECK(p95->value == doctest::Approx(95.49997987839976).epsilon(1e-12));
  CHECK(p95->log_variance == doctest::Approx(std::pow(2.1771609574443835 / 95.49997987839976, 2)).epsilon(1e-9));
  r.latency->values = {5};
  CHECK(night_value(r, Metric::p95_latency)->log_variance == 0);
}

TEST_CASE("compare_nights") {
  const Policy policy;
  SUBCASE("a 35 % slower night is a p95 regression; p50 is reported, never alerting") {
    const auto results = compare_nights({week_then(1.35, 1)}, policy);
    CHECK(find(results, Metric::p95_latency).verdict == Verdict::regression);
    CHECK(find(results, Metric::p95_latency).ratio == doctest::Approx(1.35).epsilon(0.08));
    CHECK(find(results, Metric::p50_latency).verdict == Verdict::unchanged);
    CHECK(find(results, Metric::p50_latency).worse_not_alerting);
    CHECK(overall_verdict(results) == Verdict::regression);
  }
  SUBCASE("5 % slower is not a regression: under the threshold") {
    const auto results = compare_nights({week_then(1.05, 2)}, policy);
    CHECK(find(results, Metric::p95_latency).verdict == Verdict::unchanged);
    CHECK(overall_verdict(results) == Verdict::unchanged);
  }
  SUBCASE("35 % faster is an improvement, never an alert") {
    const auto results = compare_nights({week_then(1 / 1.35, 3)}, policy);
    CHECK(find(results, Metric::p95_latency).verdict == Verdict::improvement);
    CHECK(overall_verdict(results) == Verdict::unchanged);
  }
  SUBCASE("two baseline nights are not enough") {
    const auto results = compare_nights({week_then(2.0, 4, 2)}, policy);
    CHECK(find(results, Metric::p95_latency).verdict == Verdict::insufficient_baseline);
    CHECK(overall_verdict(results) == Verdict::insufficient_baseline);
  }
  SUBCASE("an insufficient baseline still shows tonight's error rate") {
    BenchmarkNights n = week_then(1.0, 6, 1);
    n.current.errors = 12;
    n.current.requests = 1655;
    const auto results = compare_nights({n}, policy);
    const MetricResult& errors = find(results, Metric::error_rate);
    CHECK(errors.verdict == Verdict::insufficient_baseline);
    CHECK(errors.current == doctest::Approx(12.0 / 1655));
    CHECK(errors.baseline == 0.0);
  }
  SUBCASE("one regressed night already in the baseline does not hide the second") {
    BenchmarkNights n = week_then(1.35, 5);
    std::mt19937_64 rng(55);
    n.baseline.back() = latency_night("parser/small", 1350, 100, rng);
    CHECK(find(compare_nights({n}, policy), Metric::p95_latency).verdict == Verdict::regression);
  }
  SUBCASE("two nights in a row count only when each went past the threshold") {
    BenchmarkNights wobble = week_then(1.41, 7);
    std::mt19937_64 rng(77);
    wobble.baseline.back() = latency_night("parser/small", 1070, 100, rng);  // +7 %: no first night of a step
    const auto first = compare_nights({wobble}, policy);
    const MetricResult& one = find(first, Metric::p95_latency);
    CHECK(one.verdict == Verdict::regression);
    CHECK_FALSE(one.two_night);
    BenchmarkNights step = week_then(1.3, 8);
    step.baseline.back() = latency_night("parser/small", 1300, 100, rng);  // +30 %, then +30 % again
    const auto second = compare_nights({step}, policy);
    const MetricResult& two = find(second, Metric::p95_latency);
    CHECK(two.verdict == Verdict::regression);
    CHECK(two.two_night);
  }
  SUBCASE("a per-benchmark override raises the bar") {
    Policy lenient;
    lenient.overrides.push_back({"parser/*", Thresholds{.p95_increase = 0.5}});
    CHECK(find(compare_nights({week_then(1.35, 1)}, lenient), Metric::p95_latency).verdict == Verdict::unchanged);
  }
}

TEST_CASE("compare_nights on throughput, memory and errors") {
  const Policy policy;
  std::mt19937_64 rng(7);
  auto night = [&](double throughput, std::int64_t rss, std::int64_t errors) {
    BenchmarkResult b;
    b.name = "svc/api";
    b.throughput = Series{"req/s", {}};
    const double shift = night_shift(rng);
    std::normal_distribution<double> z(0, 0.03);
    for (int i = 0; i < 10; ++i) b.throughput->values.push_back(throughput * shift * (1 + z(rng)));
    b.peak_rss_bytes = rss;
    b.errors = errors;
    b.requests = 1000;
    return b;
  };
  BenchmarkNights n{"svc/api", {}, {}};
  for (int i = 0; i < 7; ++i) n.baseline.push_back(night(5000, 100'000'000 + i * 1'000'000, i % 2));

  SUBCASE("throughput down 25 %") {
    n.current = night(3750, 101'000'000, 1);
    CHECK(find(compare_nights({n}, policy), Metric::throughput).verdict == Verdict::regression);
  }
  SUBCASE("throughput up 30 % is an improvement") {
    n.current = night(6500, 101'000'000, 1);
    CHECK(find(compare_nights({n}, policy), Metric::throughput).verdict == Verdict::improvement);
  }
  SUBCASE("memory +35 % is a regression by ratio alone; +25 % is not") {
    n.current = night(5000, 138'000'000, 0);
    CHECK(find(compare_nights({n}, policy), Metric::peak_memory).verdict == Verdict::regression);
    n.current = night(5000, 128'000'000, 0);
    CHECK(find(compare_nights({n}, policy), Metric::peak_memory).verdict == Verdict::unchanged);
  }
  SUBCASE("error rate +8 points is a regression; +3 points is not") {
    n.current = night(5000, 101'000'000, 80);
    const auto results = compare_nights({n}, policy);
    const auto& jump = find(results, Metric::error_rate);
    CHECK(jump.verdict == Verdict::regression);
    CHECK(jump.baseline == doctest::Approx(3.0 / 7000));
    n.current = night(5000, 101'000'000, 30);
    CHECK(find(compare_nights({n}, policy), Metric::error_rate).verdict == Verdict::unchanged);
  }
}

TEST_CASE("compare_nights moderates nightly spreads across benchmarks") {
  // 40 aggregate-only benchmarks (one value a night, +-2 % nights); one steps x1.3.
  std::mt19937_64 rng(11);
  std::normal_distribution<double> noise(0, 0.02);
  std::vector<BenchmarkNights> run;
  for (int b = 0; b < 40; ++b) {
    BenchmarkNights n{"agg/" + std::to_string(b), {}, {}};
    auto night = [&](double factor) {
      BenchmarkResult r;
      r.name = n.name;
      r.latency = Series{"ns", {1000 * factor * std::exp(noise(rng))}};
      return r;
    };
    for (int i = 0; i < 7; ++i) n.baseline.push_back(night(1.0));
    n.current = night(b == 0 ? 1.3 : 1.0);
    run.push_back(std::move(n));
  }
  const auto results = compare_nights(run, Policy{});
  const MetricResult& stepped = find(results, Metric::p95_latency);  // agg/0 comes first
  REQUIRE(stepped.benchmark == "agg/0");
  CHECK(stepped.verdict == Verdict::regression);
  // Alone, seven nights give 6 degrees of freedom; the run's prior lends more, so p is smaller.
  std::vector<NightValue> base;
  for (const auto& r : run[0].baseline) base.push_back({r.latency->values[0], 0});
  const auto alone = test_metric(base, {run[0].current.latency->values[0], 0}, Metric::p95_latency, 0.01);
  CHECK(stepped.p_value < alone.p_value);
  int regressions = 0;
  for (const auto& r : results) regressions += r.verdict == Verdict::regression;
  CHECK(regressions == 1);
}

TEST_CASE("decide applies Benjamini-Hochberg across the run") {
  // One 50 % jump with p = 0.002 is significant alone, not among 100 tests (q = 0.2).
  auto result = [](const std::string& name, double p) {
    MetricResult r;
    r.benchmark = name;
    r.metric = Metric::p95_latency;
    r.baseline = 100;
    r.current = 150;
    r.ratio = 1.5;
    r.p_value = p;
    r.alerting = true;
    r.noise.from_history = true;
    return r;
  };
  std::vector<MetricResult> alone = {result("a", 0.002)};
  decide(alone, Policy{});
  CHECK(alone[0].verdict == Verdict::regression);

  std::vector<MetricResult> crowd = {result("a", 0.002)};
  for (int i = 0; i < 99; ++i) crowd.push_back(result("b" + std::to_string(i), 0.9));
  decide(crowd, Policy{});
  CHECK(crowd[0].q_value == doctest::Approx(0.2));
  CHECK(crowd[0].verdict == Verdict::unchanged);
  // Still a candidate for nightly's reruns: past the threshold, p <= 0.005 alone.
  CHECK(crowd[0].screened);
  CHECK_FALSE(crowd[1].screened);
  CHECK_FALSE(alone[0].screened);  // a regression already

  auto among_99 = [&](MetricResult r, Policy policy = {}) {
    std::vector<MetricResult> run = {std::move(r)};
    for (int i = 0; i < 99; ++i) run.push_back(result("b" + std::to_string(i), 0.9));
    decide(run, policy);
    return run[0];
  };
  CHECK(among_99(result("a", 0.02)).screened);  // p <= 0.05 alone
  CHECK_FALSE(among_99(result("a", 0.02)).persisted);
  CHECK_FALSE(among_99(result("a", 0.2)).screened);  // p > 0.05
  Policy strict;
  strict.screen_alpha = 0.01;  // thresholds.json's rerun_alpha
  CHECK_FALSE(among_99(result("a", 0.02), strict).screened);
  CHECK(among_99(result("a", 0.005), strict).screened);
  std::vector<MetricResult> small = {result("a", 0.002)};
  small[0].ratio = 1.1;  // under the +20 % rule
  for (int i = 0; i < 99; ++i) small.push_back(result("b" + std::to_string(i), 0.9));
  decide(small, Policy{});
  CHECK_FALSE(small[0].screened);
  // The baseline nights alone: screened at alpha (0.01), not at screen_alpha,
  // unless screen_alpha is the stricter.
  auto short_history = [&](double p, Policy policy = {}) {
    MetricResult r = result("a", p);
    r.noise.from_history = false;
    return among_99(r, policy);
  };
  CHECK(short_history(0.002).screened);
  CHECK_FALSE(short_history(0.002).persisted);
  CHECK_FALSE(short_history(0.02).screened);  // would be screened with a history (above)
  strict.screen_alpha = 0.001;
  CHECK_FALSE(short_history(0.002, strict).screened);
}

TEST_CASE("decide screens a second night in a row at a level the benchmark seldom reached") {
  // A noisy history keeps p at 0.3, yet two nights in a row past +20 %.
  MetricResult r;
  r.benchmark = "noisy";
  r.metric = Metric::p95_latency;
  r.ratio = 1.5;
  r.p_value = r.night_p = 0.3;
  r.alerting = true;
  r.noise.from_history = true;
  r.nights_in_row = 2;
  auto decided = [](MetricResult m) {
    std::vector<MetricResult> run = {std::move(m)};
    decide(run, Policy{});
    return run[0];
  };
  const MetricResult second = decided(r);
  CHECK(second.verdict == Verdict::unchanged);
  CHECK(second.screened);
  CHECK(second.persisted);
  CHECK(reason_text(second).find("second night in a row; seldom at this level before: only reruns can tell") !=
        std::string::npos);

  MetricResult first = r;
  first.nights_in_row = 1;
  CHECK_FALSE(decided(first).screened);
  MetricResult returns = r;
  returns.noise.seen = 0.12;  // 12 % of past nights were at this level: one it returns to
  CHECK_FALSE(decided(returns).screened);
  MetricResult seldom = r;
  seldom.noise.seen = 0.08;
  CHECK(decided(seldom).screened);
  MetricResult small = r;
  small.ratio = 1.15;  // under the threshold
  CHECK_FALSE(decided(small).screened);
}

TEST_CASE("past_size_rule") {
  Thresholds t;
  MetricResult r;
  r.metric = Metric::p95_latency;
  r.alerting = true;
  r.ratio = 1.25;
  r.p_value = 0.9;  // the tests do not matter
  CHECK(past_size_rule(r, t));
  r.ratio = 1.1;
  CHECK_FALSE(past_size_rule(r, t));
  r.ratio = 0.7;  // an improvement is not past the regression rule
  CHECK_FALSE(past_size_rule(r, t));
  r.metric = Metric::throughput;  // lower is worse
  CHECK(past_size_rule(r, t));
  r.metric = Metric::p50_latency;
  r.alerting = false;
  r.ratio = 1.5;
  CHECK_FALSE(past_size_rule(r, t));  // reported only
}
