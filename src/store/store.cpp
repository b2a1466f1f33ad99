#include "store/store.hpp"

#include "store/night_values.hpp"

#include <algorithm>
#include <sstream>

#include "store/sample_codec.hpp"
#include "util/error.hpp"

namespace perfwatch {
namespace {

std::string join_parents(const std::vector<std::string>& parents) {
  std::string out;
  for (const auto& p : parents) out += (out.empty() ? "" : " ") + p;
  return out;
}

std::vector<std::string> split_parents(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string p; in >> p;) out.push_back(p);
  return out;
}

std::optional<std::int64_t> optional_int(const db::Statement& s, int column) {
  if (s.is_null(column)) return std::nullopt;
  return s.column_int(column);
}

std::optional<Series> optional_series(const db::Statement& s, int unit_column, int blob_column) {
  if (s.is_null(blob_column)) return std::nullopt;
  return Series{s.column_text(unit_column), store::decode_samples(s.column_blob(blob_column))};
}

// Columns 0..11 of the results SELECTs below, after the benchmark name.
BenchmarkResult read_result(const db::Statement& s, int first) {
  BenchmarkResult r;
  r.name = s.column_text(first);
  r.latency = optional_series(s, first + 1, first + 2);
  r.throughput = optional_series(s, first + 3, first + 4);
  r.errors = optional_int(s, first + 5);
  r.requests = optional_int(s, first + 6);
  r.peak_rss_bytes = optional_int(s, first + 7);
  if (!s.is_null(first + 8)) r.failure = s.column_text(first + 8);
  if (!s.is_null(first + 9)) r.memory = store::decode_memory_series(s.column_blob(first + 9));
  if (!s.is_null(first + 10)) r.instructions = Series{"instructions", store::decode_samples(s.column_blob(first + 10))};
  r.instructions_source = s.column_text(first + 11);
  return r;
}

constexpr const char* kResultColumns =
    "b.name, r.latency_unit, r.latency, r.throughput_unit, r.throughput, r.errors, r.requests, "
    "r.peak_rss_bytes, r.failure, r.memory_series, r.instructions, r.instructions_source";

}  // namespace

std::int64_t Store::record_run(const RunRecord& run) {
  db::Transaction tx(*db_);
  const std::int64_t id = insert_run(run);
  tx.commit();
  return id;
}

size_t Store::record_runs(const std::vector<RunRecord>& runs) { return import_history(runs, {}, {}); }

std::optional<std::int64_t> Store::id_of(const RunRecord& run) {
  auto stmt = db_->prepare(
      "SELECT ru.id FROM runs ru JOIN commits c ON c.id = ru.commit_id JOIN environments e ON e.id = ru.environment_id"
      " WHERE c.sha = ? AND e.fingerprint = ? AND ru.time = ? AND ru.suite = ?");
  stmt.bind(1, run.commit.sha).bind(2, fingerprint(run.environment)).bind(3, run.time).bind(4, run.suite);
  if (!stmt.step()) return std::nullopt;
  return stmt.column_int(0);
}

std::optional<std::int64_t> Store::same_run(const RunRecord& run, std::int64_t seconds) {
  auto stmt = db_->prepare(
      "SELECT ru.id FROM runs ru JOIN commits c ON c.id = ru.commit_id JOIN environments e ON e.id = ru.environment_id"
      " WHERE c.sha = ? AND e.fingerprint = ? AND ru.suite = ? AND ru.time BETWEEN ? AND ? ORDER BY ru.id");
  stmt.bind(1, run.commit.sha).bind(2, fingerprint(run.environment)).bind(3, run.suite);
  stmt.bind(4, run.time - seconds).bind(5, run.time + seconds);
  std::vector<std::int64_t> candidates;
  while (stmt.step()) candidates.push_back(stmt.column_int(0));
  std::vector<BenchmarkResult> results = run.results;  // in run_results' order
  std::sort(results.begin(), results.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  for (std::int64_t id : candidates)
    if (run_results(id) == results) return id;
  return std::nullopt;
}

std::int64_t Store::commit_id(const CommitInfo& c) {
  auto insert = db_->prepare(
      "INSERT INTO commits(sha, parents, author, time, subject) VALUES(?,?,?,?,?) "
      "ON CONFLICT(sha) DO NOTHING");
  insert.bind(1, c.sha).bind(2, join_parents(c.parents)).bind(3, c.author).bind(4, c.time).bind(5, c.subject);
  insert.step();
  auto select = db_->prepare("SELECT id FROM commits WHERE sha = ?");
  select.bind(1, c.sha);
  select.step();
  return select.column_int(0);
}

std::int64_t Store::environment_id(const Environment& env) {
  const std::string fp = fingerprint(env);
  auto insert = db_->prepare(
      "INSERT INTO environments(fingerprint, name, cpu, cores, os, arch, identity) VALUES(?,?,?,?,?,?,?) "
      "ON CONFLICT(fingerprint) DO NOTHING");
  insert.bind(1, fp).bind(2, env.name).bind(3, env.cpu).bind(4, std::int64_t{env.cores}).bind(5, env.os);
  insert.bind(6, env.arch).bind(7, identity_of(env));
  insert.step();
  auto select = db_->prepare("SELECT id FROM environments WHERE fingerprint = ?");
  select.bind(1, fp);
  select.step();
  return select.column_int(0);
}

namespace {

// "(?,?,?),(?,?,?)...": `rows` rows of `columns` placeholders.
std::string placeholder_rows(size_t rows, size_t columns) {
  std::string row = "(";
  for (size_t c = 0; c < columns; ++c) row += c ? ",?" : "?";
  row += ")";
  std::string out;
  for (size_t r = 0; r < rows; ++r) out += (r ? "," : "") + row;
  return out;
}

// Statements of many rows each: on a server, one round trip a batch rather
// than one a benchmark (a night of 1,000 is 3,000 otherwise).
constexpr size_t kNamesPerStatement = 250, kResultsPerStatement = 50;

}  // namespace

std::map<std::string, std::int64_t> Store::benchmark_ids(std::vector<std::string> names) {
  // Sorted: writers of one night that share benchmarks take their rows' locks
  // in the same order, so they wait for one another instead of deadlocking.
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  std::map<std::string, std::int64_t> ids;
  for (size_t from = 0; from < names.size(); from += kNamesPerStatement) {
    const size_t n = std::min(kNamesPerStatement, names.size() - from);
    auto insert = db_->prepare("INSERT INTO benchmarks(name) VALUES" + placeholder_rows(n, 1) +
                               " ON CONFLICT(name) DO NOTHING");
    for (size_t i = 0; i < n; ++i) insert.bind(static_cast<int>(i + 1), names[from + i]);
    insert.step();
    auto select = db_->prepare("SELECT id, name FROM benchmarks WHERE name IN " + placeholder_rows(1, n));
    for (size_t i = 0; i < n; ++i) select.bind(static_cast<int>(i + 1), names[from + i]);
    while (select.step()) ids[select.column_text(1)] = select.column_int(0);
  }
  return ids;
}

std::int64_t Store::insert_run(const RunRecord& run) {
  auto stmt = db_->prepare(
      "INSERT INTO runs(commit_id, environment_id, time, suite, status, tool_version, source_format, "
      "aggregate_only) VALUES(?,?,?,?,?,?,?,?) RETURNING id");
  stmt.bind(1, commit_id(run.commit)).bind(2, environment_id(run.environment)).bind(3, run.time);
  stmt.bind(4, run.suite).bind(5, std::string_view(to_string(run.status))).bind(6, run.tool_version);
  stmt.bind(7, run.source_format).bind(8, std::int64_t{run.aggregate_only});
  stmt.step();
  const std::int64_t run_id = stmt.column_int(0);

  std::vector<std::string> names;
  for (const BenchmarkResult& r : run.results) names.push_back(r.name);
  const std::map<std::string, std::int64_t> ids = benchmark_ids(std::move(names));
  store::RunSummaries summaries;
  constexpr int kColumns = 13;
  for (size_t from = 0; from < run.results.size(); from += kResultsPerStatement) {
    const size_t n = std::min(kResultsPerStatement, run.results.size() - from);
    auto result = db_->prepare(
        "INSERT INTO results(benchmark_id, run_id, latency_unit, latency, throughput_unit, throughput, "
        "errors, requests, peak_rss_bytes, failure, memory_series, instructions, instructions_source) VALUES" +
        placeholder_rows(n, kColumns));
    for (size_t i = 0; i < n; ++i) {
      const BenchmarkResult& r = run.results[from + i];
      const std::int64_t benchmark = ids.at(r.name);
      summaries.emplace_back(benchmark, night_values(r));
      const int at = static_cast<int>(i) * kColumns;  // this row's placeholders are at + 1 ... at + 13
      result.bind(at + 1, benchmark).bind(at + 2, run_id);
      if (r.latency) result.bind(at + 3, r.latency->unit).bind_blob(at + 4, store::encode_samples(r.latency->values));
      if (r.throughput)
        result.bind(at + 5, r.throughput->unit).bind_blob(at + 6, store::encode_samples(r.throughput->values));
      result.bind(at + 7, r.errors).bind(at + 8, r.requests).bind(at + 9, r.peak_rss_bytes).bind(at + 10, r.failure);
      if (r.memory) result.bind_blob(at + 11, store::encode_memory_series(*r.memory));
      if (r.instructions) result.bind_blob(at + 12, store::encode_samples(r.instructions->values));
      result.bind(at + 13, r.instructions_source);
    }
    result.step();
  }
  store::write_run_summaries(*db_, run_id, summaries);
  return run_id;
}

std::vector<HistoryPoint> Store::history(const std::string& benchmark, UnixTime since) {
  auto stmt = db_->prepare(std::string("SELECT ru.id, ru.time, c.sha, c.subject, ru.status, ") + kResultColumns +
                          " FROM results r JOIN benchmarks b ON b.id = r.benchmark_id"
                          " JOIN runs ru ON ru.id = r.run_id JOIN commits c ON c.id = ru.commit_id"
                          " WHERE b.name = ? AND ru.time >= ? ORDER BY ru.time, ru.id");
  stmt.bind(1, benchmark).bind(2, since);
  std::vector<HistoryPoint> points;
  while (stmt.step()) {
    HistoryPoint p;
    p.run_id = stmt.column_int(0);
    p.time = stmt.column_int(1);
    p.commit_sha = stmt.column_text(2);
    p.commit_subject = stmt.column_text(3);
    parse_run_status(stmt.column_text(4), p.status);
    p.result = read_result(stmt, 5);
    points.push_back(std::move(p));
  }
  return points;
}

std::optional<BenchmarkResult> Store::latest_result(const std::string& benchmark) {
  auto stmt = db_->prepare(std::string("SELECT ") + kResultColumns +
                          " FROM results r JOIN benchmarks b ON b.id = r.benchmark_id JOIN runs ru ON ru.id = r.run_id"
                          " WHERE b.name = ? ORDER BY ru.time DESC, ru.id DESC LIMIT 1");
  stmt.bind(1, benchmark);
  if (!stmt.step()) return std::nullopt;
  return read_result(stmt, 0);
}

std::vector<std::string> Store::benchmark_names() {
  auto stmt = db_->prepare("SELECT name FROM benchmarks ORDER BY name");
  std::vector<std::string> names;
  while (stmt.step()) names.push_back(stmt.column_text(0));
  return names;
}

bool Store::has_benchmark(const std::string& benchmark) {
  auto stmt = db_->prepare("SELECT 1 FROM benchmarks WHERE name = ?");
  stmt.bind(1, benchmark);
  return stmt.step();
}

std::vector<BenchmarkResult> Store::run_results(std::int64_t run_id) {
  auto stmt = db_->prepare(std::string("SELECT ") + kResultColumns +
                          " FROM results r JOIN benchmarks b ON b.id = r.benchmark_id"
                          " WHERE r.run_id = ? ORDER BY b.name");
  stmt.bind(1, run_id);
  std::vector<BenchmarkResult> results;
  while (stmt.step()) results.push_back(read_result(stmt, 0));
  return results;
}

std::vector<std::pair<std::string, NightValues>> Store::run_night_values(std::int64_t run_id) {
  std::vector<std::pair<std::string, NightValues>> out;
  store::RunSummaries summaries = store::read_run_summaries(*db_, run_id);
  out.reserve(summaries.size());
  for (auto& [id, values] : summaries) {
    auto name = benchmark_names_by_id_.find(id);
    if (name == benchmark_names_by_id_.end()) {  // names read once per Store (a compare reads 90 runs), again when new ones came
      auto names = db_->prepare("SELECT id, name FROM benchmarks");
      while (names.step()) benchmark_names_by_id_[names.column_int(0)] = names.column_text(1);
      name = benchmark_names_by_id_.find(id);
    }
    if (name != benchmark_names_by_id_.end()) out.emplace_back(name->second, std::move(values));
  }
  return out;
}

namespace {

constexpr const char* kRunInfoSelect =
    "SELECT ru.id, ru.time, c.sha, e.identity, ru.status, ru.suite, e.cpu FROM runs ru"
    " JOIN commits c ON c.id = ru.commit_id JOIN environments e ON e.id = ru.environment_id ";

std::vector<RunInfo> read_run_infos(db::Statement& stmt) {
  std::vector<RunInfo> runs;
  while (stmt.step()) {
    RunInfo info{stmt.column_int(0), stmt.column_int(1), stmt.column_text(2), stmt.column_text(3)};
    parse_run_status(stmt.column_text(4), info.status);
    info.suite = stmt.column_text(5);
    info.cpu = stmt.column_text(6);
    runs.push_back(std::move(info));
  }
  return runs;
}

}  // namespace

std::optional<RunInfo> Store::latest_run_of_commit(const std::string& commit_sha) {
  auto stmt = db_->prepare(std::string(kRunInfoSelect) + "WHERE c.sha = ? ORDER BY ru.time DESC, ru.id DESC LIMIT 1");
  stmt.bind(1, commit_sha);
  auto runs = read_run_infos(stmt);
  if (runs.empty()) return std::nullopt;
  return runs.front();
}

std::vector<RunInfo> Store::runs_between(const std::string& environment, UnixTime from, UnixTime to) {
  auto stmt = db_->prepare(std::string(kRunInfoSelect) +
                          "WHERE e.identity = ? AND ru.time BETWEEN ? AND ? ORDER BY ru.time, ru.id");
  stmt.bind(1, environment).bind(2, from).bind(3, to);
  return read_run_infos(stmt);
}

std::optional<RunInfo> Store::run_info(std::int64_t run_id) {
  auto stmt = db_->prepare(std::string(kRunInfoSelect) + "WHERE ru.id = ?");
  stmt.bind(1, run_id);
  auto runs = read_run_infos(stmt);
  if (runs.empty()) return std::nullopt;
  return runs.front();
}

std::vector<RunInfo> Store::runs_of_commit(const std::string& commit_sha) {
  auto stmt = db_->prepare(std::string(kRunInfoSelect) + "WHERE c.sha = ? ORDER BY ru.time, ru.id");
  stmt.bind(1, commit_sha);
  return read_run_infos(stmt);
}

std::vector<RunInfo> Store::all_runs() {
  auto stmt = db_->prepare(std::string(kRunInfoSelect) + "ORDER BY ru.time, ru.id");
  return read_run_infos(stmt);
}

void Store::for_each_run(const std::function<void(const RunRecord&)>& visit) {
  auto stmt = db_->prepare(
      "SELECT ru.id, ru.time, ru.suite, ru.status, ru.tool_version, ru.source_format, ru.aggregate_only,"
      " c.sha, c.parents, c.author, c.time, c.subject, e.name, e.cpu, e.cores, e.os, e.arch, e.identity"
      " FROM runs ru JOIN commits c ON c.id = ru.commit_id JOIN environments e ON e.id = ru.environment_id"
      " ORDER BY ru.time, ru.id");
  while (stmt.step()) {
    RunRecord run;
    run.id = stmt.column_int(0);
    run.time = stmt.column_int(1);
    run.suite = stmt.column_text(2);
    parse_run_status(stmt.column_text(3), run.status);
    run.tool_version = stmt.column_text(4);
    run.source_format = stmt.column_text(5);
    run.aggregate_only = stmt.column_int(6) != 0;
    run.commit = {stmt.column_text(7), split_parents(stmt.column_text(8)), stmt.column_text(9),
                  stmt.column_int(10), stmt.column_text(11)};
    run.environment = {stmt.column_text(12), stmt.column_text(13), static_cast<int>(stmt.column_int(14)),
                       stmt.column_text(15), stmt.column_text(16), ""};
    // Only a name the user chose is carried: a class is recomputed on import.
    if (const std::string identity = stmt.column_text(17); identity != identity_of(run.environment))
      run.environment.identity = identity;
    run.results = run_results(run.id);
    visit(run);
  }
}

}  // namespace perfwatch
