#include "detect/baseline.hpp"

#include <algorithm>
#include <map>

#include <algorithm>

namespace perfwatch {

std::vector<RunInfo> select_baseline(const std::vector<RunInfo>& candidates, const RunInfo& current,
                                     int window_days, const IsAncestor& is_ancestor) {
  const UnixTime from = current.time - std::int64_t{window_days} * 86400;
  std::vector<RunInfo> baseline;
  for (const RunInfo& run : candidates) {
    const bool before = run.time < current.time || (run.time == current.time && run.id < current.id);
    if (run.id == current.id || !before || run.time < from) continue;
    if (run.environment != current.environment || run.status != RunStatus::complete) continue;
    if (!is_ancestor(run.commit_sha, current.commit_sha)) continue;
    baseline.push_back(run);
  }
  std::sort(baseline.begin(), baseline.end(),
            [](const RunInfo& a, const RunInfo& b) { return a.time != b.time ? a.time < b.time : a.id < b.id; });
  return baseline;
}

std::string describe_machine_change(const std::vector<RunInfo>& baseline, const RunInfo& tonight) {
  std::map<std::string, int> others;
  for (const RunInfo& r : baseline)
    if (r.cpu != tonight.cpu) ++others[r.cpu];
  if (others.empty()) return "";
  const auto commonest = std::max_element(others.begin(), others.end(),
                                          [](const auto& a, const auto& b) { return a.second < b.second; });
  return "tonight ran on " + (tonight.cpu.empty() ? std::string("an unknown CPU") : tonight.cpu) + "; " +
         std::to_string(commonest->second) + " of " + std::to_string(baseline.size()) + " baseline nights on " +
         (commonest->first.empty() ? std::string("an unknown CPU") : commonest->first);
}

}  // namespace perfwatch
