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
#include "store/connection.hpp"

namespace perfwatch::store {

// A run's summaries (night_values() of each result, computed at ingest)
// packed into one BLOB (table run_summaries, schema 8): compare reads 90
// runs of 1,000 benchmarks, and one row a run costs SQLite a small part of
// what 1,000 rows of 19 columns (schemas 4-7's night_values) cost it.
// Layout, little-endian: per benchmark its id (int64), a byte of which
// values follow (bit i: the i-th of p50, p95, p99, p99.9, throughput, peak
// memory, memory growth, instructions), each as value and log variance
// (doubles), then the instruction counter's name (uint16 length, bytes).
using RunSummaries = std::vector<std::pair<std::int64_t, NightValues>>;
std::vector<std::byte> pack_summaries(const RunSummaries& summaries);
// nullopt when the BLOB is not such a packing (then the rows are read).
std::optional<RunSummaries> unpack_summaries(std::span<const std::byte> blob);
void write_run_summaries(db::Connection& db, std::int64_t run_id, const RunSummaries& summaries);
// The packed summaries of `run_id` (none for a run without results); a BLOB
// that does not unpack is exit 2, naming the history and the run.
RunSummaries read_run_summaries(db::Connection& db, std::int64_t run_id);

// Migrations: every run's summaries from its samples (histories before
// schema 6, whose summaries lacked metrics), or packed from the rows of
// night_values (schemas 6 and 7).
void summaries_from_results(db::Connection& db);
void summaries_from_rows(db::Connection& db);

}  // namespace perfwatch::store
