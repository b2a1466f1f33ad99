#pragma once
// Time units: adapters normalise durations to nanoseconds so that a suite
// switching from "us" to "ms" still compares with its own past.
#include <optional>
#include <string>
#include <string_view>

namespace perfwatch {

// Nanoseconds in one `unit` ("ns", "us", "µs", "ms", "s"); nullopt if not a time unit.
std::optional<double> nanoseconds_per(std::string_view unit);

// "1.21 ms", "930 ns", "3.40 s"; non-time units print as "12.3 items/s".
std::string format_quantity(double value, std::string_view unit);

}  // namespace perfwatch
