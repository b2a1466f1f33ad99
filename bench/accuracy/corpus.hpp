#pragma once
// A labelled corpus: benchmarks' nights with the nights a detector must
// catch and the nights on which any alert is a false alarm.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "model/result.hpp"

namespace perfwatch::accuracy {

struct Change {
  int night = 0;        // first night of the change
  std::string kind;     // what changed, for the misses-by-cause table
};

struct Labelled {
  std::string name;
  std::vector<BenchmarkResult> nights;
  std::vector<Change> steps;    // regressions past the policy's size a detector must catch
  std::vector<bool> clean;     // per night: any regression alert here is a false alarm
  // Per night, the run it belongs to (SAP's build id); empty: the night's index.
  std::vector<std::int64_t> runs;
  // One run of the benchmark as night `commit_night`'s commit measures when
  // nightly's confirmation reruns it, on a machine state drawn afresh from
  // `seed` with the corpus's own noise (what belongs to the build, such as a
  // two-level benchmark's level, stays that build's). Empty for real data:
  // it cannot be rerun.
  std::function<BenchmarkResult(int commit_night, std::uint64_t seed)> rerun;
};

struct Corpus {
  std::string name;
  std::string source;          // where the data comes from, one line
  std::vector<Labelled> benchmarks;
  int tolerance = 0;           // an alert up to this many nights before a step still counts
};

}  // namespace perfwatch::accuracy
