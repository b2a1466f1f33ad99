#pragma once
// What the reporter should do on GitHub, decided without GitHub: a pure
// function of tonight's findings and the open perfwatch issues, so a rerun of
// the same night plans nothing and noisy nights never spam.
//
// State lives in the issue body itself, in a hidden marker:
//   <!-- perfwatch fingerprint=<hex> run=<id> ok=<n> benchmark=<name> metric=<m> -->
// fingerprint names (repository, suite, benchmark, metric, environment);
// run is the last run reported; ok counts nights back within thresholds;
// benchmark (percent-encoded) and metric let a triage label on the issue be
// applied to the right baseline.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "detect/verdict.hpp"

namespace perfwatch::github {

struct Marker {
  std::string fingerprint;
  std::int64_t run = 0;
  int ok_nights = 0;
  std::string benchmark;  // "" in markers written before triage existed
  std::string metric;
};

std::string format_marker(const Marker& m);
std::optional<Marker> parse_marker(const std::string& body);

// A stable hex id of what one issue is about.
std::string fingerprint(const std::string& repository, const std::string& suite, const std::string& benchmark,
                        Metric metric, const std::string& environment);

struct OpenIssue {
  int number = 0;
  Marker marker;
};

// One alerting result tonight (regressed or not) with its fingerprint.
struct Finding {
  std::string fingerprint;
  const MetricResult* result = nullptr;
  bool regressed = false;
};

enum class ActionKind {
  open,      // a new regression: a new issue
  comment,   // still regressed on a new night: one comment
  progress,  // back within thresholds, not yet for long enough: the marker's count, silently
  close,     // back within thresholds for `recovery_nights`: a comment and close
};

struct Action {
  ActionKind kind = ActionKind::open;
  int issue = 0;  // 0 for open
  Marker marker;  // the marker the issue carries afterwards
  const MetricResult* result = nullptr;
};

std::vector<Action> plan_actions(const std::vector<Finding>& findings, const std::vector<OpenIssue>& open,
                                 std::int64_t run_id, int recovery_nights = 3);

}  // namespace perfwatch::github
