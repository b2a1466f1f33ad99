// Store's triage decisions: kept beside the runs they change, in the same file,
// so a copied history carries its maintainers' decisions with it.
#include "store/store.hpp"
#include "util/error.hpp"

namespace perfwatch {
namespace {

Decision read_decision(const sqlite::Statement& s) {
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

void Store::record_decisions(const std::vector<Decision>& decisions) {
  sqlite::Transaction tx(db_);
  auto insert = db_.prepare(
      "INSERT INTO decisions(time, kind, benchmark, metric, commit_sha, since, until, run_id, actor, reason, source)"
      " VALUES(?,?,?,?,?,?,?,?,?,?,?)");
  auto invalidate = db_.prepare("UPDATE runs SET status = 'invalidated' WHERE id = ?");
  for (const Decision& d : decisions) {
    if (d.kind == DecisionKind::invalidate) {
      invalidate.reset();
      invalidate.bind(1, d.run_id);
      invalidate.step();
      if (db_.changes() != 1) throw input_error("run " + std::to_string(d.run_id) + ": expected a recorded run id, got none");
    }
    insert.reset();
    insert.bind(1, d.time).bind(2, std::string_view(to_string(d.kind))).bind(3, d.benchmark).bind(4, d.metric);
    insert.bind(5, d.commit_sha).bind(6, d.since).bind(7, d.until).bind(8, d.run_id).bind(9, d.actor);
    insert.bind(10, d.reason).bind(11, d.source);
    insert.step();
  }
  tx.commit();
}

std::vector<Decision> Store::decisions() {
  // A history last written by schema 1 and opened read-only has no table yet.
  auto exists = db_.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'decisions'");
  if (!exists.step()) return {};
  auto stmt = db_.prepare(
      "SELECT id, time, kind, benchmark, metric, commit_sha, since, until, run_id, actor, reason, source"
      " FROM decisions ORDER BY id");
  std::vector<Decision> out;
  while (stmt.step()) out.push_back(read_decision(stmt));
  return out;
}

}  // namespace perfwatch
