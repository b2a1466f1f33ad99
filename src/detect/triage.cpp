#include "detect/triage.hpp"

#include "util/text.hpp"

namespace perfwatch {

std::optional<UnixTime> accepted_since(const std::vector<Decision>& log, const std::string& benchmark, Metric metric,
                                       UnixTime run_time) {
  std::optional<UnixTime> since;
  for (const Decision& d : log) {
    if (d.kind != DecisionKind::accept || d.benchmark != benchmark || d.since > run_time) continue;
    if (!d.metric.empty() && d.metric != to_string(metric)) continue;
    if (!since || d.since > *since) since = d.since;
  }
  return since;
}

const Decision* active_ignore(const std::vector<Decision>& log, const std::string& benchmark, UnixTime run_time) {
  const Decision* active = nullptr;
  for (const Decision& d : log) {
    if (!glob_match(d.benchmark, benchmark)) continue;
    if (d.kind == DecisionKind::ignore) active = (!d.until || *d.until > run_time) ? &d : nullptr;
    if (d.kind == DecisionKind::unignore) active = nullptr;
  }
  return active;
}

void apply_ignores(std::vector<MetricResult>& results, const std::vector<Decision>& log, UnixTime run_time) {
  for (MetricResult& r : results) {
    if (r.verdict != Verdict::regression || !active_ignore(log, r.benchmark, run_time)) continue;
    r.verdict = Verdict::unchanged;
    r.ignored = true;
  }
}

}  // namespace perfwatch
