#include "report/confirmation_view.hpp"

#include <fmt/format.h>

#include <cmath>

namespace perfwatch {
namespace {

nlohmann::json number(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); }

}  // namespace

std::string effect_text(Metric metric, const Effect& e) {
  if (std::isnan(e.ratio)) return "no effect measured";
  if (metric == Metric::error_rate)
    return fmt::format("{:+.1f} pts [{:+.1f}, {:+.1f}]", e.ratio * 100, e.low * 100, e.high * 100);
  auto pct = [](double ratio) { return fmt::format("{:+.1f} %", (ratio - 1) * 100); };
  return fmt::format("{} [{}, {}]", pct(e.ratio), pct(e.low), pct(e.high));
}

nlohmann::json effect_json(const Effect& e) {
  return {{"ratio", number(e.ratio)}, {"ci_low", number(e.low)}, {"ci_high", number(e.high)}, {"rounds", e.rounds}};
}

std::string confirmation_text(const MetricResult& r) {
  if (!r.confirmation) return "";
  const Confirmation& c = *r.confirmation;
  const std::string against = c.good_sha.empty() ? "" : " against " + c.good_sha.substr(0, 8);
  const std::string runs = fmt::format("{} interleaved rerun{}{}", c.effect.rounds, c.effect.rounds == 1 ? "" : "s", against);
  const std::string effect = effect_text(r.metric, c.effect) + (c.on_median ? " (on the median: the whole distribution moved)" : "");
  if (c.confirmed == true) return fmt::format("confirmed by {}: {}", runs, effect);
  if (c.confirmed == false) {
    if (c.effect.rounds == 0) return "refuted: " + c.note + "; nothing filed";
    if (!c.note.empty()) return fmt::format("not confirmed: {} {}: {}; nothing filed", runs, c.note, effect);
    return fmt::format("refuted: {} on this machine show {}; nothing filed", runs, effect);
  }
  return c.note.starts_with("not ") ? c.note : "not confirmed: " + c.note;
}

std::string culprit_text(const MetricResult& r) {
  if (!r.confirmation || r.confirmation->confirmed != true) return "";
  const Confirmation& c = *r.confirmation;
  if (c.culprit) {
    return fmt::format("first bad commit {} ({}: {}): {}", c.culprit->sha.substr(0, 8), c.culprit->author,
                       c.culprit->subject, effect_text(r.metric, c.culprit->effect));
  }
  return c.bisect_note.empty() ? "" : "bisection stopped: " + c.bisect_note;
}

nlohmann::json confirmation_json(const MetricResult& r) {
  if (!r.confirmation) return nullptr;
  const Confirmation& c = *r.confirmation;
  nlohmann::json detail = effect_json(c.effect);
  detail["good_commit"] = c.good_sha;
  detail["judged_on"] = to_string(c.on_median ? Metric::p50_latency : r.metric);
  detail["seconds"] = c.seconds;
  detail["note"] = c.note.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.note);
  if (c.culprit) {
    detail["culprit"] = {{"sha", c.culprit->sha}, {"author", c.culprit->author}, {"subject", c.culprit->subject},
                         {"effect", effect_json(c.culprit->effect)}};
  } else {
    detail["culprit"] = nullptr;
  }
  detail["bisect_note"] = c.bisect_note.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.bisect_note);
  return detail;
}

nlohmann::json step_json(const BisectStep& s) {
  nlohmann::json j = effect_json(s.effect);
  j["commit"] = s.commit_sha;
  j["call"] = to_string(s.call);
  j["seconds"] = s.seconds;
  return j;
}

}  // namespace perfwatch
