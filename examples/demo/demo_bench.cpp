// perfwatch's demo suite: three benchmarks of different shapes.
//   BM_parse_tokens   a tight loop (the one the knob slows down)
//   BM_build_strings  allocation-heavy
//   BM_lookup_tail    usually fast, now and then slow: a heavy tail
// A file slowdown.txt in the working directory holding 1.5 makes
// BM_parse_tokens do 1.5x the work: committed, it is a regression in the code
// (PERFWATCH_DEMO_SLOWDOWN=1.5 does the same from outside). When the file
// named by PERFWATCH_DEMO_SLOW_ONCE exists, BM_parse_tokens is 1.6x as slow for
// this run and the file is removed: a night an outside cause slowed once.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace {

double slowdown() {
  double factor = 1.0;
  if (std::ifstream committed("slowdown.txt"); committed) committed >> factor;
  if (const char* knob = std::getenv("PERFWATCH_DEMO_SLOWDOWN")) factor = std::atof(knob);
  return factor > 0 ? factor : 1.0;
}

// Read once, at start-up: this run is the one an outside cause slows.
const double kOutsideCause = [] {
  const char* marker = std::getenv("PERFWATCH_DEMO_SLOW_ONCE");
  std::error_code ec;
  return marker && std::filesystem::remove(marker, ec) ? 1.6 : 1.0;
}();

void BM_parse_tokens(benchmark::State& state) {
  const auto work = static_cast<std::int64_t>(2000 * slowdown() * kOutsideCause);
  for (auto _ : state) {
    std::uint64_t hash = 1469598103934665603ULL;
    for (std::int64_t i = 0; i < work; ++i) {
      hash = (hash ^ static_cast<std::uint64_t>(i)) * 1099511628211ULL;
      benchmark::DoNotOptimize(hash);
    }
  }
  state.SetItemsProcessed(state.iterations() * work);
}
BENCHMARK(BM_parse_tokens);

void BM_build_strings(benchmark::State& state) {
  for (auto _ : state) {
    std::vector<std::string> words;
    for (int i = 0; i < 64; ++i) words.push_back("token-" + std::to_string(i) + std::string(24, 'x'));
    benchmark::DoNotOptimize(words.data());
  }
}
BENCHMARK(BM_build_strings);

void BM_lookup_tail(benchmark::State& state) {
  std::mt19937 rng(42);
  std::vector<int> table(4096);
  for (int& v : table) v = static_cast<int>(rng());
  std::uint32_t pick = 0;
  for (auto _ : state) {
    pick = pick * 1664525u + 1013904223u;
    const int rounds = (pick >> 24) < 8 ? 40 : 1;  // about 3 % of lookups are slow
    int sum = 0;
    for (int r = 0; r < rounds; ++r) sum += table[(pick + static_cast<std::uint32_t>(r) * 97) % table.size()];
    benchmark::DoNotOptimize(sum);
  }
}
BENCHMARK(BM_lookup_tail);

}  // namespace

BENCHMARK_MAIN();
