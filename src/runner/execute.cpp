#include "runner/execute.hpp"

#include <algorithm>
#include <fstream>
#include <map>

#include "adapters/adapter.hpp"
#include "runner/criterion_dir.hpp"
#include "runner/instruction_count.hpp"
#include "runner/process.hpp"
#include "util/file.hpp"

namespace perfwatch {
namespace {

// The filesystem's idea of now: the time stamp of a file written now under `dir`.
std::filesystem::file_time_type filesystem_now(const std::filesystem::path& dir) {
  const std::filesystem::path stamp = dir / ".stamp";
  std::ofstream(stamp, std::ios::trunc) << "";
  std::error_code ec;
  const auto t = std::filesystem::last_write_time(stamp, ec);
  return ec ? std::filesystem::file_time_type::clock::now() : t;
}

std::string file_stem(const std::string& name) {
  std::string out;
  for (char c : name) out += std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ? c : '_';
  return out;
}

// A failed process as the entry's result: why, with the end of its stderr.
BenchmarkResult failure(const std::string& name, const std::string& why, const std::filesystem::path& stderr_path) {
  BenchmarkResult b;
  b.name = name;
  const std::string tail = tail_lines(stderr_path, 3);
  b.failure = tail.empty() ? why : why + "; stderr: " + tail;
  b.errors = 1;
  b.requests = 1;
  return b;
}

// Appends `parsed`'s samples into `merged` (repetitions of one benchmark).
void append(std::map<std::string, BenchmarkResult>& merged, std::vector<std::string>& order, BenchmarkResult parsed) {
  auto [it, inserted] = merged.try_emplace(parsed.name, parsed);
  if (inserted) {
    order.push_back(parsed.name);
    return;
  }
  BenchmarkResult& m = it->second;
  auto add = [](std::optional<Series>& into, const std::optional<Series>& from) {
    if (!from) return;
    if (!into) into = from;
    else into->values.insert(into->values.end(), from->values.begin(), from->values.end());
  };
  add(m.latency, parsed.latency);
  add(m.throughput, parsed.throughput);
  if (parsed.errors) m.errors = m.errors.value_or(0) + *parsed.errors;
  if (parsed.requests) m.requests = m.requests.value_or(0) + *parsed.requests;
  if (parsed.failure) m.failure = parsed.failure;
}

ProcessSpec spec_for(const SuiteEntry& entry, const std::vector<std::string>& argv, const std::filesystem::path& suite_dir,
                     const std::filesystem::path& work_dir, const std::string& label) {
  ProcessSpec spec;
  spec.argv = argv;
  spec.cwd = entry.cwd.empty() ? suite_dir : suite_dir / entry.cwd;
  spec.env = entry.env;
  spec.timeout_s = entry.timeout_s;
  spec.stdout_path = work_dir / (file_stem(entry.name) + "." + label + ".out");
  spec.stderr_path = work_dir / (file_stem(entry.name) + "." + label + ".err");
  return spec;
}

}  // namespace

std::string tail_lines(const std::filesystem::path& file, size_t lines) {
  std::ifstream in(file);
  std::vector<std::string> all;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) all.push_back(line);
  std::string out;
  for (size_t i = all.size() > lines ? all.size() - lines : 0; i < all.size(); ++i) {
    out += (out.empty() ? "" : " | ") + all[i].substr(0, 200);
  }
  return out;
}

EntryOutcome run_entry(const SuiteEntry& entry, const std::filesystem::path& suite_dir,
                       const std::filesystem::path& work_dir, const std::atomic<bool>* stop, Progress* progress) {
  EntryOutcome outcome;
  BenchmarkResult own;
  own.name = entry.name;
  // A counted entry's samples are its instruction counts; its time under a counter is not a measurement.
  const std::optional<CountSource> counter = entry.count_instructions ? std::optional(probe_count_source()) : std::nullopt;
  if (counter) {
    own.instructions = Series{"instructions", {}};
    own.instructions_source = to_string(*counter);
  } else {
    own.latency = Series{"ns", {}};
  }
  std::map<std::string, BenchmarkResult> reported;
  std::vector<std::string> order;
  double longest = 0;  // seconds of the measured process whose memory series is kept
  auto tick = [&](double s) {
    if (progress) progress->tick(outcome.seconds + s);
  };
  // Runs one process; false (with the outcome's failure set) when the entry must stop.
  auto run_one = [&](const std::vector<std::string>& argv, const std::string& label, bool measured) {
    const bool counted = counter && measured;
    const std::filesystem::path callgrind_prefix = work_dir / (file_stem(entry.name) + "." + label + ".callgrind.");
    const bool under_callgrind = counted && *counter == CountSource::callgrind;
    ProcessSpec spec = spec_for(entry, under_callgrind ? callgrind_argv(argv, callgrind_prefix) : argv, suite_dir, work_dir, label);
    if (counted && *counter == CountSource::perf_event) spec.count = PerfEvent::user_instructions;
    // "Written during the run" is judged on the filesystem's own clock (a
    // stamp written now), never the process's: the two can disagree (a
    // container's clock, faketime). The kernel's coarse clock is a few ms behind: leave slack.
    const auto started = filesystem_now(work_dir) - std::chrono::seconds(2);
    const ProcessResult r = run_process(spec, stop, tick);
    outcome.seconds += r.wall_seconds;
    if (r.end == ProcessEnd::interrupted) {
      outcome.interrupted = true;
      return false;
    }
    if (!r.ok()) {
      outcome.command_missing = r.end == ProcessEnd::not_started;
      outcome.results = {failure(entry.name, label + ": " + describe(r, entry.timeout_s), spec.stderr_path)};
      return false;
    }
    if (!measured) return true;  // a prepare step's or warm-up's memory is not the benchmark's
    if (counted) {
      const std::optional<std::int64_t> n = under_callgrind ? collect_callgrind(callgrind_prefix) : r.count;
      if (!n) {
        outcome.results = {failure(entry.name, label + ": " + to_string(*counter) + " counted no instructions", spec.stderr_path)};
        return false;
      }
      own.instructions->values.push_back(static_cast<double>(*n));
      if (under_callgrind) return true;  // valgrind's memory, not the benchmark's
    }
    outcome.memory_source = r.memory_source;
    if (r.peak_rss_bytes > 0) own.peak_rss_bytes = std::max(own.peak_rss_bytes.value_or(0), r.peak_rss_bytes);
    // The longest measured process's memory over time, if it ran long enough.
    if (r.wall_seconds >= entry.memory_growth_min_seconds && r.wall_seconds > longest) {
      longest = r.wall_seconds;
      own.memory = r.memory;
    }
    if (!counted) own.latency->values.push_back(r.wall_seconds * 1e9);
    if (entry.format == "time") return true;
    // Criterion writes its results under target/criterion, not to stdout.
    const bool tree = entry.format == "criterion";
    const std::filesystem::path output = tree ? criterion_dir_for(spec.cwd) : spec.stdout_path;
    SuiteResult parsed;
    try {
      parsed = parse_results(entry.format, tree ? criterion_document(output, started) : read_file(output), output.string());
    } catch (const Error& e) {  // the benchmark's output, not perfwatch's input: recorded as its failure
      outcome.results = {failure(entry.name, label + ": output is not " + entry.format + ": " + e.what(), spec.stderr_path)};
      return false;
    }
    for (BenchmarkResult& b : parsed.benchmarks) {
      b.name = entry.name + "/" + b.name;
      append(reported, order, std::move(b));
    }
    return true;
  };
  if (!entry.prepare.empty() && !run_one(entry.prepare, "prepare", false)) return outcome;
  for (int i = 0; i < entry.warmup; ++i)
    if (!run_one(entry.command, "warmup" + std::to_string(i + 1), false)) return outcome;
  for (int i = 0; i < entry.repetitions; ++i)
    if (!run_one(entry.command, "run" + std::to_string(i + 1), true)) return outcome;
  outcome.results.push_back(std::move(own));
  for (const std::string& name : order) outcome.results.push_back(std::move(reported[name]));
  return outcome;
}

}  // namespace perfwatch
