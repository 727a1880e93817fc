"""The emitter's one error."""

from __future__ import annotations

from plancc.errors import RenderError


class EmitError(RenderError, ValueError):
    """The IR cannot be written as given (e.g. a table row whose spans do not fill the grid)."""
