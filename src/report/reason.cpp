#include "report/reason.hpp"

#include <fmt/format.h>

#include <cmath>

#include "detect/memory_growth.hpp"
#include "detect/nightly.hpp"

namespace perfwatch {
namespace {

std::string spread_text(const NoiseBasis& n) { return fmt::format("±{:.1f} %", std::expm1(n.spread) * 100); }

std::string tonight_text(const MetricResult& r) {
  if (r.metric == Metric::error_rate) return fmt::format("tonight {:+.1f} pts", (r.current - r.baseline) * 100);
  if (std::isnan(r.ratio)) return "tonight not comparable";
  return fmt::format("tonight {:+.1f} %", (r.ratio - 1) * 100);
}

std::string persistence_text(const MetricResult& r) {
  std::string text;
  if (r.nights_in_row >= 2) text = ", second night in a row";
  else if (r.nights_in_row == 1 && r.noise.excursions > 0)
    text = fmt::format("; {} past night{} went as far alone, so one night does not count", r.noise.excursions,
                       r.noise.excursions == 1 ? "" : "s");
  if (r.noise.seen > 0)
    text += fmt::format("; {:.0f} % of past nights were at this level or worse: a level it returns to", r.noise.seen * 100);
  if (r.noise.pooled > 0)  // with too little history, also their baseline nights (detect/population)
    text += fmt::format("; {:.2g} % of the run's benchmarks' {}nights went as far, each in its own spread",
                        r.noise.pooled * 100, r.noise.from_history ? "past " : "");
  return text;
}

}  // namespace

std::string reason_text(const MetricResult& r) {
  if (r.verdict == Verdict::insufficient_baseline)
    return fmt::format("only {} baseline night{}: too few to judge", r.baseline_nights, r.baseline_nights == 1 ? "" : "s");
  if (r.metric == Metric::error_rate)
    return fmt::format("errors against the {} baseline nights pooled; {}", r.baseline_nights, tonight_text(r));
  if (r.metric == Metric::memory_growth)
    return fmt::format("resident memory grew {:.1f} MiB over {:.0f} s of tonight's run (after warm-up){}: Sen's slope, "
                       "Kendall's trend test p={:.2g}",
                       r.current * r.trend_seconds / 3600 / (1024 * 1024), r.trend_seconds,
                       resolved(r.ci_low, r.trend_seconds) ? "" : ", too little to tell from allocator noise (under 4 MiB)",
                       r.p_value);
  if (r.too_few_samples > 0)
    return fmt::format("{} samples tonight: a p99.9 needs at least {}", r.too_few_samples, kMinSamplesP999);
  std::string line = r.noise.from_history
                         ? fmt::format("usual night-to-night spread {} over {} nights", spread_text(r.noise), r.noise.nights)
                         : fmt::format("only {} nights of history: spread {} from the baseline nights, judged conservatively",
                                       r.noise.nights, spread_text(r.noise));
  line += "; " + tonight_text(r) + persistence_text(r);
  if (r.whole_distribution) line += "; the median moved too";
  if (r.persisted)  // ", second night in a row" already said
    line += "; seldom at this level before: only reruns can tell a step from this benchmark's noise";
  else if (r.screened && r.night_p < r.p_value)  // held back as a first night: see persistence_text
    line += fmt::format("; tonight alone p = {:.2g}: only reruns can tell a step from another excursion", r.night_p);
  else if (r.screened)
    line += fmt::format("; significant alone (p = {:.2g}) but not across the run's tests (q = {:.2g}): "
                        "only reruns can confirm it", r.p_value, r.q_value);
  return line;
}

void write_reason(JsonOut& j, const MetricResult& r) {
  j.begin_object();
  j.key("nights_in_row").value(r.nights_in_row);
  j.key("noise");
  if (r.verdict != Verdict::insufficient_baseline && r.metric != Metric::error_rate &&
      !judged_within_night(r.metric) && r.too_few_samples == 0) {
    j.begin_object();
    j.key("excursions").value(r.noise.excursions);
    j.key("nights").value(r.noise.nights);
    j.key("pooled").value(r.noise.pooled);
    j.key("quiet_limit").value(std::expm1(r.noise.quiet_limit));
    j.key("returns_to").value(std::expm1(r.noise.returns_to));
    j.key("seen").value(r.noise.seen);
    j.key("source").value(r.noise.from_history ? "history" : "baseline");
    j.key("spread").value(std::expm1(r.noise.spread));
    j.key("worse_excursions").value(r.noise.worse_excursions);
    j.end_object();
  } else {
    j.null();
  }
  j.key("screened").value(r.screened);
  j.key("screened_by");  // why reruns judge it: its own p-value, or its second night at a seldom level
  if (r.screened) j.value(r.persisted ? "second night" : "significance");
  else j.null();
  j.key("test").value(judged_within_night(r.metric) ? "trend" : r.two_night ? "two-night" : "one-night");
  j.key("text").value(reason_text(r));
  j.key("whole_distribution").value(r.whole_distribution);
  j.end_object();
}

}  // namespace perfwatch
