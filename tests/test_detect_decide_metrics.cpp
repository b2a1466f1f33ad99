// compare_nights on the metrics beyond latency and throughput: instruction
// counts, a tool's own counts, p99.9 and memory growth.
#include <doctest/doctest.h>

#include "detect/decide.hpp"
#include "support/nights.hpp"
#include "support/results.hpp"

using namespace perfwatch;
using perfwatch::testing::find;
using perfwatch::testing::latency_night;
using perfwatch::testing::night_shift;

TEST_CASE("compare_nights on instruction counts") {
  const Policy policy;
  // Counts of three processes a night, a few hundred instructions apart (ASLR, environment size).
  auto night = [](double count, const std::string& source = "callgrind") {
    BenchmarkResult b;
    b.name = "tokenize";
    b.instructions = Series{"instructions", {count, count + 300, count - 200}};
    b.instructions_source = source;
    return b;
  };
  BenchmarkNights n{"tokenize", {}, {}};
  for (int i = 0; i < 7; ++i) n.baseline.push_back(night(1.2e8 + i * 1000));
  SUBCASE("+6 % is past the 5 % rule, +4 % is not") {
    n.current = night(1.2e8 * 1.06);
    const MetricResult up = find(compare_nights({n}, policy), Metric::instructions);
    CHECK(up.verdict == Verdict::regression);
    CHECK(up.counted_by == "callgrind");
    CHECK(up.unit == "instructions");
    CHECK(up.ratio == doctest::Approx(1.06).epsilon(0.001));
    n.current = night(1.2e8 * 1.04);
    CHECK(find(compare_nights({n}, policy), Metric::instructions).verdict == Verdict::unchanged);
    n.current = night(1.2e8 * 0.9);
    CHECK(find(compare_nights({n}, policy), Metric::instructions).verdict == Verdict::improvement);
  }
  SUBCASE("nights counted by another counter are not its baseline") {
    n.current = night(1.5e8, "perf_event_open");  // perf counts no valgrind start-up: another level
    const MetricResult r = find(compare_nights({n}, policy), Metric::instructions);
    CHECK(r.verdict == Verdict::insufficient_baseline);
    CHECK(r.baseline_nights == 0);
  }
  SUBCASE("only latency: no instruction row") {
    n.current = night(1.2e8);
    n.current.instructions.reset();
    n.current.latency = Series{"ns", {100, 110, 105}};
    for (const MetricResult& r : compare_nights({n}, policy)) CHECK(r.metric != Metric::instructions);
  }
}

TEST_CASE("compare_nights on a tool's counts (B/op, allocs/op, cycles/iter)") {
  const Policy policy;
  // go test -benchmem's B/op: ten runs a night, the same count or nearly.
  auto night = [](double bytes, const std::string& unit = "B/op") {
    BenchmarkResult b;
    b.name = "BenchmarkParse:" + unit;
    b.latency = Series{unit, {}};
    for (int i = 0; i < 10; ++i) b.latency->values.push_back(bytes + (i % 3));
    return b;
  };
  BenchmarkNights n{"BenchmarkParse:B/op", {}, {}};
  for (int i = 0; i < 7; ++i) n.baseline.push_back(night(4096 + i % 2));
  SUBCASE("judged as one count, not as latency quantiles") {
    n.current = night(4096);
    const auto results = compare_nights({n}, policy);
    REQUIRE(results.size() == 1);
    CHECK(results[0].metric == Metric::count);
    CHECK(results[0].unit == "B/op");
    CHECK(results[0].alerting);
    CHECK(results[0].verdict == Verdict::unchanged);
  }
  SUBCASE("+6 % is past count_increase's 5 %, +4 % is not, lower is better") {
    n.current = night(4096 * 1.06);
    const MetricResult up = find(compare_nights({n}, policy), Metric::count);
    CHECK(up.verdict == Verdict::regression);
    CHECK(up.ratio == doctest::Approx(1.06).epsilon(0.001));
    n.current = night(4096 * 1.04);
    CHECK(find(compare_nights({n}, policy), Metric::count).verdict == Verdict::unchanged);
    n.current = night(4096 * 0.8);
    CHECK(find(compare_nights({n}, policy), Metric::count).verdict == Verdict::improvement);
    Policy looser;
    looser.defaults.count_increase = 0.10;
    n.current = night(4096 * 1.06);
    CHECK(find(compare_nights({n}, looser), Metric::count).verdict == Verdict::unchanged);
  }
  SUBCASE("a time per operation stays latency") {
    for (BenchmarkResult& b : n.baseline) b.latency->unit = "ns";
    n.current = night(4096 * 1.5, "ns");
    const auto results = compare_nights({n}, policy);
    CHECK(find(results, Metric::p95_latency).verdict == Verdict::regression);
    for (const MetricResult& r : results) CHECK(r.metric != Metric::count);
  }
}

TEST_CASE("compare_nights: p99.9 is reported, and alerts only under p999_increase") {
  std::mt19937_64 rng(99);
  BenchmarkNights n{"server/tail", {}, {}};
  for (int i = 0; i < 7; ++i) n.baseline.push_back(latency_night("server/tail", 1000, 1200, rng, night_shift(rng)));
  n.current = latency_night("server/tail", 1000, 1200, rng, night_shift(rng));
  for (size_t i = 0; i < n.current.latency->values.size(); i += 33) n.current.latency->values[i] *= 3;  // 3 % far slower
  Policy policy;
  {
    const auto results = compare_nights({n}, policy);
    const MetricResult& p999 = find(results, Metric::p999_latency);
    CHECK_FALSE(p999.alerting);
    CHECK(p999.ratio > 2);
    CHECK(p999.verdict == Verdict::unchanged);
    CHECK(p999.worse_not_alerting);
    CHECK(find(results, Metric::p95_latency).verdict == Verdict::unchanged);  // the p95 barely moved
  }
  policy.defaults.p999_increase = 0.5;
  {
    const auto results = compare_nights({n}, policy);
    const MetricResult& p999 = find(results, Metric::p999_latency);
    CHECK(p999.alerting);
    CHECK(p999.verdict == Verdict::regression);
    CHECK(overall_verdict(results) == Verdict::regression);
  }
  SUBCASE("a night of 30 samples has no p99.9: it says so") {
    n.current = latency_night("server/tail", 1000, 30, rng);
    const auto results = compare_nights({n}, policy);
    const MetricResult& p999 = find(results, Metric::p999_latency);
    CHECK(p999.too_few_samples == 30);
    CHECK(std::isnan(p999.current));
    CHECK(p999.verdict == Verdict::unchanged);
    CHECK(overall_verdict(results) == Verdict::unchanged);
  }
}

TEST_CASE("compare_nights: memory growth alerts past the policy's rate when its trend is significant") {
  std::mt19937_64 rng(5);
  BenchmarkNights n{"service/soak", {}, {}};
  for (int i = 0; i < 7; ++i) n.baseline.push_back(latency_night("service/soak", 1000, 20, rng));
  n.current = latency_night("service/soak", 1000, 20, rng);
  auto run_growing = [&](double bytes_per_hour) {
    MemorySeries s;  // an hour's run, a sample every 12 s
    for (int i = 0; i < 300; ++i) {
      s.seconds.push_back(12.0 * i);
      s.bytes.push_back(200e6 + bytes_per_hour / 3600 * 12 * i + (i % 4) * 4096.0);
    }
    n.current.memory = s;
    return find(compare_nights({n}, Policy{}), Metric::memory_growth);
  };
  const MetricResult leak = run_growing(50e6);
  CHECK(leak.verdict == Verdict::regression);
  CHECK(leak.alerting);
  CHECK(leak.current == doctest::Approx(50e6).epsilon(0.02));
  CHECK(leak.ci_low > 2e6);
  CHECK(leak.unit == "bytes/h");
  CHECK(run_growing(1e6).verdict == Verdict::unchanged);  // significant, but under 2 MB/h
  // Past 2 MB/h, but 3 MB/h over the 48 minutes after warm-up is 2.4 MB: under the 4 MiB RSS resolves.
  const MetricResult faint = run_growing(3e6);
  CHECK(faint.p_value < 1e-4);
  CHECK(faint.verdict == Verdict::unchanged);
  CHECK(run_growing(0).verdict == Verdict::unchanged);
  n.current.memory.reset();
  for (const MetricResult& r : compare_nights({n}, Policy{})) CHECK(r.metric != Metric::memory_growth);
}
