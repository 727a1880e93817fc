"""``plancc diff --docx OUT.docx``: the new version rendered, with Word tracked changes
against the old one, for reviewers who work in Word.

Both plans are laid out as render lays them out; the two documents' paragraphs are
aligned (difflib on their texts), and where they differ the new document carries the
difference as tracked changes: a paragraph changed in place shows its words deleted and
inserted, a new paragraph is an insertion, a paragraph gone is a deletion. Tables are
printed as in the new version (a table that is gone is left out); their changes are
in the text, markdown and JSON diff.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from plancc.layout import ir


def _key(b) -> str:
    if isinstance(b, ir.Paragraph):
        return "P" + b.kind + "\0" + b.text
    return "T" + b.name + "\0" + "\0".join(c.title for c in b.columns)


def _flat(p: ir.Paragraph) -> list[tuple[str, ir.Run]]:
    """The paragraph's characters, each with the run it belongs to (its number as a run of its own)."""
    out: list[tuple[str, ir.Run]] = []
    if p.number:
        number = ir.Run(p.number)
        out += [(ch, number) for ch in p.number]
    for r in p.runs:
        out += [(ch, r) for ch in r.text]
    return out


def _changed_paragraph(old: ir.Paragraph, new: ir.Paragraph) -> ir.Paragraph:
    a, b = _flat(old), _flat(new)
    sm = difflib.SequenceMatcher(None, [c for c, _ in a], [c for c, _ in b], autojunk=False)
    runs: list[ir.Run] = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op in ("delete", "replace"):
            runs += _merge(a[i1:i2], "del")
        if op in ("equal", "insert", "replace"):
            runs += _merge(b[j1:j2], None if op == "equal" else "ins")
    return _with_runs(new, runs)


def _merge(chars: list[tuple[str, ir.Run]], change) -> list[ir.Run]:
    out: list[ir.Run] = []
    prev = None
    for ch, src in chars:
        if out and prev is src:
            out[-1].text += ch
        else:
            out.append(ir.Run(ch, src.bold, src.role, change))
        prev = src
    return out


def _with_runs(p: ir.Paragraph, runs: list[ir.Run], change=None) -> ir.Paragraph:
    return ir.Paragraph(p.kind, runs, number="", keep_with_next=p.keep_with_next, page_break_before=p.page_break_before,
                        right_indent=p.right_indent, run_in=p.run_in, change=change)


def _whole(p: ir.Paragraph, change: str) -> ir.Paragraph:
    return _with_runs(p, _merge(_flat(p), change), change)


def merge(old: ir.Document, new: ir.Document) -> ir.Document:
    """The new document with its differences from the old one as tracked changes."""
    ka, kb = [_key(x) for x in old.blocks], [_key(x) for x in new.blocks]
    out: list = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes():
        if op == "equal":
            out += new.blocks[j1:j2]
            continue
        olds, news = old.blocks[i1:i2], new.blocks[j1:j2]
        # paragraphs replaced one for one, of the same kind: changed in place
        n = 0
        while n < min(len(olds), len(news)) and isinstance(olds[n], ir.Paragraph) and isinstance(news[n], ir.Paragraph) \
                and olds[n].kind == news[n].kind:
            out.append(_changed_paragraph(olds[n], news[n]))
            n += 1
        for b in olds[n:]:
            if isinstance(b, ir.Paragraph) and b.text.strip():
                out.append(_whole(b, "del"))
        for b in news[n:]:
            out.append(_whole(b, "ins") if isinstance(b, ir.Paragraph) else b)
    doc = new
    return ir.Document(out, title=doc.title, author=doc.author, date=doc.date, **{
        k: getattr(doc, k) for k in doc.__dataclass_fields__ if k not in ("blocks", "title", "author", "date")})


def tracked_docx(old_report, new_report, config, settings) -> bytes:
    """The new plan's .docx with tracked changes against the old plan (both without
    errors), laid out with the template and profile ``plancc render`` would use."""
    from plancc.driver.render import jobs_for, load_profile_for
    from plancc.emit.docx import render_docx
    from plancc.layout import start_lay_out

    docs = []
    profile = None
    for report in (old_report, new_report):
        (job,) = jobs_for([Path(report.loaded.path)], config, settings)
        profile = load_profile_for(job, settings.lang)
        layout = start_lay_out(report.plan, template=job.template, base=job.bases, profile=profile, limits=job.limits,
                               lang=settings.lang, template_trusted=job.template_trusted)
        docs.append(layout.result())
    return render_docx(merge(docs[0], docs[1]), profile)
