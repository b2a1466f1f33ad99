#pragma once
// A maintainer's triage decision: it changes future baselines and alerts, and
// is kept (who, when, why) so `triage log` can show how a baseline came to be.
#include <cstdint>
#include <optional>
#include <string>

#include "util/time.hpp"

namespace perfwatch {

enum class DecisionKind {
  accept,      // the new level of `benchmark` (one metric or all) is intended: baselines start at `since`
  ignore,      // stop alerting for benchmarks matching the glob `benchmark`, until `until` (or for good)
  unignore,    // undo earlier ignores of the same glob
  invalidate,  // run `run_id` was a bad night: it leaves every baseline
};
const char* to_string(DecisionKind k);
bool parse_decision_kind(const std::string& text, DecisionKind& out);

struct Decision {
  std::int64_t id = 0;  // 0 until stored
  UnixTime time = 0;    // when it was decided
  DecisionKind kind = DecisionKind::accept;
  std::string benchmark;  // accept: a name; ignore/unignore: a glob; invalidate: ""
  std::string metric;     // accept: one metric's name, or "" for every metric
  std::string commit_sha; // accept: where the new level starts; invalidate: the run's commit
  UnixTime since = 0;     // accept: the run time the new baseline starts at (inclusive)
  std::optional<UnixTime> until;  // ignore: when the ignore ends
  std::int64_t run_id = 0;        // invalidate
  std::string actor;   // a GitHub login or the local user
  std::string reason;
  std::string source;  // "cli", or "github #12" for a label read back from an issue
  bool operator==(const Decision&) const = default;
};

}  // namespace perfwatch
