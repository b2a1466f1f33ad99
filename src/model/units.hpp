#pragma once
// Time units: adapters normalise durations to nanoseconds so that a suite
// switching from "us" to "ms" still compares with its own past.
#include <optional>
#include <string>
#include <string_view>

namespace perfwatch {

// Nanoseconds in one `unit` ("ns", "us", "µs", "ms", "s"); nullopt if not a time unit.
std::optional<double> nanoseconds_per(std::string_view unit);

// A count per operation (allocations, bytes, cycles, cache misses, a tool's
// instruction count: "B/op", "allocs/op", "cycles/iter", "Ir"), not a time
// ("ns", "ms/op") nor a rate ("MB/s"): what a latency slot holds when a tool
// reports counts. Such a series is judged as the metric "count" (its median,
// lower is better, `count_increase`), not by latency quantiles.
bool is_count_unit(std::string_view unit);

// "1.21 ms", "930 ns", "3.40 s"; non-time units print as "12.3 items/s".
std::string format_quantity(double value, std::string_view unit);

}  // namespace perfwatch
