#!/usr/bin/env python3
"""How often the synthetic_shape rule (src/detect/measurement_warnings.cpp)
flags nights, re-implemented independently with scipy: 2,000 trials of 8
nights each per distribution. Run: /usr/bin/python3 bench/synthetic_shape_rates.py
(Debian's python3-scipy, python3-numpy)."""
import numpy as np
from scipy import stats

MIN_SPREAD, MIN_POOLED, SKEW_CAP, KURTOSIS_CAP = 0.15, 200, 0.15, 0.4


def flagged(nights):
    tonight = nights[-1]
    if tonight.std(ddof=1) / tonight.mean() < MIN_SPREAD / 2:
        return False
    pooled, spreads = [], []
    for v in nights:
        mean, sd = v.mean(), v.std(ddof=1)
        spreads.append(sd / mean)
        pooled.extend((v - mean) / sd)
    pooled = np.array(pooled)
    n = len(pooled)
    if np.median(spreads) < MIN_SPREAD or n < MIN_POOLED:
        return False
    return (abs(stats.skew(pooled)) <= min(SKEW_CAP, 2 * np.sqrt(6 / n)) and
            abs(stats.kurtosis(pooled)) <= min(KURTOSIS_CAP, 2 * np.sqrt(24 / n)))


rng = np.random.default_rng(1)
cases = [
    ("random.gauss(500, 100), 100 a night", lambda: rng.normal(500, 100, 100)),
    ("random.gauss(500, 100), 50 a night", lambda: rng.normal(500, 100, 50)),
    ("log-normal sigma 0.2, 100 a night", lambda: rng.lognormal(np.log(500), 0.2, 100)),
    ("log-normal sigma 0.15, 100 a night", lambda: rng.lognormal(np.log(500), 0.15, 100)),
    ("gamma k=25 (spread 20 %), 100 a night", lambda: rng.gamma(25, 20, 100)),
]
for name, draw in cases:
    rate = np.mean([flagged([draw() for _ in range(8)]) for _ in range(2000)])
    print(f"{name:42s} flagged on {rate * 100:5.1f} % of trials")
