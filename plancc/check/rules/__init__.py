"""Rule modules, one per family (prose and coverage are packages of modules, each imported by
its package); importing this package registers every rule.

Codes: PL2xx sums, PL3xx bounds, PL4xx conversions, PL5xx coverage and
references, PL6xx ranges and thresholds, PL7xx time, PL8xx prose vs data,
PL9xx policy (off unless a repository turns the policy pack on).
"""

from plancc.check.rules import bounds, conversions, coverage, policy, prose, ranges, sums, time  # noqa: F401
