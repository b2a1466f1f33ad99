#include "runner/instruction_count.hpp"

#include <cstdlib>
#include <sstream>

#include "runner/perf_counter.hpp"
#include "runner/process.hpp"
#include "util/error.hpp"
#include "util/file.hpp"

namespace perfwatch {

const char* to_string(CountSource source) {
  return source == CountSource::perf_event ? "perf_event_open" : "callgrind";
}

std::string count_source_note(CountSource source) {
  if (source == CountSource::perf_event) return "perf_event_open (user-space instructions)";
  return "callgrind (valgrind; perf_event_open cannot count here: " + perf_unavailable_reason(PerfEvent::user_instructions) + ")";
}

CountSource probe_count_source() {
  const std::string perf = perf_unavailable_reason(PerfEvent::user_instructions);
  if (perf.empty()) return CountSource::perf_event;
  if (!resolve_command("valgrind").empty()) return CountSource::callgrind;
  throw environment_error("\"measure\": \"instructions\" needs a counter: perf_event_open cannot count here (" + perf +
                          ") and valgrind is not on PATH; install valgrind (apt-get install valgrind) or measure time");
}

std::vector<std::string> callgrind_argv(const std::vector<std::string>& argv, const std::filesystem::path& out_prefix) {
  std::vector<std::string> out = {"valgrind", "--tool=callgrind", "--trace-children=yes", "--quiet",
                                  "--callgrind-out-file=" + out_prefix.string() + "%p",
                                  // valgrind's own notes go to a file of their own, not the benchmark's stderr
                                  "--log-file=" + out_prefix.string() + "log.%p"};
  out.insert(out.end(), argv.begin(), argv.end());
  return out;
}

std::optional<std::int64_t> callgrind_instructions(const std::string& text) {
  std::istringstream in(text);
  std::optional<std::int64_t> totals;
  for (std::string line; std::getline(in, line);) {
    for (const char* key : {"summary:", "totals:"}) {
      const std::string_view k(key);
      if (line.rfind(k, 0) != 0) continue;
      const std::int64_t n = std::atoll(line.c_str() + k.size());
      if (k == "summary:") return n;
      totals = n;
    }
  }
  return totals;
}

std::optional<std::int64_t> collect_callgrind(const std::filesystem::path& out_prefix) {
  const std::filesystem::path dir = out_prefix.parent_path();
  const std::string stem = out_prefix.filename().string();
  std::optional<std::int64_t> total;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    // valgrind's log stays: it says why, when a run under it failed
    if (name.rfind(stem, 0) != 0 || name.rfind(stem + "log.", 0) == 0) continue;
    files.push_back(entry.path());
    if (const auto n = callgrind_instructions(read_file(entry.path()))) total = total.value_or(0) + *n;
  }
  for (const auto& f : files) std::filesystem::remove(f);
  return total;
}

}  // namespace perfwatch
