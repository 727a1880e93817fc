"""Rule modules, by subject (prose and coverage are packages of modules, each imported by
its package); importing this package registers every rule. A module's rules carry the codes
of their families: figures.py holds sums (PL208), conversions (PL407–PL410) and a reference
check (PL511) of ``figures:`` and ``rates:``; bands.py the ranges (PL605–PL608) and a bound
(PL308) of grade bands.

Codes: PL2xx sums, PL3xx bounds, PL4xx conversions, PL5xx coverage and
references, PL6xx ranges and thresholds, PL7xx time, PL8xx prose vs data,
PL9xx policy (off unless a repository turns the policy pack on).
"""

from plancc.check.rules import bands, bounds, conversions, coverage, figures, policy, prose, ranges, sums, time  # noqa: F401
