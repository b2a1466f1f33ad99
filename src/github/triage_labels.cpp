#include "github/triage_labels.hpp"

namespace perfwatch::github {

std::string label_source(int issue) { return "github #" + std::to_string(issue); }

std::string triage_label(const TrackedIssue& issue) {
  if (issue.has_label(kAcceptedLabel)) return kAcceptedLabel;
  if (issue.has_label(kInvalidLabel)) return kInvalidLabel;
  return "";
}

std::optional<Decision> decision_from_labels(const TrackedIssue& issue, const RunInfo& reported,
                                             const std::vector<Decision>& log, UnixTime now) {
  const std::string label = triage_label(issue);
  if (label.empty() || issue.issue.marker.benchmark.empty()) return std::nullopt;
  Decision d;
  d.time = now;
  d.kind = label == kAcceptedLabel ? DecisionKind::accept : DecisionKind::invalidate;
  d.source = label_source(issue.issue.number);
  for (const Decision& known : log)
    if (known.source == d.source && known.kind == d.kind) return std::nullopt;  // applied on an earlier night
  d.commit_sha = reported.commit_sha;
  d.reason = "label " + label + " on #" + std::to_string(issue.issue.number);
  if (d.kind == DecisionKind::accept) {
    d.benchmark = issue.issue.marker.benchmark;
    d.metric = issue.issue.marker.metric;
    d.since = reported.time;
  } else {
    d.run_id = reported.id;
  }
  return d;
}

const Decision* ending_decision(const TrackedIssue& issue, const std::vector<Decision>& log) {
  const Marker& m = issue.issue.marker;
  const Decision* ending = nullptr;
  for (const Decision& d : log) {
    if (d.time < issue.created) continue;
    const bool accepts = d.kind == DecisionKind::accept && !m.benchmark.empty() && d.benchmark == m.benchmark &&
                         (d.metric.empty() || d.metric == m.metric);
    const bool invalidates = d.kind == DecisionKind::invalidate && d.run_id == m.run;
    if (accepts || invalidates) ending = &d;
  }
  return ending;
}

}  // namespace perfwatch::github
