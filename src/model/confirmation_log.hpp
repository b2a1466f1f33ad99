#pragma once
// What the history keeps of a night's reruns: each candidate's confirmation,
// and each bisection step (which is never a run: it enters no baseline).
#include <string>

#include "detect/verdict.hpp"
#include "model/confirmation.hpp"
#include "util/time.hpp"

namespace perfwatch {

// One candidate's confirmation, as the history keeps it.
struct ConfirmationRecord {
  std::string benchmark;
  Metric metric = Metric::p95_latency;
  Confirmation confirmation;
};

// One bisection step: `commit` rerun interleaved against `good_sha`.
enum class StepCall { bad, good, undecided };
const char* to_string(StepCall c);
// The stored name back (undecided for one a newer perfwatch wrote).
StepCall parse_step_call(const std::string& text);
struct BisectStep {
  UnixTime time = 0;  // the night (or the `bisect` command) it belongs to
  std::string benchmark;
  Metric metric = Metric::p95_latency;
  std::string good_sha, commit_sha;
  StepCall call = StepCall::undecided;
  Effect effect;
  double seconds = 0;
};

}  // namespace perfwatch
