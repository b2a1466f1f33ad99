#include "cli/command.hpp"

namespace perfwatch {

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"nightly", "run + compare + GitHub issues, for a scheduled CI job", setup_nightly},
      {"run", "Run the suite from the config and record one run for a commit", setup_run},
      {"ingest", "Record results produced elsewhere as one run for a commit", setup_ingest},
      {"compare", "Compare the newest run of a commit with its 7-day baseline", setup_compare},
      {"status", "Regression status of one commit, per benchmark", setup_status},
      {"report", "GitHub issues for a commit's comparison (--github), or an HTML report (--html)", setup_report},
      {"bisect", "Name the commit that made a benchmark slower: interleaved reruns of commits in worktrees", setup_bisect},
      {"triage", "Maintainers' decisions: accept a new level, ignore, invalidate a run; and their log", setup_triage},
      {"history", "Trend of one benchmark: table and sparkline", setup_history},
      {"export", "Write the whole history as NDJSON to stdout", setup_export},
      {"import", "Add runs from an NDJSON export (one transaction)", setup_import},
      {"migrate", "Copy the whole history into another, e.g. onto PostgreSQL (one transaction)", setup_migrate},
  };
  return table;
}

}  // namespace perfwatch
