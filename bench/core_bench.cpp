// perfwatch's own micro-benchmarks (Google Benchmark): the hot paths of a
// night — summarising samples, encoding them for the store, parsing a
// harness's output, deciding a run. `perfwatch nightly` runs this suite on
// perfwatch itself (perfwatch.json at the repository root).
#include <benchmark/benchmark.h>

#include <random>

#include "adapters/adapter.hpp"
#include "detect/decide.hpp"
#include "stats/quantile.hpp"
#include "stats/tests.hpp"
#include "store/sample_codec.hpp"

namespace {

using namespace perfwatch;

std::vector<double> lognormal(size_t n, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::lognormal_distribution<double> d(std::log(1000.0), 0.2);
  std::vector<double> v(n);
  for (double& x : v) x = d(rng);
  return v;
}

void BM_summarize(benchmark::State& state) {
  const auto samples = lognormal(static_cast<size_t>(state.range(0)), 1);
  for (auto _ : state) benchmark::DoNotOptimize(stats::summarize(samples));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_summarize)->Arg(100)->Arg(10000);

void BM_mann_whitney(benchmark::State& state) {
  const auto a = lognormal(200, 2), b = lognormal(200, 3);
  for (auto _ : state) benchmark::DoNotOptimize(stats::mann_whitney_u(a, b, stats::Alternative::two_sided));
}
BENCHMARK(BM_mann_whitney);

void BM_sample_codec(benchmark::State& state) {
  const auto samples = lognormal(1000, 4);
  for (auto _ : state) benchmark::DoNotOptimize(store::decode_samples(store::encode_samples(samples)));
  state.SetBytesProcessed(state.iterations() * 1000 * 8);
}
BENCHMARK(BM_sample_codec);

void BM_parse_native(benchmark::State& state) {
  std::string text = R"({"suite":"s","benchmarks":[)";
  for (int i = 0; i < 20; ++i) {
    if (i > 0) text += ',';
    text += R"({"name":"b)";
    text += std::to_string(i);
    text += R"(","unit":"ns","samples":[)";
    const auto v = lognormal(100, static_cast<std::uint64_t>(i));
    for (size_t j = 0; j < v.size(); ++j) {
      if (j > 0) text += ',';
      text += std::to_string(v[j]);
    }
    text += "]}";
  }
  text += "]}";
  for (auto _ : state) benchmark::DoNotOptimize(parse_results("perfwatch", text, "bench.json"));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_parse_native);

void BM_compare_nights(benchmark::State& state) {
  std::vector<BenchmarkNights> nights;
  for (int b = 0; b < state.range(0); ++b) {
    BenchmarkNights n{"bench/" + std::to_string(b), {}, {}, {}};
    for (int night = 0; night < 8; ++night) {
      BenchmarkResult r;
      r.name = n.name;
      r.latency = Series{"ns", lognormal(100, static_cast<std::uint64_t>(b * 10 + night))};
      (night < 7 ? n.baseline.push_back(r) : void(n.current = r));
    }
    nights.push_back(std::move(n));
  }
  const Policy policy;
  for (auto _ : state) benchmark::DoNotOptimize(compare_nights(nights, policy));
}
BENCHMARK(BM_compare_nights)->Arg(20)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
