#include "store/schema.hpp"

#include "store/night_values.hpp"

#include <map>
#include <string>
#include <vector>

#include "model/run.hpp"
#include "util/error.hpp"

namespace perfwatch::store {
namespace {

// Migration N takes a database from version N-1 to N. Append, never edit.
const char* const kMigrations[] = {
    // 1: the first layout. Samples are BLOBs of little-endian IEEE-754 doubles,
    // one per (benchmark, run, quantity): 8 bytes a sample plus one row.
    R"sql(
    CREATE TABLE commits(
      id INTEGER PRIMARY KEY,
      sha TEXT NOT NULL UNIQUE,
      parents TEXT NOT NULL,
      author TEXT NOT NULL,
      time INTEGER NOT NULL,
      subject TEXT NOT NULL);
    CREATE TABLE environments(
      id INTEGER PRIMARY KEY,
      fingerprint TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      cpu TEXT NOT NULL,
      cores INTEGER NOT NULL,
      os TEXT NOT NULL);
    CREATE TABLE runs(
      id INTEGER PRIMARY KEY,
      commit_id INTEGER NOT NULL REFERENCES commits(id),
      environment_id INTEGER NOT NULL REFERENCES environments(id),
      time INTEGER NOT NULL,
      suite TEXT NOT NULL,
      status TEXT NOT NULL CHECK(status IN ('complete', 'interrupted', 'invalidated')),
      tool_version TEXT NOT NULL,
      source_format TEXT NOT NULL,
      aggregate_only INTEGER NOT NULL);
    CREATE INDEX runs_by_time ON runs(time);
    CREATE INDEX runs_by_commit ON runs(commit_id);
    CREATE TABLE benchmarks(
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE);
    CREATE TABLE results(
      benchmark_id INTEGER NOT NULL REFERENCES benchmarks(id),
      run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
      latency_unit TEXT,
      latency BLOB,
      throughput_unit TEXT,
      throughput BLOB,
      errors INTEGER,
      requests INTEGER,
      peak_rss_bytes INTEGER,
      failure TEXT,
      PRIMARY KEY(benchmark_id, run_id));
    CREATE INDEX results_by_run ON results(run_id);
    )sql",
    // 2: triage decisions (accept, ignore, unignore, invalidate), kept for the log.
    R"sql(
    CREATE TABLE decisions(
      id INTEGER PRIMARY KEY,
      time INTEGER NOT NULL,
      kind TEXT NOT NULL CHECK(kind IN ('accept', 'ignore', 'unignore', 'invalidate')),
      benchmark TEXT NOT NULL,
      metric TEXT NOT NULL,
      commit_sha TEXT NOT NULL,
      since INTEGER NOT NULL,
      until INTEGER,
      run_id INTEGER NOT NULL,
      actor TEXT NOT NULL,
      reason TEXT NOT NULL,
      source TEXT NOT NULL);
    )sql",
    // 3: environments by identity (the class a baseline matches on, or the
    // user's name) beside the machine's details; identities are filled in by
    // fill_identities below, as they are computed in C++ (model/run.cpp).
    R"sql(
    ALTER TABLE environments ADD COLUMN arch TEXT NOT NULL DEFAULT '';
    ALTER TABLE environments ADD COLUMN identity TEXT NOT NULL DEFAULT '';
    CREATE INDEX environments_by_identity ON environments(identity);
    )sql",
    // 4: each night's summary at ingest (store/night_values.hpp), so compare
    // reads 90 nights of history without decoding their samples; filled for
    // the results stored before it (since schema 8: run_summaries instead).
    R"sql(
    CREATE TABLE night_values(
      run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
      benchmark_id INTEGER NOT NULL REFERENCES benchmarks(id),
      p50 REAL, p50_var REAL, p95 REAL, p95_var REAL, p99 REAL, p99_var REAL,
      throughput REAL, throughput_var REAL, peak_memory REAL, peak_memory_var REAL,
      PRIMARY KEY(run_id, benchmark_id));
    )sql",
    // 5: what interleaved reruns said of a night's candidate regressions, and
    // the bisection steps that named a culprit. Steps are not runs: they never
    // enter a baseline. run_id is NULL for `perfwatch bisect` by hand.
    R"sql(
    CREATE TABLE confirmations(
      run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
      benchmark TEXT NOT NULL, metric TEXT NOT NULL,
      confirmed INTEGER, ratio REAL, low REAL, high REAL, rounds INTEGER NOT NULL,
      seconds REAL NOT NULL, good_sha TEXT NOT NULL, note TEXT NOT NULL,
      culprit_sha TEXT, culprit_author TEXT, culprit_subject TEXT,
      culprit_ratio REAL, culprit_low REAL, culprit_high REAL, culprit_rounds INTEGER,
      bisect_note TEXT NOT NULL, on_median INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY(run_id, benchmark, metric));
    CREATE TABLE bisect_steps(
      id INTEGER PRIMARY KEY,
      run_id INTEGER REFERENCES runs(id) ON DELETE CASCADE,
      time INTEGER NOT NULL, benchmark TEXT NOT NULL, metric TEXT NOT NULL,
      good_sha TEXT NOT NULL, commit_sha TEXT NOT NULL, call TEXT NOT NULL,
      ratio REAL, low REAL, high REAL, rounds INTEGER NOT NULL, seconds REAL NOT NULL);
    )sql",
    // 6: a process's memory over time (issue 16) and, per night, p99.9 and
    // the memory growth rate. The summaries are rebuilt for the p99.9 of
    // the nights stored before it.
    R"sql(
    ALTER TABLE results ADD COLUMN memory_series BLOB;
    ALTER TABLE night_values ADD COLUMN p999 REAL;
    ALTER TABLE night_values ADD COLUMN p999_var REAL;
    ALTER TABLE night_values ADD COLUMN memory_growth REAL;
    ALTER TABLE night_values ADD COLUMN memory_growth_var REAL;
    DELETE FROM night_values;
    )sql",
    // 7: instruction counts and what counted them (issue 16), per result and
    // per night. No older night has any: nothing to rebuild.
    R"sql(
    ALTER TABLE results ADD COLUMN instructions BLOB;
    ALTER TABLE results ADD COLUMN instructions_source TEXT NOT NULL DEFAULT '';
    ALTER TABLE night_values ADD COLUMN instructions REAL;
    ALTER TABLE night_values ADD COLUMN instructions_var REAL;
    ALTER TABLE night_values ADD COLUMN instructions_source TEXT NOT NULL DEFAULT '';
    )sql",
    // 8: each run's summaries packed into one BLOB (store/night_values.hpp),
    // filled from night_values (or from the samples), which is then dropped.
    R"sql(
    CREATE TABLE run_summaries(
      run_id INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
      summaries BLOB NOT NULL);
    )sql",
};
static_assert(std::size(kMigrations) == kSchemaVersion);

// Version 3's identities for the environments stored before it, and a line
// for each identity that now gathers several of the old environments.
std::vector<std::string> fill_identities(sqlite::Database& db) {
  std::map<std::string, std::vector<std::string>> merged;  // identity -> old names
  std::vector<std::pair<std::int64_t, std::string>> updates;
  auto rows = db.prepare("SELECT id, name, cpu, cores, os FROM environments WHERE identity = ''");
  while (rows.step()) {
    Environment env{rows.column_text(1), rows.column_text(2), static_cast<int>(rows.column_int(3)), rows.column_text(4)};
    const std::string identity = identity_of(env);
    updates.emplace_back(rows.column_int(0), identity);
    merged[identity].push_back(env.name + (env.cpu.empty() ? "" : " (" + env.cpu + ")"));
  }
  for (const auto& [id, identity] : updates) {
    auto set = db.prepare("UPDATE environments SET identity = ? WHERE id = ?");
    set.bind(1, identity).bind(2, id);
    set.step();
  }
  std::vector<std::string> notes;
  for (const auto& [identity, names] : merged) {
    if (names.size() < 2) continue;
    std::string list;
    for (const std::string& n : names) list += (list.empty() ? "" : ", ") + n;
    notes.push_back("environments " + list + " now share the baseline of \"" + identity + "\"");
  }
  return notes;
}

int user_version(sqlite::Database& db) {
  auto stmt = db.prepare("PRAGMA user_version");
  stmt.step();
  return static_cast<int>(stmt.column_int(0));
}

}  // namespace

bool needs_migration(sqlite::Database& db) { return user_version(db) < kSchemaVersion; }

void check_readable(sqlite::Database& db) {
  const int version = user_version(db);
  if (version > kSchemaVersion) {
    throw input_error(db.path().string() + ": expected a history of schema version " +
                      std::to_string(kSchemaVersion) + " or older, got " + std::to_string(version) +
                      " (written by a newer perfwatch)");
  }
  if (version == 0) {
    auto tables = db.prepare("SELECT count(*) FROM sqlite_master");
    tables.step();
    if (tables.column_int(0) != 0) {
      throw input_error(db.path().string() +
                        ": expected a perfwatch history database, got an SQLite file with other tables");
    }
  }
}

std::vector<std::string> migrate(sqlite::Database& db) {
  check_readable(db);
  if (user_version(db) == kSchemaVersion) return {};
  std::vector<std::string> notes;
  sqlite::Transaction tx(db);
  const int from = user_version(db);
  for (int v = from; v < kSchemaVersion; ++v) {
    db.exec(kMigrations[v]);
    if (v + 1 == 3) notes = fill_identities(db);
    db.exec(("PRAGMA user_version = " + std::to_string(v + 1)).c_str());
  }
  // Versions 4 and 6 emptied the summaries: before 6 they are made anew from
  // the samples, once every column of results exists; 6 and 7 are packed.
  if (from < 6) summaries_from_results(db);
  else if (from < 8) summaries_from_rows(db);
  if (from < 8) db.exec("DROP TABLE night_values");
  tx.commit();
  return notes;
}

}  // namespace perfwatch::store
