#include "store/night_values.hpp"

#include <optional>

#include "store/sample_codec.hpp"

namespace perfwatch::store {
namespace {

void bind_value(sqlite::Statement& s, int column, const std::optional<NightValue>& v) {
  if (!v) {
    s.bind_null(column).bind_null(column + 1);
    return;
  }
  s.bind(column, v->value).bind(column + 1, v->log_variance);
}

std::optional<NightValue> column_value(const sqlite::Statement& s, int column) {
  if (s.is_null(column)) return std::nullopt;
  return NightValue{s.column_double(column), s.column_double(column + 1)};
}

}  // namespace

const char* const kInsertNightValues =
    "INSERT INTO night_values(run_id, benchmark_id, p50, p50_var, p95, p95_var, p99, p99_var, throughput, "
    "throughput_var, peak_memory, peak_memory_var, p999, p999_var, memory_growth, memory_growth_var, "
    "instructions, instructions_var, instructions_source) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

void insert_night_values(sqlite::Statement& insert, std::int64_t run_id, std::int64_t benchmark_id, const BenchmarkResult& r) {
  const NightValues v = night_values(r);
  insert.reset();
  insert.bind(1, run_id).bind(2, benchmark_id);
  bind_value(insert, 3, v.of(Metric::p50_latency));
  bind_value(insert, 5, v.of(Metric::p95_latency));
  bind_value(insert, 7, v.of(Metric::p99_latency));
  bind_value(insert, 9, v.throughput);
  bind_value(insert, 11, v.peak_memory);
  bind_value(insert, 13, v.of(Metric::p999_latency));
  bind_value(insert, 15, v.memory_growth);
  bind_value(insert, 17, v.instructions);
  insert.bind(19, v.instructions_source);
  insert.step();
}

void fill_night_values(sqlite::Database& db) {
  auto rows = db.prepare(
      "SELECT run_id, benchmark_id, latency_unit, latency, throughput_unit, throughput, peak_rss_bytes, memory_series, "
      "instructions, instructions_source FROM results");
  auto insert = db.prepare(kInsertNightValues);
  while (rows.step()) {
    BenchmarkResult r;
    if (!rows.is_null(3)) r.latency = Series{rows.column_text(2), decode_samples(rows.column_blob(3))};
    if (!rows.is_null(5)) r.throughput = Series{rows.column_text(4), decode_samples(rows.column_blob(5))};
    if (!rows.is_null(6)) r.peak_rss_bytes = rows.column_int(6);
    if (!rows.is_null(7)) r.memory = decode_memory_series(rows.column_blob(7));
    if (!rows.is_null(8)) r.instructions = Series{"instructions", decode_samples(rows.column_blob(8))};
    r.instructions_source = rows.column_text(9);
    insert_night_values(insert, rows.column_int(0), rows.column_int(1), r);
  }
}

std::vector<std::pair<std::int64_t, NightValues>> read_night_values(sqlite::Database& db, std::int64_t run_id) {
  auto s = db.prepare(
      "SELECT benchmark_id, p50, p50_var, p95, p95_var, p99, p99_var, throughput, throughput_var, "
      "peak_memory, peak_memory_var, p999, p999_var, memory_growth, memory_growth_var, "
      "instructions, instructions_var, instructions_source FROM night_values WHERE run_id = ?");
  s.bind(1, run_id);
  std::vector<std::pair<std::int64_t, NightValues>> out;
  while (s.step()) {
    NightValues v;
    const auto p50 = column_value(s, 1), p95 = column_value(s, 3), p99 = column_value(s, 5);
    if (p50 && p95 && p99) v.latency = LatencyQuantiles{*p50, *p95, *p99, column_value(s, 11), 0};
    v.throughput = column_value(s, 7);
    v.peak_memory = column_value(s, 9);
    v.memory_growth = column_value(s, 13);
    v.instructions = column_value(s, 15);
    v.instructions_source = s.column_text(17);
    out.emplace_back(s.column_int(0), v);
  }
  return out;
}

}  // namespace perfwatch::store
