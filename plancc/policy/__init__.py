"""The policy pack: floors, caps and ratios that rules and regions set on a plan's figures.

- ``measures.py``: what can be measured on a plan (annual hours, cycle hours, the share
  of practice …), each with the figures it reads and the plan kinds it is about: one
  registry, read by the pack loader (to check a pack's ``measure:``) and by the rules;
- ``pack.py``: packs as data (``plancc/data/policy/national.yaml`` and a repository's
  own under ``[policy] packs``), chosen by region and by the plan's year.

The rules (plancc.check.rules.policy, PL9xx) are off unless plancc.toml turns the pack on.
"""
