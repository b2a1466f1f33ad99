#pragma once
// Empirical-Bayes moderation of variances (Smyth 2004, limma's fitFDist and
// squeezeVar): many benchmarks, each with a variance from few nights, share a
// scaled chi-square prior fitted to all of them; each variance is shrunk
// toward it and gains the prior's degrees of freedom. The data decides how
// much: alike benchmarks give a large d0, unlike ones a small one.
#include <span>

namespace perfwatch::stats {

struct VariancePrior {
  double s0_squared = 0;  // prior variance
  double d0 = 0;          // prior degrees of freedom (may be infinite)
};

// Fits the prior to `variances` (each > 0) with degrees of freedom `dfs`, by
// limma's method of moments on log variances. Fewer than 3 variances: d0 = 0
// (no moderation).
VariancePrior fit_variance_prior(std::span<const double> variances, std::span<const double> dfs);

// The posterior variance (d0 s0^2 + d s^2) / (d0 + d).
double moderated_variance(double variance, double df, const VariancePrior& prior);

// y such that trigamma(y) = x (Newton's method, as in limma).
double trigamma_inverse(double x);

}  // namespace perfwatch::stats
