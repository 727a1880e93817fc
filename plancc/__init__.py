"""plancc: a compiler for teacher continuing-education training plans.

load (plancc.load) → model (plancc.model) → check (plancc.check) → lay out
(plancc.layout) → emit (plancc.emit); the command line lives in plancc.cli.
"""

__version__ = "0.1.0"
