// console.time / console.timeEnd output, as Node.js and browsers print it:
//   sort 200k: 176.708ms               Node (ms; "1.101s" from a second on)
//   sort 200k: 1:02.345 (m:ss.mmm)     Node, a minute or more (h:mm:ss.mmm past an hour)
//   sort 200k: 96.797119140625 ms      Chromium's console (always ms)
//   sort 200k: 12.34ms - timer ended   Firefox
// Every such line is one measurement of its label (a script that times a
// step five times gives five samples). Other lines are the script's own
// output and are passed over; a console.timeLog line that carries data after
// its time is an intermediate reading, not a measurement, and is skipped too
// (one without data cannot be told from a timeEnd, and counts).
#include <map>

#include "adapters/adapter.hpp"
#include "adapters/text_input.hpp"

namespace perfwatch {
namespace {

using namespace text_input;

// "1:02.345" as seconds; "1:02:03.456" too.
std::optional<double> clock_seconds(std::string_view s) {
  double total = 0;
  size_t start = 0;
  for (size_t colon = s.find(':'); colon != std::string_view::npos; colon = s.find(':', start)) {
    const auto part = parse_number(s.substr(start, colon - start));
    if (!part || *part < 0) return std::nullopt;
    total = (total + *part) * 60;
    start = colon + 1;
  }
  if (start == 0) return std::nullopt;
  const auto seconds = parse_number(s.substr(start));
  if (!seconds || *seconds < 0 || *seconds >= 60) return std::nullopt;
  return total + *seconds;
}

// The time after "label: ", in ns; nullopt when the rest is not one.
std::optional<double> timing_ns(std::string_view rest) {
  if (rest.ends_with(" - timer ended")) rest.remove_suffix(14);
  for (std::string_view clock : {" (m:ss.mmm)", " (h:mm:ss.mmm)"}) {
    if (rest.ends_with(clock)) {
      const auto s = clock_seconds(rest.substr(0, rest.size() - clock.size()));
      return s ? std::optional(*s * 1e9) : std::nullopt;
    }
  }
  for (auto [unit, scale] : {std::pair{std::string_view("ms"), 1e6}, std::pair{std::string_view("s"), 1e9}}) {
    if (!rest.ends_with(unit)) continue;
    std::string_view number = rest.substr(0, rest.size() - unit.size());
    if (number.ends_with(' ')) number.remove_suffix(1);
    const auto v = parse_number(number);
    if (v && *v >= 0) return *v * scale;
    return std::nullopt;
  }
  return std::nullopt;
}

struct Timing {
  std::string label;
  double ns;
};

std::optional<Timing> timing_of(std::string_view line) {
  const std::string_view t = trim(line);
  for (size_t colon = t.rfind(": "); colon != std::string_view::npos && colon > 0; colon = t.rfind(": ", colon - 1)) {
    if (const auto ns = timing_ns(t.substr(colon + 2))) return Timing{std::string(t.substr(0, colon)), *ns};
  }
  return std::nullopt;
}

}  // namespace

bool looks_like_console_time(std::string_view text) {
  size_t timings = 0, others = 0;
  for (const Line& line : split_lines(text)) {
    if (trim(line.text).empty()) continue;
    (timing_of(line.text) ? timings : others)++;
  }
  return timings > 0 && timings >= others;
}

SuiteResult parse_console_time(std::string_view text, const std::string& source) {
  SuiteResult suite;
  std::map<std::string, size_t> index;  // label -> its benchmark, in the order labels first appear
  for (const Line& line : split_lines(text)) {
    const auto timing = timing_of(line.text);
    if (!timing) continue;
    add_latency_sample(suite, index, timing->label, timing->ns);
  }
  if (suite.benchmarks.empty())
    throw input_error(source + ": expected console.time lines (\"label: 1.234ms\", \"label: 1.234 ms\"), found none");
  return suite;
}

}  // namespace perfwatch
