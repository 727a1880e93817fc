"""prose rules (see plancc.check.rules)."""

from __future__ import annotations
