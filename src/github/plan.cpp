#include "github/plan.hpp"

#include <cstdio>
#include <map>

namespace perfwatch::github {
namespace {

constexpr const char* kMarkerStart = "<!-- perfwatch ";

std::optional<std::string> field(const std::string& marker, const std::string& name) {
  const auto at = marker.find(" " + name + "=");
  if (at == std::string::npos) return std::nullopt;
  const auto start = at + name.size() + 2;
  return marker.substr(start, marker.find_first_of(" -", start) - start);
}

}  // namespace

std::string format_marker(const Marker& m) {
  return std::string(kMarkerStart) + "fingerprint=" + m.fingerprint + " run=" + std::to_string(m.run) +
         " ok=" + std::to_string(m.ok_nights) + " -->";
}

std::optional<Marker> parse_marker(const std::string& body) {
  const auto start = body.find(kMarkerStart);
  if (start == std::string::npos) return std::nullopt;
  const auto end = body.find("-->", start);
  if (end == std::string::npos) return std::nullopt;
  const std::string marker = " " + body.substr(start + std::string(kMarkerStart).size(), end - start);
  const auto fp = field(marker, "fingerprint");
  const auto run = field(marker, "run");
  const auto ok = field(marker, "ok");
  if (!fp || fp->empty() || !run || !ok) return std::nullopt;
  try {
    return Marker{*fp, std::stoll(*run), std::stoi(*ok)};
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::string fingerprint(const std::string& repository, const std::string& suite, const std::string& benchmark,
                        Metric metric, const std::string& environment) {
  // FNV-1a, 64 bits: stable across builds and machines (std::hash is not).
  std::uint64_t h = 1469598103934665603ULL;
  for (const std::string& part : {repository, suite, benchmark, std::string(to_string(metric)), environment}) {
    for (unsigned char c : part + '\n') h = (h ^ c) * 1099511628211ULL;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::vector<Action> plan_actions(const std::vector<Finding>& findings, const std::vector<OpenIssue>& open,
                                 std::int64_t run_id, int recovery_nights) {
  std::map<std::string, const OpenIssue*> by_fingerprint;
  for (const OpenIssue& issue : open) by_fingerprint.emplace(issue.marker.fingerprint, &issue);
  std::vector<Action> actions;
  for (const Finding& f : findings) {
    auto it = by_fingerprint.find(f.fingerprint);
    if (it == by_fingerprint.end()) {
      if (f.regressed) actions.push_back({ActionKind::open, 0, {f.fingerprint, run_id, 0}, f.result});
      continue;
    }
    const OpenIssue& issue = *it->second;
    if (issue.marker.run >= run_id) continue;  // this night (or a later one) was reported already
    if (f.regressed) {
      actions.push_back({ActionKind::comment, issue.number, {f.fingerprint, run_id, 0}, f.result});
      continue;
    }
    const int ok = issue.marker.ok_nights + 1;
    const ActionKind kind = ok >= recovery_nights ? ActionKind::close : ActionKind::progress;
    actions.push_back({kind, issue.number, {f.fingerprint, run_id, ok}, f.result});
  }
  return actions;
}

}  // namespace perfwatch::github
