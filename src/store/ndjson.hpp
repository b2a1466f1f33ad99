#pragma once
// The history as NDJSON: a header line, then one run per line with its commit,
// environment and every sample, then one triage decision per line. Lossless:
// doubles print in shortest round-trip form, so export -> import -> export is
// byte-identical. A decision names its run by commit and time (run ids are
// the database's own and differ after an import).
#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "model/decision.hpp"
#include "model/run.hpp"

namespace perfwatch {

constexpr int kNdjsonVersion = 1;

std::string ndjson_header();
std::string run_to_ndjson(const RunRecord& run);

// A decision as exported: an invalidation's run is named by its commit
// (decision.commit_sha) and this time.
struct DecisionRecord {
  Decision decision;  // run_id is 0: the importing store resolves it
  UnixTime run_time = 0;
};
std::string decision_to_ndjson(const DecisionRecord& d);

struct HistoryExport {
  std::vector<RunRecord> runs;
  std::vector<DecisionRecord> decisions;
};

// Parses a whole export; errors name `source`, the line and the field (exit 2).
HistoryExport parse_ndjson(std::istream& in, const std::string& source);

}  // namespace perfwatch
