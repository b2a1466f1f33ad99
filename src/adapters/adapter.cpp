#include "adapters/adapter.hpp"

#include "model/units.hpp"

namespace perfwatch {

const std::vector<Adapter>& adapters() {
  static const std::vector<Adapter> all = {
      {"perfwatch", "perfwatch's native JSON", parse_perfwatch},
      {"gbench", "Google Benchmark JSON (--benchmark_format=json)", parse_gbench},
  };
  return all;
}

std::string adapter_names() {
  std::string names;
  for (const Adapter& a : adapters()) {
    if (!names.empty()) names += ", ";
    names += a.name;
  }
  return names;
}

Expected<SuiteResult> parse_results(std::string_view format, std::string_view text,
                                    const std::string& source) {
  for (const Adapter& a : adapters()) {
    if (format != a.name) continue;
    try {
      return a.parse(text, source);
    } catch (const Error& e) {
      return e;
    }
  }
  return input_error(source + ": --format: expected one of " + adapter_names() + ", got \"" +
                     std::string(format) + "\"");
}

void normalise_time_unit(Series& latency) {
  auto scale = nanoseconds_per(latency.unit);
  if (!scale || *scale == 1.0) {
    if (scale) latency.unit = "ns";
    return;
  }
  for (double& v : latency.values) v *= *scale;
  latency.unit = "ns";
}

void check_benchmark(const BenchmarkResult& b, const std::string& source,
                     const std::string& path) {
  if (b.name.empty()) throw input_error(source + ": " + path + ".name: expected a non-empty string");
  if (!b.latency && !b.throughput && !b.failure) {
    throw input_error(source + ": " + path +
                      ": expected \"samples\" or \"throughput\" (or a \"failure\")");
  }
}

}  // namespace perfwatch
