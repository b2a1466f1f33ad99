#pragma once
// A temporary git repository with a history database, driven through the CLI.
#include <string>

#include "support/cli.hpp"
#include "support/git_fixture.hpp"
#include "support/temp_dir.hpp"

namespace perfwatch::testing {

struct IngestFixture {
  TempDir dir;
  GitFixture git{dir.path(), 3};
  std::string db = (dir / "history.db").string();

  CliResult perfwatch(std::vector<std::string> args) {
    args.insert(args.begin(), {"--repo", dir.path().string(), "--db", db});
    return run(std::move(args));
  }

  // A native results file with one benchmark.
  std::string results(const std::string& name, const std::string& benchmark, const std::string& samples) {
    return dir.write(name, R"({"suite":"demo","benchmarks":[{"name":")" + benchmark + R"(","unit":"ns","samples":[)" +
                               samples + "]}]}")
        .string();
  }

  std::string exported() { return perfwatch({"export"}).out; }
};

}  // namespace perfwatch::testing
