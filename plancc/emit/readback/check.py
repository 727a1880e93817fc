"""Checking read-back facts against a layout profile: one line per mismatch."""

from __future__ import annotations

from typing import Any

from plancc.emit.mapping import (
    BORDER_SIDES,
    COMPATIBILITY_MODE,
    PGMAR_ATTRS,
    derived_styles,
    footer_sides,
    grid_type,
    page_number_text,
    size_label,
    written_name,
)
from plancc.emit.readback.facts import DocxFacts
from plancc.layout.profile import Profile


def check_against_profile(facts: DocxFacts, profile: Profile) -> list[str]:
    """Every way the document differs from the profile; an empty list means it conforms."""
    out: list[str] = []

    def expect(what: str, got: Any, want: Any) -> None:
        if got != want:
            out.append(f"{what}: 应为 {want!r}，实为 {got!r}")

    page = profile.page
    expect("纸张宽度", facts.page_width, page.width)
    expect("纸张高度", facts.page_height, page.height)
    expect("纸张方向", facts.orientation, "portrait" if page.width < page.height else "landscape")
    m = page.margins
    for k in PGMAR_ATTRS:
        expect(f"页边距 {k}", facts.margins.get(k), getattr(m, k))
    expect("文档网格类型", facts.grid_type, grid_type(page.grid.type))
    expect("文档网格行距", facts.line_pitch, page.grid.line_pitch)
    expect("奇偶页不同", facts.even_and_odd, profile.page_number.even_and_odd)
    expect("兼容模式（compatibilityMode）", facts.compatibility_mode, COMPATIBILITY_MODE)

    for ref in facts.theme_font_refs:
        out.append(f"残留主题字体引用：{ref}")
    for ref in facts.non_black_colors:
        out.append(f"非黑色文字/边框：{ref}")
    for prob in facts.out_of_order:
        out.append(f"子元素顺序不符合 OOXML 架构：{prob}")

    # styles
    by_name: dict[str, tuple[str, Any]] = {}
    for kind in type(profile.styles).model_fields:
        st = getattr(profile.styles, kind)
        by_name[written_name(st.name).casefold()] = (kind, st)
    # styles derived from a profile style: run-in headings, cells of a dense table (any
    # size a table of the document uses: read from the name the writer gives it)
    sizes = [s for s in (_size_in_name(n, profile) for n in facts.styles) if s]
    derived = {n.casefold(): v for n, v in derived_styles(profile, sizes).items()}
    color = profile.color.upper()
    for name, sf in facts.styles.items():
        if sf.type == "missing":
            out.append(f"文档引用了未定义的样式 {sf.style_id!r}")
            continue
        entry = by_name.get(name.casefold())
        size = None
        if entry is None and name.casefold() in derived:
            kind, size = derived[name.casefold()]
            entry = (kind, getattr(profile.styles, kind))
        if entry is None:
            out.append(f"文档使用了版式配置之外的样式 {name!r}")
            continue
        kind, st = entry
        label = f"样式 {name}（{kind}）"
        expect(f"{label} 中文字体", sf.east_asia, st.font.east_asia)
        expect(f"{label} 西文字体", sf.ascii, st.font.ascii)
        expect(f"{label} hAnsi 字体", sf.h_ansi, st.font.h_ansi_name)
        expect(f"{label} 字号", sf.size, size or st.size)
        expect(f"{label} 加粗", sf.bold, st.bold)
        expect(f"{label} 颜色", (sf.color or "auto").upper(), color)
        expect(f"{label} 字符间距", sf.char_spacing, st.char_spacing)
        expect(f"{label} 东亚语言", sf.east_asia_lang, profile.language.east_asia)
        if sf.theme_fonts:
            out.append(f"{label} 仍引用主题字体 {sorted(set(sf.theme_fonts))}")
        if kind == "body_run" or sf.type == "character":
            continue
        expect(f"{label} 对齐", sf.align, st.align)
        expect(f"{label} 首行缩进", sf.first_line, st.indent.first_line)
        expect(f"{label} 左缩进", sf.indent_left, st.indent.left)
        expect(f"{label} 右缩进", sf.indent_right, st.indent.right)
        expect(f"{label} 行距", (sf.line, sf.line_rule), (st.spacing.line, st.spacing.rule))
        expect(f"{label} 对齐网格", sf.snap_to_grid, st.snap_to_grid)
        expect(f"{label} 与下段同页", sf.keep_next, st.keep_next)

    # footers
    pn = profile.page_number
    have = {f.kind: f for f in facts.footers}
    for kind, side in footer_sides(pn):
        f = have.get(kind)
        label = "单页页脚" if kind == "default" else "双页页脚"
        if f is None:
            out.append(f"缺少{label}")
            continue
        expect(f"{label} 对齐", f.align, side.align)
        expect(f"{label} 左缩进", f.indent_left, side.indent_left)
        expect(f"{label} 右缩进", f.indent_right, side.indent_right)
        if not f.has_page_field:
            out.append(f"{label} 没有 PAGE 域")
        expect(f"{label} 文字", f.text, page_number_text(pn))

    # tables
    look = profile.table
    b = look.border
    for i, t in enumerate(facts.tables, start=1):
        label = f"第 {i} 个表格"
        expect(f"{label} 列宽之和", sum(t.grid_widths), look.width)
        expect(f"{label} 表格宽度", t.width, look.width)
        expect(f"{label} 布局", t.layout, look.layout)
        for side in BORDER_SIDES:
            got = t.borders.get(side)
            expect(f"{label} 边框 {side}", got, (b.style, str(b.size), b.color.upper()))
        if look.repeat_header and t.rows and t.header_rows == 0:
            out.append(f"{label} 没有重复表头行（w:tblHeader）")
        if any(t.header_flags[t.header_rows:]):
            out.append(f"{label} 表头标记出现在正文行中")
        if look.cant_split and not all(t.cant_split):
            out.append(f"{label} 有 {t.cant_split.count(False)} 行允许跨页断行（缺 w:cantSplit）")
    return out


def _size_in_name(name: str, profile: Profile) -> int | None:
    """The size a cell style copy is named after (“plancc 表格文字 小四” → 24), else None."""
    for kind in ("table_cell", "table_header"):
        head = written_name(getattr(profile.styles, kind).name) + " "
        if name.startswith(head):
            tail = name[len(head):]
            for size in range(1, 200):
                if size_label(size) == tail:
                    return size
    return None
