#pragma once
#include <filesystem>
#include <string>

namespace perfwatch {

// The whole file; "-" reads standard input. Unreadable: exit 2 naming the path.
std::string read_file(const std::filesystem::path& path);

}  // namespace perfwatch
