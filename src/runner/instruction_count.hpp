#pragma once
// "measure": "instructions" (issue 16): how many instructions a benchmark's
// process executes, a count that runner noise (a busy neighbour, a slower
// core) hardly moves. Counted by the kernel's performance counter where it
// offers one, else by valgrind's callgrind (slower, but the same count on any
// machine); where neither exists, `perfwatch run` stops with exit 3.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace perfwatch {

enum class CountSource { perf_event, callgrind };

// "perf_event_open", "callgrind": what a result records as its counter.
const char* to_string(CountSource source);

// "callgrind (perf_event_open cannot count here: ...)": for the run's output.
std::string count_source_note(CountSource source);

// What this machine offers (one system call and a PATH lookup, so asked again
// where needed): perf_event_open when the kernel
// counts user-space instructions for perfwatch's children, else callgrind when
// `valgrind` is on PATH. Neither: an environment error (exit 3) saying both
// reasons and what to install.
CountSource probe_count_source();

// `argv` run under callgrind, one output file per process it starts
// (`out_prefix` + pid), valgrind's own messages kept out of the benchmark's stderr.
std::vector<std::string> callgrind_argv(const std::vector<std::string>& argv, const std::filesystem::path& out_prefix);

// The instructions callgrind counted in one output file: its "summary:" (or
// "totals:") line; nullopt when the file has neither.
std::optional<std::int64_t> callgrind_instructions(const std::string& text);

// The instructions of every process one callgrind run wrote (files starting
// with `out_prefix`, valgrind's logs aside); nullopt when there is none. Removes them.
std::optional<std::int64_t> collect_callgrind(const std::filesystem::path& out_prefix);

}  // namespace perfwatch
