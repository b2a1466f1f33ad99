#pragma once
// Hypothesis tests as pure functions. Conventions follow scipy.stats so that
// results can be checked against it: `greater` means x tends to be larger than y.
#include <cstdint>
#include <span>
#include <vector>

namespace perfwatch::stats {

enum class Alternative { two_sided, greater, less };

struct TestResult {
  double statistic = 0;
  double p_value = 1;
};

// Mann-Whitney U of x against y (U of x, as scipy reports it). Exact null
// distribution when there are no ties and both samples have at most 20
// values; otherwise the normal approximation with tie correction and
// continuity correction. Empty input: p = 1.
TestResult mann_whitney_u(std::span<const double> x, std::span<const double> y, Alternative alt);

// Welch's unequal-variance t-test (Student's t from Boost.Math). Fewer than
// two values on a side, or zero variance on both: p = 1 (nothing to test).
TestResult welch_t_test(std::span<const double> x, std::span<const double> y, Alternative alt);

// Pooled two-proportion z-test of errors1/n1 against errors2/n2.
TestResult two_proportion_z_test(std::int64_t errors1, std::int64_t n1, std::int64_t errors2, std::int64_t n2,
                                 Alternative alt);

// Benjamini-Hochberg adjusted p-values (q-values), in the input's order.
std::vector<double> benjamini_hochberg(std::span<const double> p_values);

// Student's t distribution with `df` degrees of freedom.
double student_t_sf(double t, double df);        // P(T > t)
double student_t_quantile(double p, double df);  // inverse CDF
double normal_sf(double z);                      // P(Z > z)
double normal_quantile(double p);                // inverse CDF

}  // namespace perfwatch::stats
