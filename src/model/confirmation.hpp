#pragma once
// What reruns on the same machine said of a candidate regression
// (confirmation), and the commit that introduced it (bisection).
#include <cmath>
#include <optional>
#include <string>

namespace perfwatch {

// A measured effect of one commit against another: the ratio (error rate:
// the difference in points) with its 99 % interval.
struct Effect {
  double ratio = NAN;
  double low = NAN, high = NAN;
  int rounds = 0;  // interleaved pairs of runs it rests on
};

struct Culprit {
  std::string sha, author, subject;
  Effect effect;  // against the last good commit
};

struct Confirmation {
  // true: confirmed; false: refuted (files nothing); nullopt: could not be
  // decided (`note` says why), which files as before, saying so.
  std::optional<bool> confirmed;
  Effect effect;        // tonight's commit against good_sha, interleaved
  double seconds = 0;   // the reruns' time, prepare steps included
  std::string good_sha;
  // A p95 candidate whose whole distribution moved (its significance came
  // from the median, or the median moved past the threshold too) is judged
  // on the median's reruns: far less noisy per run.
  bool on_median = false;
  std::string note;     // why it was skipped or undecided; "" otherwise
  std::optional<Culprit> culprit;
  std::string bisect_note;  // a bisection that could not finish, and where it stopped
};

}  // namespace perfwatch
