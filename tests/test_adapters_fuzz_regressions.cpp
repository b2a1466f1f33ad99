// Every committed fuzz finding (tests/fuzz-regressions/<format>/*) still reads
// or is rejected in one line: never a crash, never another exception.
#include <doctest/doctest.h>

#include <filesystem>

#include "adapters/adapter.hpp"
#include "util/file.hpp"

using namespace perfwatch;

TEST_CASE("parse_results survives every committed fuzz finding") {
  const std::filesystem::path root = std::filesystem::path(PERFWATCH_SOURCE_DIR) / "tests/fuzz-regressions";
  int inputs = 0;
  for (const auto& folder : std::filesystem::directory_iterator(root)) {
    if (!folder.is_directory()) continue;
    for (const auto& file : std::filesystem::directory_iterator(folder)) {
      const std::string format = folder.path().filename().string(), path = file.path().string();
      CAPTURE(path);
      ++inputs;
      try {
        const std::string text = read_file(path);
        parse_results(format == "auto" ? detect_format(text, path) : format, text, path);
      } catch (const Error& e) {
        CHECK(e.status() == ExitStatus::bad_input);
        CHECK(std::string(e.what()).find('\n') == std::string::npos);
      }
    }
  }
  CHECK(inputs >= 2);
}
