"""plancc: a compiler for teacher continuing-education training plans.

load (plancc.load) → model (plancc.model) → check (plancc.check) → lay out
(plancc.layout) → emit (plancc.emit); plancc.driver runs the stages for one
file or many, plancc.cli is the command line, plancc.catalog holds every
message in each language, and plancc.errors the errors that stop a command.
"""

__version__ = "0.1.0"
#: the project's home (pyproject.toml's [project.urls] says the same; a test holds them together):
#: the schema's pinned address and SARIF's informationUri are made from it
PROJECT_URL = "https://github.com/plancc/plancc"
