#pragma once
// The history as NDJSON: a header line, then one run per line with its commit,
// environment and every sample. Lossless: doubles print in shortest
// round-trip form, so export -> import -> export is byte-identical.
#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "model/run.hpp"

namespace perfwatch {

constexpr int kNdjsonVersion = 1;

std::string ndjson_header();
std::string run_to_ndjson(const RunRecord& run);

// Parses a whole export; errors name `source`, the line and the field (exit 2).
std::vector<RunRecord> parse_ndjson(std::istream& in, const std::string& source);

}  // namespace perfwatch
