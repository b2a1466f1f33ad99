// A stand-in service for the demo: for three seconds it answers "requests"
// (hashing a payload), then prints perfwatch's native JSON with each request's
// latency (thousands of them: enough for a p99.9). A file leak.txt in the
// working directory makes it keep every response forever (a cache that never
// evicts: the leak perfwatch's memory growth catches). It also reports a
// health check whose latency is a hard-coded constant, as some real reports
// do: perfwatch flags it as not a measurement.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace {

std::uint64_t answer(std::uint64_t request) {
  std::uint64_t h = 1469598103934665603ULL ^ request;
  for (int i = 0; i < 20000; ++i) h = (h ^ (h >> 29)) * 1099511628211ULL + static_cast<std::uint64_t>(i);
  return h;
}

}  // namespace

int main() {
  using Clock = std::chrono::steady_clock;
  const bool leaks = std::filesystem::exists("leak.txt");
  std::vector<std::string> kept;  // the never-evicted cache
  std::vector<double> latencies;
  std::uint64_t sink = 0;
  const auto start = Clock::now();
  while (Clock::now() - start < std::chrono::seconds(3)) {
    const auto t0 = Clock::now();
    sink += answer(latencies.size());
    if (leaks) kept.emplace_back(16 * 1024, static_cast<char>('a' + sink % 26));
    latencies.push_back(std::chrono::duration<double, std::nano>(Clock::now() - t0).count());
  }
  std::string samples;
  for (double v : latencies) samples += (samples.empty() ? "" : ",") + std::to_string(static_cast<std::int64_t>(v));
  std::printf(R"({"benchmarks": [{"name": "request", "unit": "ns", "samples": [%s]},)" "\n", samples.c_str());
  std::printf(R"( {"name": "health_check", "unit": "ns", "samples": [100000, 100000, 100000, 100000, 100000, 100000]}],)" "\n");
  std::printf(R"( "meta": {"checksum": %llu, "cached": %zu}})" "\n", static_cast<unsigned long long>(sink), kept.size());
  return 0;
}
