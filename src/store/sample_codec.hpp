#pragma once
// Samples are stored as a BLOB of little-endian IEEE-754 doubles: lossless,
// 8 bytes a value, and decoded with one memcpy.
#include <cstddef>
#include <span>
#include <vector>

namespace perfwatch::store {

std::vector<std::byte> encode_samples(std::span<const double> values);
std::vector<double> decode_samples(std::span<const std::byte> blob);

}  // namespace perfwatch::store
