#include "report/sparkline.hpp"

#include <algorithm>
#include <cmath>

namespace perfwatch {

std::string sparkline(std::span<const double> values) {
  static const char* const kBlocks[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
  double lo = INFINITY, hi = -INFINITY;
  for (double v : values) {
    if (std::isnan(v)) continue;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  // Scaled to its own range, a few hundred instructions in a hundred million
  // would fill the height: a series moving less than 0.1 % is drawn flat.
  const bool flat = hi - lo <= 1e-3 * std::max(std::fabs(hi), std::fabs(lo));
  std::string out;
  for (double v : values) {
    if (std::isnan(v)) {
      out += " ";
    } else if (flat) {
      out += kBlocks[3];
    } else {
      const auto level = static_cast<size_t>(std::lround((v - lo) / (hi - lo) * 7));
      out += kBlocks[std::min<size_t>(level, 7)];
    }
  }
  return out;
}

}  // namespace perfwatch
