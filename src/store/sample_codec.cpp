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

}  // namespace perfwatch::store
