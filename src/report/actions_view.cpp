#include "report/actions_view.hpp"

#include <set>

#include "report/comparison_view.hpp"

namespace perfwatch {

std::string escape_actions_data(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out += c;
  }
  return out;
}

std::string escape_actions_property(const std::string& text) {
  std::string out;
  for (char c : escape_actions_data(text)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

std::vector<std::string> actions_annotations(const Comparison& c) {
  std::vector<std::string> lines;
  std::set<std::string> short_baseline;
  for (const MetricResult& r : c.results) {
    if (r.verdict == Verdict::regression) {
      lines.push_back("::error title=" + escape_actions_property("perfwatch: " + r.benchmark + " " + to_string(r.metric)) +
                      "::" +
                      escape_actions_data(r.benchmark + " " + to_string(r.metric) + " " + format_change(r) + " (" +
                                          format_value(r.baseline, r) + " -> " + format_value(r.current, r) +
                                          ", 95% CI " + format_interval(r) + ") at " + c.commit.substr(0, 8)));
    }
    if (r.verdict == Verdict::insufficient_baseline && short_baseline.insert(r.benchmark).second) {
      lines.push_back("::warning title=" + escape_actions_property("perfwatch: " + r.benchmark) + "::" +
                      escape_actions_data(r.benchmark + ": insufficient baseline (" + std::to_string(r.baseline_nights) +
                                          " nights; 3 needed), not tested tonight"));
    }
  }
  for (const auto& [name, why] : c.failures) {
    lines.push_back("::warning title=" + escape_actions_property("perfwatch: " + name + " failed") + "::" +
                    escape_actions_data(name + " failed: " + why));
  }
  return lines;
}

}  // namespace perfwatch
