#pragma once
// The text of perfwatch's GitHub issues, comments and closing notes, rendered
// from templates/*.mustache. Benchmark names, commit subjects and authors are
// untrusted: they are escaped so they cannot break a table, inject markup or
// ping anyone.
#include <string>
#include <utility>
#include <vector>

#include "detect/verdict.hpp"
#include "model/decision.hpp"
#include "model/run.hpp"

namespace perfwatch {

// Everything one issue says, gathered by the caller (history, git, CI).
struct IssueFacts {
  const Comparison* comparison = nullptr;
  const MetricResult* result = nullptr;     // the alerting result
  std::vector<const MetricResult*> rows;    // every result of that benchmark tonight
  std::string environment;                  // a line for people
  std::string good_sha;                     // the last good run's commit
  std::vector<CommitInfo> suspects;         // newest first, at most 50
  size_t more_suspects = 0;
  std::vector<std::pair<UnixTime, double>> trend;  // the metric's nightly values, oldest first
  std::string run_url;                      // the CI run, when known
};

// "Performance regression: parser/small p95_latency +34.2% at 9fceb02"
std::string issue_title(const IssueFacts& facts);
std::string render_issue(const IssueFacts& facts, const std::string& marker);
std::string render_comment(const IssueFacts& facts);
std::string render_recovery(const IssueFacts& facts, int ok_nights);

// The comment that closes an issue a triage decision ended (accept or invalidate).
// `short_sha`: the commit the accepted baseline starts at, or of the invalidated run.
std::string render_triage(const Decision& d, const std::string& benchmark, const std::string& metric);

// `text` as one single-quoted shell word.
std::string shell_quote(const std::string& text);

}  // namespace perfwatch
