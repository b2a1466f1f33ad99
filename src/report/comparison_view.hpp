#pragma once
// A comparison, formatted: text for people (colour on a TTY), Markdown for
// job summaries and issues, JSON for machines (the SPEC's shape).
#include <ostream>
#include <string>

#include "detect/verdict.hpp"

namespace perfwatch {

enum class Rows { changed, all };
enum class Colour { off, on };

void print_comparison_text(const Comparison& c, Rows rows, Colour colour, std::ostream& out);
void print_comparison_markdown(const Comparison& c, Rows rows, std::ostream& out);
// Pretty-printed (two spaces), keys sorted as nlohmann sorts them.
std::string comparison_json(const Comparison& c);

// A result's value for people: "1.21 ms", "3.50%" (error rate), "70.0 MiB"
// (memory), "12.40 MB/h" (memory growth).
std::string format_value(double v, const MetricResult& r);
// "12.40 MB/h", "3.1 GB/h" (MB = 10^6 bytes, as the policy's key counts them).
std::string format_growth(double bytes_per_hour);
// "too few samples (30 of 1000 needed)": a p99.9 that is not one.
std::string too_few_samples_text(const MetricResult& r);
// "instructions counted by callgrind (2 benchmarks)"; "" when the run counted none.
std::string counted_by_text(const Comparison& c);

// "+34.2%" for a ratio, "+6.1 pts" for an error rate.
std::string format_change(const MetricResult& r);
// What a headline says moved: the change, or tonight's value for a metric
// judged within the night ("722.2 GB/h" of memory growth), which has none.
std::string headline_change(const MetricResult& r);
// "[+28.1%, +40.9%]".
std::string format_interval(const MetricResult& r);

}  // namespace perfwatch
