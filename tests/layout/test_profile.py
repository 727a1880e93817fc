"""The layout profile: default values, merging, validation, comments on every value."""

from __future__ import annotations

import re
import subprocess
import sys
import typing
from pathlib import Path

import pytest

from plancc.layout import ir
from plancc.layout.profile import (
    DEFAULT_PROFILE_PATH,
    PARAGRAPH_KINDS,
    Profile,
    ProfileError,
    Styles,
    expand_dotted,
    load_profile,
)


def test_default_profile_carries_the_spec_numbers(profile: Profile) -> None:
    page = profile.page
    assert (page.width, page.height) == (11906, 16838)
    m = page.margins
    assert (m.top, m.bottom, m.left, m.right) == (2098, 1984, 1587, 1474)
    assert m.footer == 1400
    assert (page.grid.type, page.grid.line_pitch, page.grid.lines_per_page, page.grid.chars_per_line) == ("lines", 579, 22, 28)
    s = profile.styles
    assert s.body.font.east_asia == "仿宋_GB2312" and s.body.size == 32
    assert s.body.indent.first_line == 640 and s.body.char_spacing == -5
    assert (s.body.spacing.line, s.body.spacing.rule) == (579, "exact")
    assert s.title.font.east_asia == "方正小标宋简体" and s.title.size == 44 and s.title.align == "center"
    assert s.heading1.font.east_asia == "黑体"
    assert s.heading2.font.east_asia == "楷体_GB2312"
    assert s.heading3.bold is False
    assert s.date.indent.right == 1280
    assert s.table_cell.size in (24, 28) and s.table_cell.snap_to_grid is False
    assert s.table_header.font.east_asia == "黑体"
    assert s.page_number.font.east_asia == "宋体" and s.page_number.size == 28
    pn = profile.page_number
    assert pn.prefix == "\u2014 " and pn.suffix == " \u2014"
    assert (pn.odd.align, pn.odd.indent_right, pn.even.align, pn.even.indent_left) == ("right", 280, "left", 280)
    t = profile.table
    assert (t.width, t.border.size, t.border.style, t.layout) == (8844, 4, "single", "fixed")
    assert profile.color == "000000"
    assert t.width <= page.type_area_width


def test_every_ir_paragraph_kind_has_a_style() -> None:
    kinds = set(typing.get_args(ir.ParagraphKind))
    assert kinds == set(PARAGRAPH_KINDS)
    assert kinds | {"table_cell", "table_header", "page_number", "body_run"} == set(Styles.model_fields)


def test_every_value_in_the_default_profile_is_commented() -> None:
    """Each scalar line names its GB/T 9704 clause or a practical reason."""
    missing = []
    for n, line in enumerate(DEFAULT_PROFILE_PATH.read_text(encoding="utf-8").splitlines(), 1):
        code = line.split("#", 1)[0]
        if re.match(r"^\s*[A-Za-z_]+:\s*\S", code) and "#" not in line:
            missing.append(f"{n}: {line}")
        if "#" in line and re.match(r"^\s*[A-Za-z_]+:\s*\S", code):
            comment = line.split("#", 1)[1]
            if not re.search(r"\d+\.\d|practice|LibreOffice|profile|Word|custom|version", comment):
                missing.append(f"{n} (no clause or reason): {line}")
    assert not missing, "\n".join(missing)


def test_fields_have_chinese_descriptions() -> None:
    from pydantic import BaseModel

    seen: set[type] = set()

    def walk(model: type[BaseModel]) -> list[str]:
        if model in seen:
            return []
        seen.add(model)
        bad = []
        for name, f in model.model_fields.items():
            if not f.description or not re.search("[\u4e00-\u9fff]", f.description):
                bad.append(f"{model.__name__}.{name}")
            for t in typing.get_args(f.annotation) or (f.annotation,):
                if isinstance(t, type) and issubclass(t, BaseModel):
                    bad += walk(t)
        return bad

    assert walk(Profile) == []


def test_dotted_and_nested_overrides_merge() -> None:
    p = load_profile(overrides={"styles.heading3.bold": True, "table": {"width": 8000}, "styles.table_cell.size": 24})
    assert p.styles.heading3.bold is True
    assert p.table.width == 8000
    assert p.styles.table_cell.size == 24
    # untouched neighbours survive the merge
    assert p.styles.heading3.font.east_asia == "仿宋_GB2312"
    assert p.table.border.size == 4


def test_expand_dotted_nests_and_merges() -> None:
    assert expand_dotted({"a.b": 1, "a.c": {"d.e": 2}}) == {"a": {"b": 1, "c": {"d": {"e": 2}}}}
    with pytest.raises(ProfileError):
        expand_dotted({"a..b": 1})


def test_user_profile_file_then_overrides(tmp_path) -> None:
    f = tmp_path / "county.yaml"
    f.write_text(
        "styles:\n  heading3:\n    bold: true\n  table_cell:\n    size: 24\n"
        "  title:\n    font:\n      alternates: [宋体]\n",
        encoding="utf-8",
    )
    p = load_profile(f)
    assert p.styles.heading3.bold and p.styles.table_cell.size == 24
    assert p.styles.title.font.alternates == ["宋体"]  # lists replace, they do not append
    p2 = load_profile(f, {"styles.table_cell.size": 28})
    assert p2.styles.table_cell.size == 28 and p2.styles.heading3.bold


def test_unknown_keys_and_bad_values_are_reported_in_chinese(tmp_path) -> None:
    with pytest.raises(ProfileError) as e:
        load_profile(overrides={"styles.heading3.bolt": True, "page.margins.top": -1, "color": "red"})
    msg = str(e.value)
    assert "styles.heading3.bolt：未知的配置项" in msg
    assert "page.margins.top" in msg and "color" in msg


def test_table_wider_than_type_area_is_rejected() -> None:
    with pytest.raises(ProfileError, match="超过版心宽度"):
        load_profile(overrides={"table.width": 9000})


def test_missing_or_broken_file(tmp_path) -> None:
    with pytest.raises(ProfileError, match="无法读取"):
        load_profile(tmp_path / "nope.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("styles: [1, 2", encoding="utf-8")
    with pytest.raises(ProfileError, match="YAML"):
        load_profile(bad)
    top = tmp_path / "list.yaml"
    top.write_text("- 1\n", encoding="utf-8")
    with pytest.raises(ProfileError, match="顶层"):
        load_profile(top)


def test_duplicate_style_names_are_rejected() -> None:
    with pytest.raises(ProfileError, match="同时用于"):
        load_profile(overrides={"styles.note.name": "Normal"})


def test_profile_module_imports_without_python_docx() -> None:
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'docx' or name.startswith('docx.'):\n"
        "            raise ImportError('blocked')\n"
        "sys.meta_path.insert(0, Block())\n"
        "from plancc.layout.profile import load_profile\n"
        "load_profile()\n"
        "assert 'docx' not in sys.modules\n"
    )
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root)


def test_profile_is_immutable(profile: Profile) -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        profile.styles.body.size = 10  # type: ignore[misc]


def test_profile_errors_are_worded_like_plan_and_config_errors() -> None:
    from plancc.diagnostics.validation import error_detail
    from plancc.layout.profile import check_overrides

    problems = dict(check_overrides({"styles.body.size": "x", "page.width": 10}))
    assert problems["styles.body.size"] == error_detail({"type": "int_parsing"}, "x", "zh")[1]
    assert problems["page.width"] == "应当在 144 到 31680 之间，实际写的是数字 10"  # the field's whole range, from the model
