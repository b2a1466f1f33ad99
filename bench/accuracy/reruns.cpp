#include "accuracy/reruns.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>

#include "detect/nightly.hpp"
#include "detect/paired.hpp"

namespace perfwatch::accuracy {
namespace {

// splitmix64: neighbouring rounds and nights get unrelated machine states.
std::uint64_t mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// Every rerun's outcome printed (PERFWATCH_ACCURACY_DEBUG), read once.
bool debug_reruns() {
  static const bool on = std::getenv("PERFWATCH_ACCURACY_DEBUG") != nullptr;
  return on;
}

}  // namespace

bool rerun_confirms(const Labelled& l, const std::vector<MetricResult>& results, const MetricResult& candidate,
                    int good_night, int tonight, const Policy& policy, std::uint64_t seed) {
  const auto [judged, boundary] = rerun_probe(results, candidate, policy);
  std::vector<double> differences;
  for (int round = 0; round < kMaxRounds; ++round) {
    const std::uint64_t s = mix(seed ^ mix(static_cast<std::uint64_t>(round) * 2 + 1));
    const BenchmarkResult good = l.rerun(good_night, s), now = l.rerun(tonight, mix(s));
    const auto g = metric_value(good, judged), t = metric_value(now, judged);
    if (g && t)
      if (const auto d = paired_difference(judged, *g, *t)) differences.push_back(*d);
    const PairedSummary summary = summarize_pairs(differences, kPairedLevel);
    const PairedCall call = sequential_call(summary, boundary, kMinRounds);
    if (call != PairedCall::undecided || round + 1 == kMaxRounds) {
      if (debug_reruns())
        fmt::print("RERUN {} night {}: {} judged on {}: x{:.3f} [{:.3f}, {:.3f}] after {} rounds, bar x{:.3f}: {}\n",
                   l.name, tonight, to_string(candidate.metric), to_string(judged), std::exp(summary.mean),
                   std::exp(summary.low), std::exp(summary.high), summary.rounds, std::exp(boundary),
                   call == PairedCall::above ? "confirmed" : call == PairedCall::below ? "refuted" : "undecided");
      return call == PairedCall::above;
    }
  }
  return false;
}

bool files_after_reruns(const Labelled& l, const std::vector<MetricResult>& results, int good_night, int tonight,
                        const Policy& policy, std::uint64_t seed) {
  for (const MetricResult& r : results) {
    if (!is_rerun_candidate(r)) {
      if (r.verdict == Verdict::regression) return true;
      continue;
    }
    const std::uint64_t s = mix(seed ^ static_cast<std::uint64_t>(r.metric));
    if (rerun_confirms(l, results, r, good_night, tonight, policy, s)) return true;
  }
  return false;
}

}  // namespace perfwatch::accuracy
