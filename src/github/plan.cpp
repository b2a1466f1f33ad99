#include "github/plan.hpp"

#include <fmt/format.h>

#include <cctype>
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

// Everything but [A-Za-z0-9_./] as %XX, so a name cannot end the field ("
// ", "-") or the comment ("-->").
std::string percent_encode(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '_' || c == '.' || c == '/') {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

std::string percent_decode(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
      out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace

std::string format_marker(const Marker& m) {
  std::string out = std::string(kMarkerStart) + "fingerprint=" + m.fingerprint + " run=" + std::to_string(m.run) +
                    " ok=" + std::to_string(m.ok_nights);
  if (!m.benchmark.empty()) out += " benchmark=" + percent_encode(m.benchmark) + " metric=" + m.metric;
  return out + " -->";
}

std::optional<Marker> parse_marker(const std::string& body) {
  const auto start = body.find(kMarkerStart);
  if (start == std::string::npos) return std::nullopt;
  const auto end = body.find("-->", start);
  if (end == std::string::npos) return std::nullopt;
  const std::string marker = fmt::format(" {}", body.substr(start + std::string(kMarkerStart).size(), end - start));
  const auto fp = field(marker, "fingerprint");
  const auto run = field(marker, "run");
  const auto ok = field(marker, "ok");
  if (!fp || fp->empty() || !run || !ok) return std::nullopt;
  try {
    return Marker{*fp, std::stoll(*run), std::stoi(*ok), percent_decode(field(marker, "benchmark").value_or("")),
                  field(marker, "metric").value_or("")};
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

namespace {

Marker marker_for(const Finding& f, std::int64_t run_id, int ok_nights) {
  return {f.fingerprint, run_id, ok_nights, f.result->benchmark, to_string(f.result->metric)};
}

}  // namespace

std::vector<Action> plan_actions(const std::vector<Finding>& findings, const std::vector<OpenIssue>& open,
                                 std::int64_t run_id, int recovery_nights) {
  std::map<std::string, const OpenIssue*> by_fingerprint;
  for (const OpenIssue& issue : open) by_fingerprint.emplace(issue.marker.fingerprint, &issue);
  std::vector<Action> actions;
  for (const Finding& f : findings) {
    auto it = by_fingerprint.find(f.fingerprint);
    if (it == by_fingerprint.end()) {
      if (f.regressed) actions.push_back({ActionKind::open, 0, marker_for(f, run_id, 0), f.result});
      continue;
    }
    const OpenIssue& issue = *it->second;
    if (issue.marker.run >= run_id) continue;  // this night (or a later one) was reported already
    if (f.regressed) {
      actions.push_back({ActionKind::comment, issue.number, marker_for(f, run_id, 0), f.result});
      continue;
    }
    const int ok = issue.marker.ok_nights + 1;
    const ActionKind kind = ok >= recovery_nights ? ActionKind::close : ActionKind::progress;
    actions.push_back({kind, issue.number, marker_for(f, run_id, ok), f.result});
  }
  return actions;
}

}  // namespace perfwatch::github
