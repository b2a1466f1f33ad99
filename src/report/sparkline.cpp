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
  std::string out;
  for (double v : values) {
    if (std::isnan(v)) {
      out += " ";
    } else if (hi == lo) {
      out += kBlocks[3];
    } else {
      const auto level = static_cast<size_t>(std::lround((v - lo) / (hi - lo) * 7));
      out += kBlocks[std::min<size_t>(level, 7)];
    }
  }
  return out;
}

}  // namespace perfwatch
