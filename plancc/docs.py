"""Reference docs generated from the code, so they are never written twice.

docs/plan-language.md walks the pydantic models (every key, its type,
whether it is required, its default, its Chinese description, an example);
docs/rules.md lists every diagnostic code with its explanation. A test
regenerates both and fails when the committed files are stale.
"""

from __future__ import annotations

import json
import types
import typing
from pathlib import Path
from typing import Any, Union

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from plancc.model.dates import PartialDate
from plancc.model.plan import Plan


def _type_name(tp: Any) -> str:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is typing.Annotated:
        base = args[0]
        if base is float:
            return "数字"
        if base is str:
            return "文字"
        return _type_name(base)
    if origin in (Union, types.UnionType):
        names = [_type_name(a) for a in args if a is not type(None)]
        return " 或 ".join(dict.fromkeys(names))
    if origin is list:
        return f"列表[{_type_name(args[0])}]"
    if origin is dict:
        return f"映射[文字 → {_type_name(args[1])}]"
    if origin is typing.Literal:
        return " / ".join(json.dumps(a, ensure_ascii=False) for a in args)
    if tp is str:
        return "文字"
    if tp is bool:
        return "true/false"
    if tp is int:
        return "整数"
    if tp is float:
        return "数字"
    if tp is PartialDate:
        return "日期（2022-11 或 2022-11-15）"
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return f"[{tp.__name__}](#{tp.__name__.lower()})"
    return getattr(tp, "__name__", str(tp))


def _models(root: type[BaseModel]) -> list[type[BaseModel]]:
    seen: list[type[BaseModel]] = []
    stack = [root]
    while stack:
        m = stack.pop(0)
        if m in seen:
            continue
        seen.append(m)
        for f in m.model_fields.values():
            stack.extend(_nested(f.annotation))
    return seen


def _nested(tp: Any) -> list[type[BaseModel]]:
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return [tp]
    out: list[type[BaseModel]] = []
    for a in typing.get_args(tp):
        out.extend(_nested(a))
    return out


def _default(field) -> str:
    if field.is_required():
        return "**必填**"
    d = field.default
    if d is PydanticUndefined or d is None:
        if field.default_factory is not None:
            return "空"
        return "—"
    if isinstance(d, str):
        return json.dumps(d, ensure_ascii=False)
    return json.dumps(d, ensure_ascii=False) if not isinstance(d, BaseModel) else "—"


def plan_language_md() -> str:
    lines = [
        "# 计划语言参考 / Plan language reference",
        "",
        "> 本文件由 `plancc docs` 根据代码中的模型生成，请勿手工编辑。",
        "> Generated from the models by `plancc docs`; do not edit by hand.",
        "",
        "计划文件是一个 YAML 映射，顶层键如下；每个对象的键见后文各节。未列出的键都是错误（PL101）。",
        "",
        "**正文中的标记。** 段落、列表项、小节标题和表格单元格中的 `{=名称}` 引用数据（见 `plancc show` 的“可引用的数据”），"
        "段落和列表项中的 `**文字**` 印作加粗。要照原样印出这些字符：把 `{=` 写成 `{{=`（`{{=hours.required}` 印出 "
        "`{=hours.required}`，每多写一个 `{` 就照印一个）；在 `*` 和 `\\` 前加反斜杠（`\\*\\*` 印出 `**`，与 Markdown 相同；"
        "单独的 `**` 不成对时照印，不必转义）。`plancc import` 导入 Word 文档时自动这样写。",
        "",
        "**Markup in prose.** `{=name}` in paragraphs, list items, section titles and table cells cites data; "
        "`**text**` in paragraphs and list items is bold. To print these characters as typed, write `{{=` for `{=` "
        "(`{{=hours.required}` prints `{=hours.required}`) and put a backslash before `*` and `\\` (`\\*\\*` prints `**`, "
        "as in Markdown). `plancc import` writes text from Word documents so.",
        "",
    ]
    for model in _models(Plan):
        doc = (model.__doc__ or "").strip().splitlines()[0] if model.__doc__ else ""
        lines += [f"## {model.__name__}", ""]
        if doc:
            lines += [doc, ""]
        lines += ["| 键 | 类型 | 默认 | 说明 |", "|---|---|---|---|"]
        for name, f in model.model_fields.items():
            desc = (f.description or "").replace("|", "\\|").replace("\n", " ")
            if f.examples:
                desc += "；例：" + "；".join(f"`{json.dumps(e, ensure_ascii=False)}`" for e in f.examples)
            type_text = _type_name(f.annotation).replace("|", "\\|")
            lines.append(f"| `{name}` | {type_text} | {_default(f)} | {desc} |")
        lines.append("")
    lines += _wording_md()
    lines += _examples_md()
    return "\n".join(lines)


def _wording_md() -> list[str]:
    """The sentences data blocks write and what their patterns may cite (plancc.text.wording)."""
    from plancc.text.wording import FORMATS, SENTENCES

    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    lines = ["# 句式 / Sentence patterns", "",
             "数据块生成的每句话都有名称和默认句式。块的 `wording:`、计划顶层的 `wording:` 和 plancc.toml 的 `[wording]` 可以给出自己的句式，"
             "就近优先：`名称[条目]`（块中的一个条目）→ 块 → 计划 → plancc.toml → 默认。句式中 `{=名称}` 引用条目的值，"
             "`{=名称:格式}` 指定写法（可连写，如 `{=range:full:hyphen}`），`{?……}` 中引用的值缺少时整段不写。", "",
             "| 格式 | 用于 | 说明 |", "|---|---|---|"]
    kinds = {"number": "数字", "text": "文字", "date": "日期", "range": "起止时间"}
    for kind, formats in FORMATS.items():
        for name, (zh, _en) in formats.items():
            lines.append(f"| `:{name}` | {kinds[kind]} | {cell(zh)} |")
    lines.append("")
    for s in SENTENCES:
        lines += [f"## `{s.key}`", "", f"{s.zh}。块：`{{{s.block}: …}}`。" + (f"可写 `{s.key}[{s.item[0]}]`。" if s.item else ""), "",
                  f"默认：`{cell(s.default)}`", "", "| 引用 | 值 | 说明 |", "|---|---|---|"]
        for name, (kind, zh, _en) in s.refs.items():
            lines.append(f"| `{{={name}}}` | {kinds[kind]} | {cell(zh)} |")
        lines.append("")
    return lines


EXAMPLES = Path(__file__).resolve().parent / "data" / "examples"


def _examples_md() -> list[str]:
    """The worked examples (plancc/data/examples/*.yaml): each file's first comment line is
    its heading, the second what it shows; tests check that every example validates clean."""
    lines = ["# 写法示例 / Worked examples", "",
             "以下每个例子都是完整的计划文件（在 `plancc/data/examples/` 中），`plancc validate` 检查无误。", ""]
    for path in sorted(EXAMPLES.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        comments = [ln[1:].strip() for ln in text.splitlines() if ln.startswith("#")]
        body = "\n".join(ln for ln in text.splitlines() if not ln.startswith("#"))
        heading = comments[0].removeprefix("写法：") if comments else path.stem
        lines += [f"## 写法：{heading}", ""]
        if len(comments) > 1:
            lines += [" ".join(comments[1:]), ""]
        lines += ["```yaml", body.strip(), "```", ""]
    return lines


def rules_md() -> str:
    from plancc.diagnostics.codes import FAMILIES, all_codes

    lines = [
        "# 诊断代码 / Diagnostic codes",
        "",
        "> 本文件由 `plancc docs` 根据规则注册表生成，请勿手工编辑；`plancc explain 代码` 显示同样的内容。",
        "> Generated from the rule registry by `plancc docs`; `plancc explain CODE` prints the same text.",
        "",
        "| 代码 | 名称 | 类别 | 默认级别 | 说明 |",
        "|---|---|---|---|---|",
    ]
    codes = all_codes()
    for c in codes:
        fam = FAMILIES[c.family].zh
        sev = _severity(c.severity.value) + ("，政策包，默认关闭" if c.policy else "")
        lines.append(f"| [{c.code}](#{c.code.lower()}) | `{c.name}` | {fam} | {sev} | {c.title} |")
    lines.append("")
    for c in codes:
        lines += [f"## {c.code}", "", f"**{c.title}** — {c.title_en}", ""]
        lines += [f"`{c.name}` · 默认级别：{_severity(c.severity.value)}" + (" · 政策包（在 plancc.toml 的 [policy] 中启用）" if c.policy else ""), ""]
        if c.doc:
            lines += [c.doc, ""]
        if c.doc_en:
            lines += ["*English:*", "", c.doc_en, ""]
    return "\n".join(lines)


def write_docs(folder: Path) -> list[Path]:
    """Write both reference docs, both or neither (raises OutputError when the folder cannot take them)."""
    from plancc.emit.atomic import write_all

    files = {folder / name: text.encode("utf-8") for name, text in (("plan-language.md", plan_language_md()), ("rules.md", rules_md()))}
    return write_all(files)


def _severity(value: str) -> str:
    """错误（error）: the word a reader knows, and the value plancc.toml's [lint] severity takes."""
    from plancc.catalog import message

    return f"{message('severity.' + value, 'zh')}（{value}）"

