#pragma once
// What a person (or a CI log) sees while a suite runs: on a terminal one live
// line (benchmark i/N, name, elapsed, ETA); elsewhere one plain line when each
// benchmark starts and ends.
#include <ostream>
#include <string>
#include <vector>

namespace perfwatch {

class Progress {
 public:
  // `expected_s[i]`: how long entry i took last time (0 when unknown), for the ETA.
  Progress(std::ostream& out, bool live, std::vector<double> expected_s)
      : out_(out), live_(live), expected_(std::move(expected_s)) {}

  void start(size_t index, const std::string& name);
  void tick(double elapsed_s);  // live only
  void finish(double elapsed_s, const std::string& outcome);

 private:
  std::string eta(double elapsed_s) const;
  std::ostream& out_;
  bool live_;
  std::vector<double> expected_;
  size_t index_ = 0;
  std::string name_;
};

}  // namespace perfwatch
