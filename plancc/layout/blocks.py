"""How a template renders the blocks of a section: by kind, one macro per kind.

``render_block(blk)`` (a template global) calls the macro the block registry
names for the block's kind, ``block_<key>`` (``block_str`` for plain text),
looked up among the macros of the template file that calls it. A template
without that macro stops the render with an error naming the kind and the
macro (:class:`UnhandledBlock`), never a blank where the block should be.
"""

from __future__ import annotations

from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context, Macro

from plancc.model.blocks import block_kind, kind_for


class UnhandledBlock(Exception):
    """The template has no macro for a kind of block the plan uses."""

    def __init__(self, kind: str, macro: str):
        super().__init__(kind, macro)
        self.kind, self.macro = kind, macro


def kind_of(block: Any) -> str:
    """The tag of a body block, for templates to dispatch on: ``str``, ``text``, ``themes`` …"""
    return block_kind(block) or "unknown"


@pass_context
def render_block(context: Context, block: Any) -> Any:
    """The block rendered by its kind's macro in the calling template."""
    kind = kind_for(block)
    tag, name = (kind.tag, kind.macro) if kind is not None else ("unknown", "block_unknown")
    macro = context.resolve_or_missing(name)
    if not isinstance(macro, Macro):
        raise UnhandledBlock(tag, name)
    return macro(block)
