// The interleaved reruns' arithmetic: paired differences, the sequential
// rule, and the bisection's midpoints. Interval references from scipy 1.10.1.
#include <doctest/doctest.h>

#include <cmath>

#include "cli/comparison.hpp"
#include "detect/paired.hpp"

using namespace perfwatch;

TEST_CASE("paired_difference is positive when tonight is worse, in each metric's direction") {
  CHECK(*paired_difference(Metric::p95_latency, 100, 150) == doctest::Approx(std::log(1.5)));
  CHECK(*paired_difference(Metric::throughput, 100, 50) == doctest::Approx(std::log(2.0)));  // fewer items/s is worse
  CHECK(*paired_difference(Metric::peak_memory, 200, 100) == doctest::Approx(std::log(0.5)));
  CHECK(*paired_difference(Metric::error_rate, 0.01, 0.04) == doctest::Approx(0.03));  // points, not a ratio
  CHECK_FALSE(paired_difference(Metric::p95_latency, 0, 150));
  CHECK_FALSE(paired_difference(Metric::throughput, 100, -1));
}

TEST_CASE("effect_of turns a difference back into tonight / good") {
  CHECK(effect_of(Metric::p95_latency, std::log(1.5)) == doctest::Approx(1.5));
  CHECK(effect_of(Metric::throughput, std::log(2.0)) == doctest::Approx(0.5));
  CHECK(effect_of(Metric::error_rate, 0.03) == doctest::Approx(0.03));
}

TEST_CASE("confirm_boundary is half the policy's threshold") {
  const Thresholds t;  // p95 +20 %, throughput -15 %, error rate +5 points, memory +30 %
  CHECK(confirm_boundary(Metric::p95_latency, t) == doctest::Approx(std::log(1.10)));
  CHECK(confirm_boundary(Metric::throughput, t) == doctest::Approx(-std::log(1 - 0.075)));
  CHECK(confirm_boundary(Metric::error_rate, t) == doctest::Approx(0.025));
  CHECK(confirm_boundary(Metric::peak_memory, t) == doctest::Approx(std::log(1.15)));
}

TEST_CASE("rerun_boundary: the threshold's half, or the level the history returns to") {
  const Thresholds t;
  MetricResult r;
  r.metric = Metric::p95_latency;
  CHECK(rerun_boundary(r, t) == doctest::Approx(std::log(1.10)));
  r.noise.returns_to = std::log(1.05);  // a quiet benchmark's
  CHECK(rerun_boundary(r, t) == doctest::Approx(std::log(1.10)));
  r.noise.returns_to = std::log(1.6);  // a two-level benchmark's upper level
  CHECK(rerun_boundary(r, t) == doctest::Approx(std::log(1.6)));
}

TEST_CASE("summarize_pairs gives the Student t interval of the mean") {
  // scipy.stats.t.interval(0.99, 3, loc=d.mean(), scale=scipy.stats.sem(d)), d = [0.40, 0.42, 0.38, 0.41]
  const PairedSummary s = summarize_pairs({0.40, 0.42, 0.38, 0.41}, 0.99);
  CHECK(s.rounds == 4);
  CHECK(s.mean == doctest::Approx(0.4025));
  CHECK(s.low == doctest::Approx(0.35262374164746696).epsilon(1e-9));
  CHECK(s.high == doctest::Approx(0.4523762583525331).epsilon(1e-9));
  // the same with d = [0.01, -0.02, 0.015] (2 degrees of freedom)
  const PairedSummary three = summarize_pairs({0.01, -0.02, 0.015}, 0.99);
  CHECK(three.low == doctest::Approx(-0.10680258192226158).epsilon(1e-9));
  CHECK(three.high == doctest::Approx(0.11013591525559491).epsilon(1e-9));
  const PairedSummary one = summarize_pairs({0.3}, 0.99);
  CHECK(std::isinf(one.low));
  CHECK(std::isinf(one.high));
}

TEST_CASE("sequential_call decides once the interval clears the boundary, and not before min_rounds") {
  const double boundary = std::log(1.10);
  const PairedSummary slower = summarize_pairs({0.40, 0.42, 0.38, 0.41}, 0.99);
  CHECK(sequential_call(slower, boundary, 3) == PairedCall::above);
  CHECK(sequential_call(slower, boundary, 5) == PairedCall::undecided);  // too few rounds yet
  // Three rounds near zero: the interval (-0.107, 0.110) still reaches past log 1.10 = 0.095.
  CHECK(sequential_call(summarize_pairs({0.01, -0.02, 0.015}, 0.99), boundary, 3) == PairedCall::undecided);
  // A fourth: (-0.044, 0.046), below it.
  CHECK(sequential_call(summarize_pairs({0.01, -0.02, 0.015, 0.0}, 0.99), boundary, 3) == PairedCall::below);
}

TEST_CASE("final_call falls back to the side of the mean, given enough rounds") {
  const double boundary = std::log(1.10);
  CHECK(*final_call(summarize_pairs({0.2, -0.05, 0.15}, 0.99), boundary, 3) == PairedCall::above);
  CHECK(*final_call(summarize_pairs({0.05, -0.05, 0.15}, 0.99), boundary, 3) == PairedCall::below);
  CHECK_FALSE(final_call(summarize_pairs({0.2, 0.3}, 0.99), boundary, 3));
}

TEST_CASE("effect_from orders the interval for a metric where higher is better") {
  const Effect e = effect_from(Metric::throughput, summarize_pairs({0.40, 0.42, 0.38, 0.41}, 0.99));
  CHECK(e.ratio == doctest::Approx(std::exp(-0.4025)));
  CHECK(e.low < e.ratio);
  CHECK(e.ratio < e.high);
  CHECK(e.rounds == 4);
}

TEST_CASE("good_runs_first alternates: good, tonight | tonight, good") {
  CHECK(good_runs_first(0));
  CHECK_FALSE(good_runs_first(1));
  CHECK(good_runs_first(2));
}

TEST_CASE("bisect_midpoint halves the range until the two ends are adjacent") {
  // Six suspects c0..c5, c5 bad, the good commit before c0.
  CHECK(*bisect_midpoint(-1, 5) == 2);
  CHECK(*bisect_midpoint(2, 5) == 3);
  CHECK(*bisect_midpoint(2, 4) == 3);
  CHECK_FALSE(bisect_midpoint(2, 3));   // c3 is the first bad commit
  CHECK_FALSE(bisect_midpoint(-1, 0));  // a single suspect is the culprit
}

namespace {

MetricResult result(const std::string& benchmark, Metric metric, Verdict verdict, double ratio = 1.5) {
  MetricResult r;
  r.benchmark = benchmark;
  r.metric = metric;
  r.verdict = verdict;
  r.alerting = metric != Metric::p50_latency;
  r.ratio = ratio;
  return r;
}

}  // namespace

TEST_CASE("is_rerun_candidate: alerting regressions that reruns can judge") {
  CHECK(is_rerun_candidate(result("a", Metric::p95_latency, Verdict::regression)));
  CHECK_FALSE(is_rerun_candidate(result("a", Metric::p95_latency, Verdict::unchanged)));
  CHECK_FALSE(is_rerun_candidate(result("a", Metric::memory_growth, Verdict::regression)));  // judged within the night
  MetricResult ignored = result("a", Metric::throughput, Verdict::regression);
  ignored.ignored = true;
  CHECK_FALSE(is_rerun_candidate(ignored));
}

TEST_CASE("judge_on_median: a p95 whose whole distribution moved") {
  const Policy policy;  // p95 +20 %
  const MetricResult p95 = result("a", Metric::p95_latency, Verdict::regression);
  CHECK_FALSE(judge_on_median({p95, result("a", Metric::p50_latency, Verdict::unchanged, 1.1)}, p95, policy));
  CHECK(judge_on_median({p95, result("a", Metric::p50_latency, Verdict::unchanged, 1.3)}, p95, policy));
  CHECK_FALSE(judge_on_median({p95, result("b", Metric::p50_latency, Verdict::unchanged, 1.3)}, p95, policy));  // another benchmark's
  MetricResult whole = p95;
  whole.whole_distribution = true;
  CHECK(judge_on_median({whole}, whole, policy));
  const MetricResult throughput = result("a", Metric::throughput, Verdict::regression, 0.5);
  CHECK_FALSE(judge_on_median({throughput, result("a", Metric::p50_latency, Verdict::unchanged, 2.0)}, throughput, policy));
  // A slow tail: the p95 went x3 and dragged the median +30 %, not half as far (in log).
  const MetricResult tail = result("a", Metric::p95_latency, Verdict::regression, 3.0);
  CHECK_FALSE(judge_on_median({tail, result("a", Metric::p50_latency, Verdict::unchanged, 1.3)}, tail, policy));
  MetricResult whole_tail = tail;
  whole_tail.whole_distribution = true;
  CHECK_FALSE(judge_on_median({whole_tail, result("a", Metric::p50_latency, Verdict::unchanged, 1.3)}, whole_tail, policy));
  CHECK(judge_on_median({tail, result("a", Metric::p50_latency, Verdict::unchanged, 1.8)}, tail, policy));  // log 1.8 > log 3 / 2
}

TEST_CASE("rerun_probe: the median when the whole distribution moved, against the candidate's own bar") {
  const Policy policy;  // p95 +20 %
  MetricResult p95 = result("a", Metric::p95_latency, Verdict::regression);
  p95.noise.returns_to = std::log(1.4);  // its history's upper level
  MetricResult p50 = result("a", Metric::p50_latency, Verdict::unchanged, 1.3);
  p50.noise.returns_to = std::log(1.05);
  const RerunProbe median = rerun_probe({p95, p50}, p95, policy);
  CHECK(median.metric == Metric::p50_latency);
  CHECK(median.boundary == doctest::Approx(std::log(1.4)));  // the p95's bar, not the median's lower one
  const RerunProbe own = rerun_probe({p95}, p95, policy);
  CHECK(own.metric == Metric::p95_latency);
  CHECK(own.boundary == doctest::Approx(std::log(1.4)));
  const MetricResult throughput = result("a", Metric::throughput, Verdict::regression, 0.5);
  CHECK(rerun_probe({throughput}, throughput, policy).boundary == doctest::Approx(-std::log(1 - 0.15 / 2)));
}

TEST_CASE("reruns_before: regressions first, then the stronger evidence") {
  MetricResult regression = result("a", Metric::p95_latency, Verdict::regression);
  regression.p_value = 1e-4;
  MetricResult screened = result("b", Metric::p95_latency, Verdict::unchanged);
  screened.screened = true;
  screened.p_value = 1e-6;  // smaller, yet not across the run
  CHECK(reruns_before(regression, screened));
  CHECK_FALSE(reruns_before(screened, regression));
  MetricResult held = screened;  // a held-back first night: p 1, tonight alone 1e-7
  held.p_value = 1;
  held.night_p = 1e-7;
  CHECK(reruns_before(held, screened));
  CHECK_FALSE(reruns_before(screened, held));
  CHECK_FALSE(reruns_before(screened, screened));
}

TEST_CASE("nights_back_to_good: before the first night of a step") {
  MetricResult first = result("a", Metric::p95_latency, Verdict::regression);
  first.nights_in_row = 1;
  CHECK(nights_back_to_good({first}) == 1);
  MetricResult second = result("b", Metric::throughput, Verdict::regression, 0.5);
  second.nights_in_row = 2;  // last night ran the step's commit already
  CHECK(nights_back_to_good({first, second}) == 2);
  second.verdict = Verdict::unchanged;  // not a candidate: nothing is rerun for it
  CHECK(nights_back_to_good({first, second}) == 1);
}

TEST_CASE("apply_confirmations: a screened result the reruns confirm becomes a regression") {
  Comparison c;
  MetricResult screened = result("a", Metric::p95_latency, Verdict::unchanged);
  screened.screened = true;
  c.results = {screened, screened, result("b", Metric::p95_latency, Verdict::regression)};
  c.results[1].benchmark = "a2";
  CHECK(is_rerun_candidate(c.results[0]));
  Confirmation yes, no;
  yes.confirmed = true;
  no.confirmed = false;
  apply_confirmations(c, {{"a", Metric::p95_latency, yes}, {"a2", Metric::p95_latency, no}, {"b", Metric::p95_latency, no}});
  CHECK(c.results[0].verdict == Verdict::regression);  // confirmed on new data
  CHECK(c.results[1].verdict == Verdict::unchanged);   // refuted: it never was a regression
  CHECK(c.results[2].verdict == Verdict::regression);  // refuted: recorded as a candidate, not filed
  CHECK(refuted(c.results[2]));
  CHECK(c.verdict == Verdict::regression);  // from "a"
}
