#include "store/night_values.hpp"

#include <bit>
#include <cstring>
#include <optional>

#include "store/sample_codec.hpp"
#include "util/error.hpp"

namespace perfwatch::store {
namespace {

std::optional<NightValue> column_value(const db::Statement& s, int column) {
  if (s.is_null(column)) return std::nullopt;
  return NightValue{s.column_double(column), s.column_double(column + 1)};
}

}  // namespace

void summaries_from_results(db::Connection& db) {
  auto rows = db.prepare(
      "SELECT run_id, benchmark_id, latency_unit, latency, throughput_unit, throughput, peak_rss_bytes, memory_series, "
      "instructions, instructions_source FROM results ORDER BY run_id");
  RunSummaries run;
  std::int64_t run_id = -1;
  while (rows.step()) {
    if (rows.column_int(0) != run_id) {
      if (run_id >= 0) write_run_summaries(db, run_id, run);
      run.clear();
      run_id = rows.column_int(0);
    }
    BenchmarkResult r;
    if (!rows.is_null(3)) r.latency = Series{rows.column_text(2), decode_samples(rows.column_blob(3))};
    if (!rows.is_null(5)) r.throughput = Series{rows.column_text(4), decode_samples(rows.column_blob(5))};
    if (!rows.is_null(6)) r.peak_rss_bytes = rows.column_int(6);
    if (!rows.is_null(7)) r.memory = decode_memory_series(rows.column_blob(7));
    if (!rows.is_null(8)) r.instructions = Series{"instructions", decode_samples(rows.column_blob(8))};
    r.instructions_source = rows.column_text(9);
    run.emplace_back(rows.column_int(1), night_values(r));
  }
  if (run_id >= 0) write_run_summaries(db, run_id, run);
}

namespace {

// Schemas 4-7 kept the summaries as rows of night_values.
RunSummaries read_night_value_rows(db::Connection& db, std::int64_t run_id) {
  auto s = db.prepare(
      "SELECT benchmark_id, p50, p50_var, p95, p95_var, p99, p99_var, throughput, throughput_var, "
      "peak_memory, peak_memory_var, p999, p999_var, memory_growth, memory_growth_var, "
      "instructions, instructions_var, instructions_source FROM night_values WHERE run_id = ?");
  s.bind(1, run_id);
  std::vector<std::pair<std::int64_t, NightValues>> out;
  while (s.step()) {
    NightValues v;
    const auto p50 = column_value(s, 1), p95 = column_value(s, 3), p99 = column_value(s, 5);
    if (p50 && p95 && p99) v.latency = LatencyQuantiles{*p50, *p95, *p99, column_value(s, 11)};
    v.throughput = column_value(s, 7);
    v.peak_memory = column_value(s, 9);
    v.memory_growth = column_value(s, 13);
    v.instructions = column_value(s, 15);
    v.instructions_source = s.column_text(17);
    out.emplace_back(s.column_int(0), v);
  }
  return out;
}

}  // namespace

namespace {

static_assert(std::endian::native == std::endian::little, "the packed summaries are little-endian; add a byte swap");

// The packed values, in bit order.
std::optional<NightValue> packed(const NightValues& v, int bit) {
  switch (bit) {
    case 0: return v.of(Metric::p50_latency);
    case 1: return v.of(Metric::p95_latency);
    case 2: return v.of(Metric::p99_latency);
    case 3: return v.of(Metric::p999_latency);
    case 4: return v.throughput;
    case 5: return v.peak_memory;
    case 6: return v.memory_growth;
    default: return v.instructions;
  }
}

template <typename T>
void put(std::vector<std::byte>& out, const T& value) {
  const size_t at = out.size();
  out.resize(at + sizeof(T));
  std::memcpy(out.data() + at, &value, sizeof(T));
}

class Reader {
 public:
  explicit Reader(std::span<const std::byte> blob) : blob_(blob) {}
  template <typename T>
  bool get(T& value) {
    if (blob_.size() - at_ < sizeof(T)) return false;
    std::memcpy(&value, blob_.data() + at_, sizeof(T));
    at_ += sizeof(T);
    return true;
  }
  bool get_text(std::string& text, size_t n) {
    if (blob_.size() - at_ < n) return false;
    text.assign(reinterpret_cast<const char*>(blob_.data() + at_), n);
    at_ += n;
    return true;
  }
  bool done() const { return at_ == blob_.size(); }

 private:
  std::span<const std::byte> blob_;
  size_t at_ = 0;
};

}  // namespace

std::vector<std::byte> pack_summaries(const RunSummaries& summaries) {
  std::vector<std::byte> out;
  out.reserve(summaries.size() * 64);
  for (const auto& [id, v] : summaries) {
    put(out, id);
    std::uint8_t mask = 0;
    for (int bit = 0; bit < 8; ++bit)
      if (packed(v, bit)) mask = static_cast<std::uint8_t>(mask | (1u << bit));
    put(out, mask);
    for (int bit = 0; bit < 8; ++bit) {
      if (const auto value = packed(v, bit)) {
        put(out, value->value);
        put(out, value->log_variance);
      }
    }
    put(out, static_cast<std::uint16_t>(std::min<size_t>(v.instructions_source.size(), 0xffff)));
    out.insert(out.end(), reinterpret_cast<const std::byte*>(v.instructions_source.data()),
               reinterpret_cast<const std::byte*>(v.instructions_source.data()) + std::min<size_t>(v.instructions_source.size(), 0xffff));
  }
  return out;
}

std::optional<RunSummaries> unpack_summaries(std::span<const std::byte> blob) {
  RunSummaries out;
  out.reserve(blob.size() / 64);  // a latency-only benchmark packs into 67 bytes
  Reader in(blob);
  while (!in.done()) {
    std::int64_t id = 0;
    std::uint8_t mask = 0;
    if (!in.get(id) || !in.get(mask)) return std::nullopt;
    std::optional<NightValue> values[8];
    for (int bit = 0; bit < 8; ++bit) {
      if (!(mask & (1u << bit))) continue;
      NightValue v;
      if (!in.get(v.value) || !in.get(v.log_variance)) return std::nullopt;
      values[bit] = v;
    }
    NightValues v;
    if (values[0] && values[1] && values[2]) v.latency = LatencyQuantiles{*values[0], *values[1], *values[2], values[3]};
    v.throughput = values[4];
    v.peak_memory = values[5];
    v.memory_growth = values[6];
    v.instructions = values[7];
    std::uint16_t length = 0;
    if (!in.get(length) || !in.get_text(v.instructions_source, length)) return std::nullopt;
    out.emplace_back(id, std::move(v));
  }
  return out;
}

void write_run_summaries(db::Connection& db, std::int64_t run_id, const RunSummaries& summaries) {
  auto insert = db.prepare("INSERT INTO run_summaries(run_id, summaries) VALUES(?, ?)"
                           " ON CONFLICT(run_id) DO UPDATE SET summaries = excluded.summaries");
  insert.bind(1, run_id).bind_blob(2, pack_summaries(summaries));
  insert.step();
}

RunSummaries read_run_summaries(db::Connection& db, std::int64_t run_id) {
  auto s = db.prepare("SELECT summaries FROM run_summaries WHERE run_id = ?");
  s.bind(1, run_id);
  if (!s.step()) return {};  // a run without results
  auto packed = unpack_summaries(s.column_blob(0));
  if (!packed)
    throw input_error(db.where() + ": run " + std::to_string(run_id) +
                      ": expected its packed summaries (run_summaries), got a BLOB that is cut short or corrupt");
  return std::move(*packed);
}

void summaries_from_rows(db::Connection& db) {
  std::vector<std::int64_t> runs;
  auto ids = db.prepare("SELECT DISTINCT run_id FROM night_values");
  while (ids.step()) runs.push_back(ids.column_int(0));
  for (std::int64_t id : runs) write_run_summaries(db, id, read_night_value_rows(db, id));
}

}  // namespace perfwatch::store
