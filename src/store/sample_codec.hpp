#pragma once
// Samples are stored as a BLOB of little-endian IEEE-754 doubles: lossless,
// 8 bytes a value, and decoded with one memcpy.
#include <cstddef>
#include <span>
#include <vector>

#include "model/result.hpp"

namespace perfwatch::store {

std::vector<std::byte> encode_samples(std::span<const double> values);
std::vector<double> decode_samples(std::span<const std::byte> blob);

// A memory series as one BLOB: its seconds, then its bytes (as doubles).
std::vector<std::byte> encode_memory_series(const MemorySeries& series);
MemorySeries decode_memory_series(std::span<const std::byte> blob);

}  // namespace perfwatch::store
