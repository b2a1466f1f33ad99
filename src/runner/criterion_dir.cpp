#include "runner/criterion_dir.hpp"

#include <algorithm>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <vector>

#include "adapters/json_fields.hpp"
#include "util/file.hpp"

namespace perfwatch {

std::string criterion_document(const std::filesystem::path& dir,
                               std::optional<std::filesystem::file_time_type> written_since) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw input_error(dir.string() + ": expected a Criterion output folder (target/criterion)");
  std::vector<fs::path> folders;  // each ".../new" holding sample.json
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::path& p = it->path();
    if (p.filename() != "sample.json" || p.parent_path().filename() != "new") continue;
    if (written_since && fs::last_write_time(p, ec) < *written_since) continue;
    folders.push_back(p.parent_path());
  }
  if (ec) throw input_error(dir.string() + ": expected a readable folder (" + ec.message() + ")");
  std::sort(folders.begin(), folders.end());
  nlohmann::json entries = nlohmann::json::array();
  for (const fs::path& folder : folders) {
    const fs::path bench = folder / "benchmark.json", sample = folder / "sample.json";
    entries.push_back({{"path", folder.string()},
                       {"benchmark", json_fields::parse_document(read_file(bench), bench.string())},
                       {"sample", json_fields::parse_document(read_file(sample), sample.string())}});
  }
  return nlohmann::json{{"criterion", entries}}.dump();
}

std::filesystem::path criterion_dir_for(const std::filesystem::path& cwd) {
  const char* target = std::getenv("CARGO_TARGET_DIR");
  if (target && *target) return cwd / target / "criterion";
  return cwd / "target" / "criterion";
}

}  // namespace perfwatch
