#include "util/file.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "util/error.hpp"

namespace perfwatch {

std::string read_file(const std::filesystem::path& path) {
  std::ostringstream buffer;
  if (path == "-") {
    buffer << std::cin.rdbuf();
    return buffer.str();
  }
  if (std::filesystem::is_directory(path)) throw input_error(path.string() + ": expected a file, got a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw input_error(path.string() + ": cannot read (" + std::strerror(errno) + ")");
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace perfwatch
