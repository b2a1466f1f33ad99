#pragma once
// What the reruns said of a candidate, in the words compare, the step
// summary and the issue share:
//   "confirmed by 4 interleaved reruns against 1a2b3c4d: +49.8 % [+47.0 %, +52.6 %]"
//   "first bad commit 4e5f6a7b (Ann <a@x>: parse: copy tokens): +50.1 % [+47.9 %, +52.3 %]"
#include <nlohmann/json.hpp>
#include <string>

#include "detect/verdict.hpp"
#include "model/confirmation_log.hpp"

namespace perfwatch {

// "+49.8 % [+47.0 %, +52.6 %]" (error rate: points); "no effect measured" when NaN.
std::string effect_text(Metric metric, const Effect& e);
// {"ratio", "ci_low", "ci_high", "rounds"}, null where not finite.
nlohmann::json effect_json(const Effect& e);

// "" for a result nothing was rerun for and that is no candidate.
std::string confirmation_text(const MetricResult& r);
// "" without a culprit; else the commit and its effect, or why bisection stopped.
std::string culprit_text(const MetricResult& r);
// What the issue says when there was no confirmation at all (`report` of an
// ingested run): that nothing could be rerun.
inline constexpr const char* kNotRerun =
    "not confirmed: perfwatch did not run these results itself (ingest or run), so it could not rerun them";
// Memory growth is judged within tonight's own run: nothing to rerun it against.
inline constexpr const char* kGrowthNotRerun = "none needed: memory growth is a trend within tonight's own run";

// compare/nightly --format json: a row's "confirmation" (null where nothing was rerun).
nlohmann::json confirmation_json(const MetricResult& r);

// One bisection step for `bisect --format json`: {"commit", "call", "ratio", "ci_low", "ci_high", "rounds", "seconds"}.
nlohmann::json step_json(const BisectStep& s);

}  // namespace perfwatch
