#pragma once
#include <string>

namespace perfwatch::accuracy {

// Runs perfwatch night by night over TigerBeetle's real history (one value
// per metric and commit, sorted by timestamp) and prints where it alerts.
void print_tigerbeetle_report(const std::string& path);

}  // namespace perfwatch::accuracy
