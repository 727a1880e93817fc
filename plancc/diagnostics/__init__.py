"""Diagnostics: the one shape every finding takes, from YAML syntax errors to policy rules."""

from plancc.diagnostics.core import Diagnostic, Related, Severity, Span

__all__ = ["Diagnostic", "Related", "Severity", "Span"]
