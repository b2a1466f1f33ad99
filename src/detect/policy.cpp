#include "detect/policy.hpp"

#include "adapters/json_fields.hpp"
#include "detect/measurement_warnings.hpp"
#include "util/text.hpp"

namespace perfwatch {
namespace {

using namespace json_fields;

// A significance level: strictly between 0 and 1.
double read_level(const json& v, const std::string& source, const std::string& key) {
  const double level = require_number(v, source, key);
  if (level <= 0 || level >= 1) fail(source, key, "a number between 0 and 1", v);
  return level;
}

double read_fraction(const json& v, const std::string& source, const std::string& path) {
  const double x = require_number(v, source, path);
  if (x < 0 || x > 10) fail(source, path, "a fraction between 0 and 10 (0.20 means 20 %)", v);
  return x;
}

// Reads the keys present in `object` over `base`; unknown keys are errors.
Thresholds read_thresholds(const json& object, Thresholds base, const std::string& source, const std::string& path) {
  require_object(object, source, path);
  reject_unknown_keys(object, {"p95_increase", "p999_increase", "throughput_decrease", "error_rate_increase", "memory_increase",
                       "memory_growth_per_hour", "instructions_increase", "count_increase", "silence_warnings"},
                      source, path);
  for (const auto& [key, value] : object.items()) {
    const std::string p = child(path, key);
    if (key == "silence_warnings") {
      require_array(value, source, p);
      for (size_t i = 0; i < value.size(); ++i) {
        const auto kind = parse_warning_kind(require_string(value[i], source, element(p, i)));
        if (!kind)
          fail(source, element(p, i), warning_kind_list(), value[i]);
        base.silenced.push_back(*kind);
      }
    } else if (key == "memory_growth_per_hour") {
      base.memory_growth_per_hour = require_non_negative(value, source, p) * 1e6;  // MB an hour
    } else if (key == "p95_increase") base.p95_increase = read_fraction(value, source, p);
    else if (key == "p999_increase") base.p999_increase = read_fraction(value, source, p);
    else if (key == "throughput_decrease") base.throughput_decrease = read_fraction(value, source, p);
    else if (key == "error_rate_increase") base.error_rate_increase = read_fraction(value, source, p);
    else if (key == "instructions_increase") base.instructions_increase = read_fraction(value, source, p);
    else if (key == "count_increase") base.count_increase = read_fraction(value, source, p);
    else base.memory_increase = read_fraction(value, source, p);
  }
  return base;
}

}  // namespace

bool alerts(Metric metric, const Thresholds& t) {
  return is_alerting(metric) || (metric == Metric::p999_latency && t.p999_increase.has_value());
}

const Thresholds& Policy::for_benchmark(std::string_view benchmark) const {
  for (auto it = overrides.rbegin(); it != overrides.rend(); ++it) {
    if (glob_match(it->glob, benchmark)) return it->thresholds;
  }
  return defaults;
}

Policy parse_policy(std::string_view text, const std::string& source) {
  const json doc = parse_document(text, source);
  require_object(doc, source, "(document)");
  reject_unknown_keys(doc, {"$comment", "alpha", "rerun_alpha", "min_baseline_nights", "window_days", "history_days", "noise_floor", "defaults", "overrides"},
                      source, "");
  Policy policy;
  // Defaults first: overrides start from them.
  if (const json* d = optional(doc, "defaults")) policy.defaults = read_thresholds(*d, policy.defaults, source, "defaults");
  for (const auto& [key, value] : doc.items()) {
    if (key == "alpha") {
      policy.alpha = read_level(value, source, key);
    } else if (key == "rerun_alpha") {
      policy.screen_alpha = read_level(value, source, key);
    } else if (key == "min_baseline_nights") {
      policy.min_baseline_nights = static_cast<int>(require_count(value, source, key));
    } else if (key == "window_days") {
      policy.window_days = static_cast<int>(require_count(value, source, key));
    } else if (key == "history_days") {
      policy.history_days = static_cast<int>(require_count(value, source, key));
    } else if (key == "noise_floor") {
      policy.noise_floor = read_fraction(value, source, key);
    } else if (key == "overrides") {
      require_object(value, source, key);
      for (const auto& [glob, thresholds] : value.items()) {
        policy.overrides.push_back({glob, read_thresholds(thresholds, policy.defaults, source, child(key, glob))});
      }
    }
  }
  return policy;
}

std::vector<std::string> unmatched_globs(const Policy& policy, const std::vector<std::string>& benchmarks) {
  std::vector<std::string> unmatched;
  for (const Override& o : policy.overrides) {
    bool matched = false;
    for (const std::string& b : benchmarks) matched = matched || glob_match(o.glob, b);
    if (!matched) unmatched.push_back(o.glob);
  }
  return unmatched;
}

double regression_threshold(Metric metric, const Thresholds& t) {
  switch (metric) {
    case Metric::throughput: return 1 - t.throughput_decrease;
    case Metric::error_rate: return t.error_rate_increase;
    case Metric::peak_memory: return 1 + t.memory_increase;
    case Metric::instructions: return 1 + t.instructions_increase;
    case Metric::count: return 1 + t.count_increase;
    case Metric::p999_latency: return 1 + t.p999_increase.value_or(t.p95_increase);
    default: return 1 + t.p95_increase;
  }
}

}  // namespace perfwatch
