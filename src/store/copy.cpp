// Store::copy_from: one history into another (`perfwatch migrate --to`), an
// SQLite file onto a PostgreSQL server or back, in one transaction.
#include <map>

#include "store/store.hpp"

namespace perfwatch {

Store::CopyCounts Store::copy_from(Store& source, const std::function<void(size_t runs_done)>& progress) {
  CopyCounts counts;
  std::map<std::int64_t, std::int64_t> run_ids;  // the source's run id -> this history's
  db::Transaction tx(*db_);
  size_t done = 0;
  source.for_each_run([&](const RunRecord& run) {
    if (const auto present = id_of(run)) {
      run_ids[run.id] = *present;
      ++counts.skipped;
    } else {
      const std::int64_t id = insert_run(run);  // its status (invalidated too) comes with it
      run_ids[run.id] = id;
      ++counts.runs;
      std::vector<ConfirmationRecord> confirmations = source.confirmations(run.id);
      insert_confirmations(id, confirmations, {});
      counts.confirmations += confirmations.size();
    }
    progress(++done);
  });
  const std::vector<Decision> present = decisions_in_store();
  for (Decision d : source.decisions()) {
    if (d.kind == DecisionKind::invalidate) d.run_id = run_ids.at(d.run_id);
    if (known_decision(d, present)) continue;
    insert_decision(d);
    ++counts.decisions;
  }
  // Each step goes to its run's copy (manual `perfwatch bisect` steps belong
  // to no run); a step already here (same night, benchmark, metric and
  // commits) is skipped, like the runs.
  const auto steps_here = bisect_steps();
  for (auto& [run, step] : source.bisect_steps_by_run()) {
    const std::optional<std::int64_t> mapped = run ? std::optional(run_ids.at(*run)) : std::nullopt;
    bool known = false;
    for (const BisectStep& s : steps_here)
      known = known || (s.time == step.time && s.benchmark == step.benchmark && s.commit_sha == step.commit_sha &&
                        s.good_sha == step.good_sha && s.metric == step.metric);
    if (known) continue;
    insert_bisect_step(mapped, step);
    ++counts.bisect_steps;
  }
  tx.commit();
  return counts;
}

}  // namespace perfwatch
