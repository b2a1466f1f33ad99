#pragma once
// Triage from the GitHub UI, decided without GitHub: which decision a
// maintainer's label on an open perfwatch issue stands for, and which
// decision (from a label or `perfwatch triage`) ends an open issue.
#include <optional>
#include <string>
#include <vector>

#include "github/reporter.hpp"
#include "model/decision.hpp"
#include "model/run.hpp"

namespace perfwatch::github {

// "github #12": where a label decision came from, and how it is found again.
std::string label_source(int issue);

// The decision a perf-accepted or perf-invalid label on `issue` stands for
// (accepted wins when both are there), about `reported` (the run the issue's
// marker last reported); nullopt when it has neither label, its marker names
// no benchmark, or `log` already holds that decision.
std::optional<Decision> decision_from_labels(const TrackedIssue& issue, const RunInfo& reported,
                                             const std::vector<Decision>& log, UnixTime now);

// The label that decision_from_labels reads for `issue` ("" when none).
std::string triage_label(const TrackedIssue& issue);

// The decision that ends `issue`: an accept of its benchmark (its metric or
// every metric), or an invalidation of the run it reported, decided after the
// issue was opened. nullptr when none.
const Decision* ending_decision(const TrackedIssue& issue, const std::vector<Decision>& log);

}  // namespace perfwatch::github
