// Store's triage decisions: kept beside the runs they change, in the same file,
// so a copied history carries its maintainers' decisions with it.
#include "store/store.hpp"
#include "util/error.hpp"

namespace perfwatch {
namespace {

Decision read_decision(const db::Statement& s) {
  Decision d;
  d.id = s.column_int(0);
  d.time = s.column_int(1);
  parse_decision_kind(s.column_text(2), d.kind);
  d.benchmark = s.column_text(3);
  d.metric = s.column_text(4);
  d.commit_sha = s.column_text(5);
  d.since = s.column_int(6);
  if (!s.is_null(7)) d.until = s.column_int(7);
  d.run_id = s.column_int(8);
  d.actor = s.column_text(9);
  d.reason = s.column_text(10);
  d.source = s.column_text(11);
  return d;
}

}  // namespace

void Store::insert_decision(const Decision& d) {
  if (d.kind == DecisionKind::invalidate) {
    auto invalidate = db_->prepare("UPDATE runs SET status = 'invalidated' WHERE id = ?");
    invalidate.bind(1, d.run_id);
    invalidate.step();
    if (db_->changes() != 1) throw input_error("run " + std::to_string(d.run_id) + ": expected a recorded run id, got none");
  }
  auto insert = db_->prepare(
      "INSERT INTO decisions(time, kind, benchmark, metric, commit_sha, since, until, run_id, actor, reason, source)"
      " VALUES(?,?,?,?,?,?,?,?,?,?,?)");
  insert.bind(1, d.time).bind(2, std::string_view(to_string(d.kind))).bind(3, d.benchmark).bind(4, d.metric);
  insert.bind(5, d.commit_sha).bind(6, d.since).bind(7, d.until).bind(8, d.run_id).bind(9, d.actor);
  insert.bind(10, d.reason).bind(11, d.source);
  insert.step();
}

void Store::record_decisions(const std::vector<Decision>& decisions) {
  db::Transaction tx(*db_);
  for (const Decision& d : decisions) insert_decision(d);
  tx.commit();
}

size_t Store::import_history(const std::vector<RunRecord>& runs, std::vector<Decision> decisions,
                             const std::vector<UnixTime>& run_times) {
  db::Transaction tx(*db_);
  size_t added = 0;
  for (const RunRecord& run : runs) {
    if (id_of(run)) continue;
    insert_run(run);
    ++added;
  }
  const std::vector<Decision> present = decisions_in_store();
  for (size_t i = 0; i < decisions.size(); ++i) {
    Decision& d = decisions[i];
    if (d.kind == DecisionKind::invalidate) {
      auto find = db_->prepare("SELECT ru.id FROM runs ru JOIN commits c ON c.id = ru.commit_id WHERE c.sha = ? AND ru.time = ?");
      find.bind(1, d.commit_sha).bind(2, run_times[i]);
      if (!find.step()) {
        throw input_error("invalidate decision of " + d.commit_sha.substr(0, 8) + " at " + format_iso8601(run_times[i]) +
                          ": expected a run in the export or the history, got none");
      }
      d.run_id = find.column_int(0);
    }
    if (!known_decision(d, present)) insert_decision(d);
  }
  tx.commit();
  return added;
}

bool Store::known_decision(const Decision& d, const std::vector<Decision>& present) {
  for (const Decision& p : present) {
    Decision same_id = d;
    same_id.id = p.id;
    if (same_id == p) return true;
  }
  return false;
}

std::vector<Decision> Store::decisions() { return decisions_in_store(); }

std::vector<Decision> Store::decisions_in_store() {
  // A history last written by schema 1 and opened read-only has no table yet.
  if (!db_->has_table("decisions")) return {};
  auto stmt = db_->prepare(
      "SELECT id, time, kind, benchmark, metric, commit_sha, since, until, run_id, actor, reason, source"
      " FROM decisions ORDER BY id");
  std::vector<Decision> out;
  while (stmt.step()) out.push_back(read_decision(stmt));
  return out;
}

}  // namespace perfwatch
