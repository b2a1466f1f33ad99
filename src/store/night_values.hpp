#pragma once
// What the noise model needs of each stored night, kept at ingest so compare
// reads one row of summaries a night and not every sample (the samples stay
// in `results`): each metric's value and its sampling variance.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "detect/nightly.hpp"
#include "store/sqlite.hpp"

namespace perfwatch::store {

// Stores the summary of one result (statement: kInsertNightValues, prepared once a run).
extern const char* const kInsertNightValues;
void insert_night_values(sqlite::Statement& insert, std::int64_t run_id, std::int64_t benchmark_id, const BenchmarkResult& r);

// Schema 4 (refilled at 6, with p99.9 and memory growth): the summaries of every result stored before it.
void fill_night_values(sqlite::Database& db);

// One run's summaries by benchmark id, in no particular order.
std::vector<std::pair<std::int64_t, NightValues>> read_night_values(sqlite::Database& db, std::int64_t run_id);

}  // namespace perfwatch::store
