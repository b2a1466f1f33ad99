// Ruby's benchmark library (stdlib), Benchmark.bm and Benchmark.bmbm:
//                            user     system      total        real
//   sort:                  0.126857   0.003272   0.130129 (  0.263577)
// Each row is one measurement of its label: the real (wall) time, in s,
// kept in ns; user, system and total CPU time are not kept. bmbm's
// "Rehearsal" rows (a warm-up run) are left out: only the rows after its
// "total:" line count. A trailing ':' on a label (Ruby's own examples pad
// labels so) is dropped.
#include <map>

#include "adapters/adapter.hpp"
#include "adapters/text_input.hpp"

namespace perfwatch {
namespace {

using namespace text_input;

bool is_header(std::string_view t) {
  const auto w = split_whitespace(t);
  return w.size() == 4 && w[0] == "user" && w[1] == "system" && w[2] == "total" && w[3] == "real";
}

struct Row {
  std::string label;
  double real_s;
};

// "label  0.1  0.0  0.1 (  0.2)"; nullopt for any other line.
std::optional<Row> row_of(std::string_view t, const std::string& source, size_t line) {
  if (!t.ends_with(")")) return std::nullopt;
  const size_t open = t.rfind('(');
  if (open == std::string_view::npos) return std::nullopt;
  const auto real = parse_number(trim(t.substr(open + 1, t.size() - open - 2)));
  const auto words = split_whitespace(t.substr(0, open));
  if (!real || words.size() < 4) return std::nullopt;
  for (size_t k = words.size() - 3; k < words.size(); ++k)
    if (!parse_number(words[k])) return std::nullopt;
  if (*real < 0) fail_at(source, line, "real", "a non-negative time", t.substr(open));
  // The label is the text before the three CPU times, as printed.
  const std::string_view cpu_start = words[words.size() - 3];
  std::string label(trim(t.substr(0, static_cast<size_t>(cpu_start.data() - t.data()))));
  if (label.size() > 1 && label.back() == ':') label.pop_back();
  return Row{label, *real};
}

}  // namespace

bool looks_like_ruby_benchmark(std::string_view text) {
  for (const Line& line : split_lines(text))
    if (is_header(trim(line.text))) return true;
  return false;
}

SuiteResult parse_ruby_benchmark(std::string_view text, const std::string& source) {
  SuiteResult suite;
  std::map<std::string, size_t> index;
  bool rehearsal = false, seen_header = false;
  for (const Line& line : split_lines(text)) {
    const std::string_view t = trim(line.text);
    if (t.starts_with("Rehearsal -")) rehearsal = true;
    if (rehearsal && t.starts_with("---") && t.find("total:") != std::string_view::npos) rehearsal = false;
    if (is_header(t)) seen_header = true;
    if (rehearsal || !seen_header) continue;
    const auto row = row_of(t, source, line.number);
    if (!row || row->label.empty()) continue;
    add_latency_sample(suite, index, row->label, row->real_s * 1e9);
  }
  if (suite.benchmarks.empty())
    throw input_error(source + ": expected Ruby Benchmark.bm rows under a \"user system total real\" header "
                               "(\"label  0.12  0.00  0.12 (  0.13)\"), found none");
  return suite;
}

}  // namespace perfwatch
