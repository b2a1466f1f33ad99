#pragma once
// nightly's confirmation, simulated on a synthetic corpus: the candidate's
// benchmark is rerun from the corpus's own model (Labelled::rerun), the good
// night's commit and tonight's in turn, and judged by the same sequential
// rule (detect/paired) the real reruns are.
#include <cstdint>
#include <vector>

#include "accuracy/corpus.hpp"
#include "detect/policy.hpp"
#include "detect/verdict.hpp"

namespace perfwatch::accuracy {

// Whether the reruns confirm `candidate` (a regression of `l` on night
// `tonight`, among that run's `results`) against night `good_night`'s commit.
// Undecided after the last round is not confirmed, as in nightly.
bool rerun_confirms(const Labelled& l, const std::vector<MetricResult>& results, const MetricResult& candidate,
                    int good_night, int tonight, const Policy& policy, std::uint64_t seed);

// Whether night `tonight` of `l` would file an issue after nightly's
// confirmation: a regression not rerun (judged within the night) files as
// before; a rerun candidate (a regression, or a screened result) files only
// when confirmed.
bool files_after_reruns(const Labelled& l, const std::vector<MetricResult>& results, int good_night, int tonight,
                        const Policy& policy, std::uint64_t seed);

}  // namespace perfwatch::accuracy
