#include "store/sample_codec.hpp"

#include <bit>
#include <cstring>

namespace perfwatch::store {

static_assert(std::endian::native == std::endian::little,
              "the sample BLOB layout is little-endian; add a byte swap for this host");

std::vector<std::byte> encode_samples(std::span<const double> values) {
  std::vector<std::byte> blob(values.size_bytes());
  if (!values.empty()) std::memcpy(blob.data(), values.data(), values.size_bytes());
  return blob;
}

std::vector<double> decode_samples(std::span<const std::byte> blob) {
  std::vector<double> values(blob.size() / sizeof(double));
  if (!values.empty()) std::memcpy(values.data(), blob.data(), values.size() * sizeof(double));
  return values;
}

std::vector<std::byte> encode_memory_series(const MemorySeries& series) {
  std::vector<double> both = series.seconds;
  both.insert(both.end(), series.bytes.begin(), series.bytes.end());
  return encode_samples(both);
}

MemorySeries decode_memory_series(std::span<const std::byte> blob) {
  const std::vector<double> both = decode_samples(blob);
  const auto half = both.begin() + static_cast<std::ptrdiff_t>(both.size() / 2);
  return MemorySeries{std::vector<double>(both.begin(), half), std::vector<double>(half, both.end())};
}

}  // namespace perfwatch::store
