#pragma once
// A fresh directory per test, removed afterwards unless PERFWATCH_KEEP_TEST_DIRS is set.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace perfwatch::testing {

class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "perfwatch-test-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempDir() {
    if (!std::getenv("PERFWATCH_KEEP_TEST_DIRS")) std::filesystem::remove_all(path_);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

  // Writes `text` to `name` inside the directory; returns the full path.
  std::filesystem::path write(const std::string& name, const std::string& text) const {
    const auto p = path_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }

 private:
  std::filesystem::path path_;
};

}  // namespace perfwatch::testing
