"""Figures as the checks see them: amounts with bounds, units and their rates, derivations.

- ``amount.py``: a figure as a plan writes it (72, "≥150", "不少于50学时", "25%") and
  the interval of values it allows;
- ``units.py``: the units plans use and how one converts to another (data);
- ``expr.py``: a derivation ("16周 × 2学时 × 2学期") parsed once, evaluated with rates.

The model (plancc.model.figures) parses with these when a plan is read, so a
figure that cannot be read is a located structure error; the rules
(plancc.check.rules.figures) evaluate them.
"""
