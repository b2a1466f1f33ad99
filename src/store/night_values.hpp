#pragma once
// What the noise model needs of each stored night, kept at ingest so compare
// reads one row of summaries a night and not every sample (the samples stay
// in `results`): each metric's value and its sampling variance.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "detect/nightly.hpp"
#include "store/sqlite.hpp"

namespace perfwatch::store {

// Stores the summary of one result (statement: kInsertNightValues, prepared once a run).
extern const char* const kInsertNightValues;
// Returns what it stored.
NightValues insert_night_values(sqlite::Statement& insert, std::int64_t run_id, std::int64_t benchmark_id,
                                const BenchmarkResult& r);

// Schema 4 (refilled at 6, with p99.9 and memory growth): the summaries of every result stored before it.
void fill_night_values(sqlite::Database& db);

// One run's summaries by benchmark id, in no particular order, from its rows.
std::vector<std::pair<std::int64_t, NightValues>> read_night_values(sqlite::Database& db, std::int64_t run_id);

// The same summaries packed into one BLOB a run (table run_summaries, schema
// 8): compare reads 90 runs of 1,000 benchmarks, and one row a run costs a
// hundredth of what 1,000 rows of 19 columns cost SQLite to step through.
// Layout, little-endian: per benchmark its id (int64), a byte of which
// values follow (bit i: the i-th of p50, p95, p99, p99.9, throughput, peak
// memory, memory growth, instructions), each as value and log variance
// (doubles), then the instruction counter's name (uint16 length, bytes).
using RunSummaries = std::vector<std::pair<std::int64_t, NightValues>>;
std::vector<std::byte> pack_summaries(const RunSummaries& summaries);
// nullopt when the BLOB is not such a packing (then the rows are read).
std::optional<RunSummaries> unpack_summaries(std::span<const std::byte> blob);
void write_run_summaries(sqlite::Database& db, std::int64_t run_id, const RunSummaries& summaries);
// The packed summaries of `run_id`; its rows where it has none.
RunSummaries read_run_summaries(sqlite::Database& db, std::int64_t run_id);
// Schema 8: a packed row for every run that has summary rows.
void fill_run_summaries(sqlite::Database& db);

}  // namespace perfwatch::store
