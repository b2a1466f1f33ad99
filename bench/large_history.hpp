#pragma once
// The benches' big history: `benchmarks` latency benchmarks, one night a day
// of `samples` log-normal samples each, recorded through the CLI (in-process)
// into every history of `dbs` alike.
#include <string>
#include <vector>

#include "support/git_fixture.hpp"
#include "support/temp_dir.hpp"

namespace perfwatch::bench {

// False (after printing the error) when an ingest failed.
bool record_large_history(const testing::TempDir& dir, const testing::GitFixture& git, const std::vector<std::string>& dbs,
                          int nights, int benchmarks, int samples);

}  // namespace perfwatch::bench
