// A stand-in benchmark process for the runner's tests (built without sanitizers,
// so its memory is its own):
//   bench_helper sleep SECONDS        sleeps (and ignores nothing: SIGTERM ends it)
//   bench_helper exit CODE MESSAGE    prints MESSAGE to stderr, exits CODE
//   bench_helper alloc MB             touches MB megabytes, holds them 100 ms, prints native JSON
//   bench_helper native NAME NS       prints a native result with NS as its sample
//   bench_helper from-file NAME FILE  prints a native result whose samples are FILE's text ("1,2,3")
//   bench_helper scaled NAME LEVEL_FILE [SLOW_ONCE]
//                                     prints 20 samples around the number in LEVEL_FILE (2 % noise);
//                                     1.6x as slow when the file SLOW_ONCE exists, which it removes
//                                     (a night whose first run an outside cause slowed)
//   bench_helper leak MB STEPS MS     touches MB more megabytes every MS ms, STEPS times (a leak)
//   bench_helper hold MB SECONDS      touches MB megabytes once, holds them SECONDS (no leak)
//   bench_helper work MILLIONS [FILE] a fixed amount of arithmetic (MILLIONS million steps), then
//                                     writes "ran" to FILE if given: the same instructions every run
//   bench_helper garbage              prints output no adapter reads
//   bench_helper spawn-sleeper FILE   starts a grandchild that sleeps 30 s, writes its pid to FILE, sleeps
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <thread>
#include <vector>

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "sleep" && argc > 2) {
    std::this_thread::sleep_for(std::chrono::duration<double>(std::atof(argv[2])));
    std::puts(R"({"benchmarks":[{"name":"slept","samples":[1]}]})");
    return 0;
  }
  if (mode == "exit" && argc > 3) {
    std::fprintf(stderr, "first line\n%s\n", argv[3]);
    return std::atoi(argv[2]);
  }
  if (mode == "alloc" && argc > 2) {
    const size_t bytes = static_cast<size_t>(std::atol(argv[2])) * 1024 * 1024;
    std::vector<char> block(bytes);
    std::memset(block.data(), 1, bytes);  // every page touched: resident
    std::this_thread::sleep_for(std::chrono::milliseconds(100));  // works with it a while, as a benchmark would
    std::printf(R"({"benchmarks":[{"name":"alloc","samples":[%d]}]})" "\n", block[bytes / 2]);
    return 0;
  }
  if ((mode == "leak" && argc > 4) || (mode == "hold" && argc > 3)) {
    const bool leak = mode == "leak";
    const size_t step = static_cast<size_t>(std::atol(argv[2])) * 1024 * 1024;
    const int steps = leak ? std::atoi(argv[3]) : 1;
    const auto pause = leak ? std::chrono::duration<double>(std::atof(argv[4]) / 1000)
                            : std::chrono::duration<double>(std::atof(argv[3]));
    std::vector<std::vector<char>> blocks;
    for (int i = 0; i < steps; ++i) {
      blocks.emplace_back(step);
      std::memset(blocks.back().data(), 1, step);
      std::this_thread::sleep_for(pause);
    }
    std::printf(R"({"benchmarks":[{"name":"%s","samples":[%d]}]})" "\n", argv[1], blocks.back()[step / 2]);
    return 0;
  }
  if (mode == "native" && argc > 3) {
    std::printf(R"({"benchmarks":[{"name":"%s","unit":"ns","samples":[%s]}]})" "\n", argv[2], argv[3]);
    return 0;
  }
  if (mode == "from-file" && argc > 3) {
    std::ifstream in(argv[3]);
    const std::string samples((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::printf(R"({"benchmarks":[{"name":"%s","unit":"ns","samples":[%s]}]})" "\n", argv[2], samples.c_str());
    return 0;
  }
  if (mode == "scaled" && argc > 3) {
    double level = 0;
    std::ifstream(argv[3]) >> level;
    if (!(level > 0)) {
      std::fprintf(stderr, "bench_helper: %s: expected a positive number\n", argv[3]);
      return 2;
    }
    std::error_code ec;
    if (argc > 4 && std::filesystem::remove(argv[4], ec)) level *= 1.6;
    std::mt19937_64 rng{std::random_device{}()};
    std::normal_distribution<double> noise(1.0, 0.02);
    std::string samples;
    for (int i = 0; i < 20; ++i) samples += (i ? "," : "") + std::to_string(level * noise(rng));
    std::printf(R"({"benchmarks":[{"name":"%s","unit":"ns","samples":[%s]}]})" "\n", argv[2], samples.c_str());
    return 0;
  }
  if (mode == "work" && argc > 2) {
    volatile std::uint64_t x = 1;  // volatile: the loop is not folded away
    const long steps = std::atol(argv[2]) * 1000000L;
    for (long i = 0; i < steps; ++i) x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    if (argc > 3) std::ofstream(argv[3]) << "ran";
    std::printf("%llu\n", static_cast<unsigned long long>(x & 1));
    return 0;
  }
  if (mode == "garbage") {
    std::puts("this is not JSON at all");
    return 0;
  }
  if (mode == "spawn-sleeper" && argc > 2) {
    const pid_t child = fork();
    if (child == 0) {
      execlp("sleep", "sleep", "30", static_cast<char*>(nullptr));
      _exit(127);
    }
    std::ofstream(argv[2]) << child << "\n";
    std::this_thread::sleep_for(std::chrono::seconds(30));
    return 0;
  }
  std::fprintf(stderr, "bench_helper: unknown mode\n");
  return 2;
}
