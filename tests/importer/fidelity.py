"""How faithfully ``plancc import`` takes in a Word document: import → validate → render → read
back, compared with the source sentence by sentence.

Used by tests/importer/test_foreign.py on the documents under tests/importer/foreign/, and as a
script on any documents (those of a county that were never in this repository)::

    python -m tests.importer.fidelity DOCUMENT.docx [DOCUMENT.doc …]

It prints, per document: whether import and render ran, the imported plan's errors and
warnings, which data the plan holds, and every source sentence the rendered document does not
print (after NFKC and with white space removed), then sentences it prints that the source did
not have.
"""

from __future__ import annotations

import re
import sys
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

#: a sentence ends at these marks (and at each paragraph or cell end)
_ENDS = re.compile(r"[。；;！？\n]")
#: forms plancc prints in one way on purpose (GB/T 9704 文号 brackets, one range dash)
_SAME = str.maketrans({"[": "〔", "]": "〕", "［": "〔", "］": "〕", "【": "〔", "】": "〕",
                       "–": "—", "－": "—", "~": "—", "～": "—"})


def normal(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_SAME)
    text = re.sub(r"—+|-{2,}", "—", text)
    return re.sub(r"\s+", "", text)


def sentences(doc) -> list[str]:
    """The source's sentences (paragraphs with their Word numbers, table cells), normalised."""
    from plancc.importer.source import SPara

    out: list[str] = []
    for b in doc.blocks:
        texts = [b.number + b.text] if isinstance(b, SPara) else [c.text for c in b.cells]
        for t in texts:
            out += [s for s in (normal(x) for x in _ENDS.split(t)) if s]
    return out


@dataclass
class Fidelity:
    path: Path
    yaml_text: str = ""
    plan: dict = field(default_factory=dict)
    guesses: list = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # "line:col CODE message" of the imported plan
    warnings: list[str] = field(default_factory=list)
    rendered: bool = False
    missing: list[str] = field(default_factory=list)  # source sentences the render does not print
    extra: list[str] = field(default_factory=list)  # rendered sentences the source does not have
    source_chars: int = 0

    def error_codes(self) -> list[str]:
        return [e.split()[1] for e in self.errors]


def measure(path: Path, lang: str = "zh") -> Fidelity:
    from plancc.cli.import_ import import_file
    from plancc.driver.check import check_loaded
    from plancc.driver.render import RenderJob, render_docx_bytes
    from plancc.driver.settings import Settings
    from plancc.importer import read
    from plancc.load import load_text

    path = Path(path)
    f = Fidelity(path)
    source = read(path, lang)
    f.yaml_text, f.plan, f.guesses = import_file(path, lang)
    f.source_chars = len(source.body_text())
    report = check_loaded(load_text(f.yaml_text, "imported.yaml", lang), Settings(lang=lang))
    for d in report.diagnostics:
        if d.suppressed:
            continue
        line = f"{d.line}:{d.column} {d.code} {d.message}"
        (f.errors if d.severity == "error" else f.warnings).append(line)
    if report.errors:
        return f
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "again.docx"
        plan_path = Path(tmp) / "imported.yaml"
        plan_path.write_text(f.yaml_text, encoding="utf-8")
        out.write_bytes(render_docx_bytes(report, RenderJob(plan_path=plan_path, output=out, bases=[path.parent])))
        again = read(out, lang)
    f.rendered = True
    src, new = sentences(source), sentences(again)
    joined_new, joined_src = "".join(new), "".join(src)
    f.missing = [s for s in src if s not in joined_new]
    f.extra = [s for s in new if s not in joined_src]
    return f


def _data_keys(plan: dict) -> list[str]:
    keys = [k for k in plan if k not in ("plancc", "document", "sections")]
    doc = plan.get("document") or {}
    return [*(f"document.{k}" for k in ("basis", "date", "number") if doc.get(k)), *keys]


def main(argv: list[str]) -> int:
    bad = 0
    for name in argv:
        f = measure(Path(name))
        print(f"{f.path.name}: {f.source_chars} characters; data: {', '.join(_data_keys(f.plan)) or '-'}; "
              f"{len(f.guesses)} guesses; {len(f.errors)} errors, {len(f.warnings)} warnings")
        for e in f.errors:
            print("  error", e[:160])
        if f.rendered:
            print(f"  render: {len(f.missing)} source sentences not printed, {len(f.extra)} printed but not in the source")
            for s in f.missing:
                print("    -", s[:120])
            for s in f.extra:
                print("    +", s[:120])
        bad += bool(f.errors or f.missing)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
