#include "detect/baseline.hpp"

#include <algorithm>
#include <map>

#include <algorithm>

namespace perfwatch {

namespace {

bool earlier(const RunInfo& a, const RunInfo& b) { return a.time != b.time ? a.time < b.time : a.id < b.id; }

}  // namespace

bool same_night(const RunInfo& a, const RunInfo& b) {
  const std::int64_t apart = a.time > b.time ? a.time - b.time : b.time - a.time;
  return a.commit_sha == b.commit_sha && a.environment == b.environment && apart < kNightSeconds;
}

std::vector<RunInfo> select_baseline(const std::vector<RunInfo>& candidates, const RunInfo& current,
                                     int window_days, const IsAncestor& is_ancestor) {
  const UnixTime from = current.time - std::int64_t{window_days} * 86400;
  std::vector<RunInfo> baseline;
  for (const RunInfo& run : candidates) {
    const bool before = earlier(run, current);
    if (run.id == current.id || !before || run.time < from || same_night(run, current)) continue;
    if (run.environment != current.environment || run.status != RunStatus::complete) continue;
    if (!is_ancestor(run.commit_sha, current.commit_sha)) continue;
    baseline.push_back(run);
  }
  std::sort(baseline.begin(), baseline.end(), earlier);
  return baseline;
}

std::vector<std::vector<RunInfo>> group_nights(const std::vector<RunInfo>& runs) {
  std::vector<std::vector<RunInfo>> nights;
  for (const RunInfo& run : runs) {
    auto it = std::find_if(nights.rbegin(), nights.rend(), [&](const auto& n) { return same_night(n.front(), run); });
    if (it == nights.rend()) nights.push_back({run});
    else it->push_back(run);
  }
  return nights;
}

std::vector<RunInfo> night_of(const std::vector<RunInfo>& candidates, const RunInfo& current) {
  std::vector<RunInfo> night;
  for (const RunInfo& run : candidates)
    if (run.id != current.id && run.status == RunStatus::complete && earlier(run, current) && same_night(run, current))
      night.push_back(run);
  std::sort(night.begin(), night.end(), earlier);
  night.push_back(current);
  return night;
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
