#pragma once
#include <span>
#include <string>

namespace perfwatch {

// "▁▂▄█▆": one block per value, scaled between the series' min and max.
// NaN values print as a space; a flat series (moving less than 0.1 % of its
// size) prints mid-height blocks.
std::string sparkline(std::span<const double> values);

}  // namespace perfwatch
