#pragma once
// What decided a verdict, in one line a maintainer understands:
//   "usual night-to-night spread ±3.1 % over 60 nights; tonight +24.0 %, second night in a row"
// The same line in compare's text, Markdown and JSON, status, issues and the HTML report.
#include <string>

#include "detect/verdict.hpp"
#include "report/json_out.hpp"

namespace perfwatch {

std::string reason_text(const MetricResult& r);

// The facts behind the line, for compare --format json: the noise estimate
// and the nights it rests on, the test, the persistence state.
// Written as the value of the key `j` is at.
void write_reason(JsonOut& j, const MetricResult& r);

}  // namespace perfwatch
