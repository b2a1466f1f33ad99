#pragma once
// Criterion.rs leaves its results as a tree of files, not one document:
// gather target/criterion/**/new/{benchmark,sample}.json into the single
// JSON document adapters/criterion.cpp parses.
#include <filesystem>
#include <optional>
#include <string>

namespace perfwatch {

// The document for every benchmark under `dir` (a target/criterion folder,
// or any folder above one), in path order. Unreadable or malformed files are
// exit 2 naming the file. With `written_since`, only results whose
// sample.json was written at or after it: the folder keeps every benchmark
// ever run, and a run must not record last week's figures as tonight's.
std::string criterion_document(const std::filesystem::path& dir,
                               std::optional<std::filesystem::file_time_type> written_since = std::nullopt);

// Where Criterion wrote for a command run in `cwd`: $CARGO_TARGET_DIR/criterion
// when set (relative to cwd), else cwd/target/criterion.
std::filesystem::path criterion_dir_for(const std::filesystem::path& cwd);

}  // namespace perfwatch
