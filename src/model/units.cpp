#include "model/units.hpp"

#include <cmath>
#include <cstdio>

namespace perfwatch {
namespace {

std::string format_number(double value) {
  char buf[64];
  const double a = std::fabs(value);
  if (a != 0 && (a >= 1e7 || a < 1e-3)) {
    std::snprintf(buf, sizeof buf, "%.3g", value);
  } else if (a >= 100) {
    std::snprintf(buf, sizeof buf, "%.0f", value);
  } else if (a >= 10) {
    std::snprintf(buf, sizeof buf, "%.1f", value);
  } else {
    std::snprintf(buf, sizeof buf, "%.2f", value);
  }
  return buf;
}

}  // namespace

bool is_count_unit(std::string_view unit) {
  std::string_view base = unit;
  for (std::string_view per : {"/op", "/iter"})
    if (base.ends_with(per)) base.remove_suffix(per.size());
  if (nanoseconds_per(base)) return false;                 // a time per operation
  return !(unit.ends_with("/s") && unit.size() > 2);        // a rate is a throughput
}

std::optional<double> nanoseconds_per(std::string_view unit) {
  if (unit == "ns") return 1.0;
  if (unit == "us" || unit == "µs" || unit == "μs") return 1e3;
  if (unit == "ms") return 1e6;
  if (unit == "s") return 1e9;
  return std::nullopt;
}

std::string format_quantity(double value, std::string_view unit) {
  if (unit == "ns") {
    const double a = std::fabs(value);
    if (a >= 1e9) return format_number(value / 1e9) + " s";
    if (a >= 1e6) return format_number(value / 1e6) + " ms";
    if (a >= 1e3) return format_number(value / 1e3) + " us";
    return format_number(value) + " ns";
  }
  // Counts and rates get SI prefixes: "830k items/s", "1.20M req/s".
  const double a = std::fabs(value);
  std::string scaled = a >= 1e9   ? format_number(value / 1e9) + "G"
                       : a >= 1e6 ? format_number(value / 1e6) + "M"
                       : a >= 1e4 ? format_number(value / 1e3) + "k"
                                  : format_number(value);
  return unit.empty() ? scaled : scaled + " " + std::string(unit);
}

}  // namespace perfwatch
