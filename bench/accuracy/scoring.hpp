#pragma once
// Every detector over every night of a corpus, and the scores: false alarms
// on clean nights, recall on the first night and by the second, perfwatch's
// p-values on clean nights (calibration), and misses and alarms by cause.
#include <map>
#include <string>
#include <vector>

#include "accuracy/corpus.hpp"
#include "detect/policy.hpp"

namespace perfwatch::accuracy {

struct Score {
  int clean = 0, false_alarms = 0, steps = 0, first_night = 0, by_second = 0;
  double false_alarm_rate() const { return clean ? 100.0 * false_alarms / clean : 0; }
  double recall_first() const { return steps ? 100.0 * first_night / steps : 100; }
  double recall_second() const { return steps ? 100.0 * by_second / steps : 100; }
};

// The share of clean nights' one-sided "worse" p-values below each level.
struct Calibration {
  static constexpr double kLevels[] = {0.001, 0.01, 0.05, 0.1};
  int tests = 0;
  int below[4] = {0, 0, 0, 0};
  double share(int level) const { return tests ? static_cast<double>(below[level]) / tests : 0; }
};

// perfwatch's candidates are compare's verdicts; "after reruns" is what
// nightly files once its confirmation reruns (simulated, synthetic corpora
// only: real data cannot be rerun) have judged them.
// "size rule alone" files every night whose estimated change (perfwatch's,
// tonight against the baseline nights' median) is past its threshold, with
// no test: no detector that keeps the contract's size rule on that estimate
// can catch more, so its recall is the corpus's ceiling.
enum Method { kPerfwatch, kConfirmed, kPrevious, kPooled, kSizeRule, kMethods };
inline const char* const kMethodNames[] = {"perfwatch, compare", "perfwatch, after reruns", "previous run, ratio",
                                           "7 days pooled, MWU", "size rule alone"};

struct CorpusScore {
  std::string corpus;
  bool rerun = false;  // the corpus can be rerun: kConfirmed was scored
  int runs = 0, reruns = 0;  // nightly runs, and the benchmarks rerun in them (what the reruns cost)
  Score methods[kMethods];
  Calibration calibration;  // perfwatch's, where the history model decided
  Calibration calibration_short;  // where too little history left it to the baseline nights
  // Nights and steps, and what perfwatch files of them (after reruns where
  // the corpus can be rerun), by what compare could say of the benchmark's
  // noise on that night (a step's first): warned too_noisy
  // (detect/measurement_warnings), too little history to tell (under
  // kNoisyMinNights), or quiet enough for its threshold.
  Score warned, young, quiet;
  std::map<std::string, int> misses;  // perfwatch: by step kind and how it was judged
  std::map<std::string, int> alarms;  // perfwatch: by metric and how it was judged
};

// `window`: baseline nights; `history`: the noise model's nights before them.
CorpusScore score_corpus(const Corpus& corpus, const Policy& policy, int window, int history);

}  // namespace perfwatch::accuracy
