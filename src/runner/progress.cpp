#include "runner/progress.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace perfwatch {

std::string Progress::eta(double elapsed_s) const {
  double remaining = std::max(0.0, expected_[index_] - elapsed_s);
  for (size_t i = index_ + 1; i < expected_.size(); ++i) {
    if (expected_[i] <= 0) return "";  // unknown: no ETA rather than a wrong one
    remaining += expected_[i];
  }
  return expected_[index_] > 0 ? fmt::format("  ETA {:.0f} s", remaining) : "";
}

void Progress::start(size_t index, const std::string& name) {
  index_ = index;
  name_ = name;
  if (live_) {
    out_ << fmt::format("\r\033[K[{}/{}] {}{}", index + 1, expected_.size(), name, eta(0)) << std::flush;
  } else {
    out_ << fmt::format("perfwatch: [{}/{}] {}: started\n", index + 1, expected_.size(), name) << std::flush;
  }
}

void Progress::tick(double elapsed_s) {
  if (!live_) return;
  out_ << fmt::format("\r\033[K[{}/{}] {}  {:.1f} s{}", index_ + 1, expected_.size(), name_, elapsed_s, eta(elapsed_s))
       << std::flush;
}

void Progress::finish(double elapsed_s, const std::string& outcome) {
  if (live_) out_ << "\r\033[K";
  out_ << fmt::format("perfwatch: [{}/{}] {}: {} in {:.2f} s\n", index_ + 1, expected_.size(), name_, outcome, elapsed_s)
       << std::flush;
}

}  // namespace perfwatch
