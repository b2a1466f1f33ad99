#include <doctest/doctest.h>

#include "detect/baseline.hpp"

using namespace perfwatch;

TEST_CASE("select_baseline") {
  const UnixTime day = 86400, t0 = 1794708000;
  // main: a -> b -> c -> d (current); feature: b -> f
  auto is_ancestor = [](const std::string& a, const std::string& d) {
    if (a == d) return true;
    const std::string main = "abcd";
    if (d == "f") return a == "a" || a == "b";
    return main.find(a) < main.find(d);
  };
  const RunInfo current{10, t0, "d", "env1"};
  std::vector<RunInfo> runs = {
      {1, t0 - 9 * day, "a", "env1"},                           // outside the 7-day window
      {2, t0 - 6 * day, "b", "env1"},                           // in
      {3, t0 - 5 * day, "f", "env1"},                           // a feature branch: not an ancestor
      {4, t0 - 4 * day, "c", "env2"},                           // another environment
      {5, t0 - 3 * day, "c", "env1", RunStatus::invalidated},   // triage said: a bad night
      {6, t0 - 2 * day, "c", "env1", RunStatus::interrupted},   // half a night
      {7, t0 - 1 * day, "c", "env1"},                           // in
      {8, t0, "d", "env1"},                                     // same commit, same time, earlier id: tonight's night, not its baseline
      {10, t0, "d", "env1"},                                    // itself
      {11, t0 + day, "d", "env1"},                              // after
  };
  const auto baseline = select_baseline(runs, current, 7, is_ancestor);
  std::vector<std::int64_t> ids;
  for (const RunInfo& r : baseline) ids.push_back(r.id);
  CHECK(ids == std::vector<std::int64_t>{2, 7});
  std::vector<std::int64_t> tonight;
  for (const RunInfo& r : night_of(runs, current)) tonight.push_back(r.id);
  CHECK(tonight == std::vector<std::int64_t>{8, 10});

  SUBCASE("a feature branch is compared with its own ancestors only") {
    const auto feature = select_baseline(runs, RunInfo{12, t0, "f", "env1"}, 7, is_ancestor);
    std::vector<std::int64_t> feature_ids;
    for (const RunInfo& r : feature) feature_ids.push_back(r.id);
    CHECK(feature_ids == std::vector<std::int64_t>{2, 3});
  }
  SUBCASE("a wider window reaches further back") {
    CHECK(select_baseline(runs, current, 10, is_ancestor).size() == 3);
  }
}

TEST_CASE("group_nights") {
  const UnixTime t0 = 1794708000, hour = 3600;
  // Eight shards a night for two nights, one commit each, and a retry of a shard.
  std::vector<RunInfo> runs;
  for (int night = 0; night < 2; ++night)
    for (int shard = 0; shard < 8; ++shard)
      runs.push_back({night * 10 + shard, t0 + night * 24 * hour + shard * 60, night == 0 ? "a" : "b", "env1"});
  runs.push_back({30, t0 + 24 * hour + 3 * hour, "b", "env1"});  // the retry, three hours later
  const auto nights = group_nights(runs);
  REQUIRE(nights.size() == 2);
  CHECK(nights[0].size() == 8);
  CHECK(nights[1].size() == 9);
  CHECK(nights[1].back().id == 30);
  // The same commit a day later is another night; another commit within the hour is too.
  CHECK_FALSE(same_night(RunInfo{1, t0, "a", "env1"}, RunInfo{2, t0 + 24 * hour, "a", "env1"}));
  CHECK_FALSE(same_night(RunInfo{1, t0, "a", "env1"}, RunInfo{2, t0 + 60, "b", "env1"}));
  CHECK_FALSE(same_night(RunInfo{1, t0, "a", "env1"}, RunInfo{2, t0 + 60, "a", "env2"}));
  CHECK(same_night(RunInfo{1, t0, "a", "env1"}, RunInfo{2, t0 + 11 * hour, "a", "env1"}));
}
