"""The round trip without a .docx reader: a plan laid out (the IR render writes) → a SourceDoc as a
reader would give it → import → the plan laid out again. Shared by the importer's tests."""

from __future__ import annotations

from pathlib import Path

from plancc.importer.source import Place, SCell, SourceDoc, SPara, STable
from plancc.layout import ir

ROOT = Path(__file__).resolve().parents[2]

_ALIGN = {"title": "center", "subtitle": "center", "caption": "center", "signature": "right", "date": "right"}
_SIZE = {"title": 44}


def layout_of(plan) -> ir.Document:
    from plancc.layout import lay_out

    return lay_out(plan, base=[ROOT])


def source_of(doc: ir.Document, typed: bool = True) -> SourceDoc:
    """The IR as a reader gives it: numbers typed into the text (or, with typed=False, as Word's
    numbers in SPara.number), alignment and size by kind, tables on the grid with their spans."""
    blocks: list = []
    n_para = n_table = 0
    for b in doc.blocks:
        if isinstance(b, ir.Paragraph):
            text = "".join(r.text for r in b.runs)
            if not (b.number + text).strip():
                continue  # the blank lines layout adds between parts
            n_para += 1
            blocks.append(SPara(b.number + text if typed else text, Place(paragraph=n_para), number="" if typed else b.number,
                                align=_ALIGN.get(b.kind, ""), bold=b.kind == "title", size=_SIZE.get(b.kind),
                                style=b.kind))
        else:
            n_table += 1
            blocks.append(_table(b, n_table))
    return SourceDoc(blocks, path="roundtrip.docx")


def _table(t: ir.Table, n: int) -> STable:
    rows = [*t.header_rows(), *t.rows]
    header = len(t.header_rows())
    cells: list[SCell] = []
    open_v: dict[int, SCell] = {}
    for r, row in enumerate(rows):
        col = 0
        for c in row:
            if c.vmerge == "continue" and col in open_v:
                open_v[col].rowspan += 1
            else:
                cell = SCell(c.text, r, col, colspan=c.span)
                cells.append(cell)
                if c.vmerge == "restart":
                    open_v[col] = cell
                else:
                    open_v.pop(col, None)
            col += c.span
    n_cols = max((sum(c.span for c in row) for row in rows), default=0)
    return STable(cells, Place(table=n), n_rows=len(rows), n_cols=n_cols, header_rows=header)


def body_texts(doc: ir.Document) -> list[str]:
    """What a reader sees: every non-blank paragraph's text (number included) and every cell's."""
    out: list[str] = []
    for b in doc.blocks:
        if isinstance(b, ir.Paragraph):
            if b.text.strip():
                out.append(b.text)
        else:
            for row in [*b.header_rows(), *b.rows]:
                out.extend(c.text for c in row if c.vmerge != "continue")
    return out
