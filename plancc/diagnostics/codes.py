"""What every code is: the families, and the codes raised before the rules run.

A family carries the facts that hold for all of its codes (its code prefix,
its names, whether its findings can be suppressed, whether the rules still
run beside its errors, whether its findings are kept when the rules ran on
the valid parts of a plan only). Every code, built-in or rule, is a
:class:`CodeInfo`; a rule (plancc.check.registry.Rule) is a CodeInfo plus
its function. ``plancc explain``, the reference docs and SARIF read the
same table, so every code a user can see is explained the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from plancc.diagnostics import Severity


@dataclass(frozen=True)
class Family:
    key: str
    #: every code of the family starts with it (the longest prefix wins: PL01 before PL0)
    prefix: str
    zh: str
    en: str
    #: a ``# plancc: ignore[...]`` comment may suppress its findings (not so for format and structure problems)
    suppressible: bool = True
    #: its errors leave the rest of the plan usable: the rules still run on the valid parts
    rules_beside: bool = False
    #: its findings are kept when the rules ran on the valid parts only (not so where a dropped part
    #: would look missing: references)
    partial: bool = True


FAMILIES: dict[str, Family] = {
    f.key: f
    for f in [
        Family("sums", "PL2", "合计", "sums"),
        Family("bounds", "PL3", "上下限", "bounds"),
        Family("conversions", "PL4", "换算", "conversions"),
        Family("coverage", "PL5", "覆盖与引用", "coverage and references", partial=False),
        Family("ranges", "PL6", "区间与阈值", "ranges and thresholds"),
        Family("time", "PL7", "时间", "time"),
        Family("prose", "PL8", "正文与数据", "prose vs data"),
        Family("policy", "PL9", "政策要求（可选）", "policy (optional)"),
        # families of the built-in codes below, not used by rules
        Family("load", "PL0", "读取与 YAML", "reading and YAML", suppressible=False),
        Family("model", "PL1", "结构与类型", "structure and types", suppressible=False, rules_beside=True),
        Family("suppress", "PL01", "抑制注释", "suppression comments", suppressible=False),
        Family("internal", "PL99", "内部", "internal", partial=False),
    ]
}

_BY_PREFIX = sorted(FAMILIES.values(), key=lambda f: -len(f.prefix))


def family_of(code: str) -> Family | None:
    """The family of a code: a built-in code's own, else the one of the longest matching prefix."""
    info = BUILTIN.get(code)
    if info is not None:
        return FAMILIES[info.family]
    for fam in _BY_PREFIX:
        if code.startswith(fam.prefix):
            return fam
    return None


@dataclass(frozen=True)
class CodeInfo:
    code: str
    name: str
    family: str
    severity: Severity
    title: str
    title_en: str
    doc: str
    doc_en: str
    #: the message of a finding, formatted with its figures (rules; built-in codes word theirs in plancc.catalog)
    message: str = ""
    message_en: str = ""
    #: in the policy pack: off unless plancc.toml turns the pack on or the code is selected
    policy: bool = False

    def title_in(self, lang: str) -> str:
        """The title in `lang` (English when asked for and written)."""
        return self.title_en if lang == "en" and self.title_en else self.title

    def doc_in(self, lang: str) -> str:
        """The explanation in `lang`; the title where there is none."""
        return (self.doc_en if lang == "en" and self.doc_en else self.doc) or self.title_in(lang)

    def format(self, params: dict, lang: str) -> str:
        template = self.message_en if lang == "en" else self.message
        # a rule's words beyond its figures (a field's name, a detail, a list, a date) are
        # worded here, in the language of the message (Worded, Listed, plancc.check.rules.time.Dates)
        params = {k: v.words(lang) if callable(getattr(v, "words", None)) else v for k, v in params.items()}
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError):
            return template


_E = Severity.ERROR

BUILTIN: dict[str, CodeInfo] = {
    c.code: c
    for c in [
        CodeInfo("PL000", "unreadable-file", "load", _E, "无法读取文件", "file cannot be read",
                 "文件不存在、没有读权限，或不是普通文件（目录、命名管道、设备文件）。plancc 只读取普通文件，绝不会在管道上等待。\n\n怎么改：检查路径和权限。",
                 "The file does not exist, cannot be read, or is not a regular file (a folder, a named pipe, a device). plancc reads regular files only and never waits on a pipe.\n\nFix: check the path and permissions."),
        CodeInfo("PL001", "yaml-syntax", "load", _E, "YAML 语法错误", "YAML syntax error",
                 "文件不是合法的 YAML：缩进不齐、用了制表符、引号或括号没有闭合、文字中的“: ”没有加引号等。"
                 "位置指向解析器发现问题的地方，真正的原因常在它的上一行。\n\n怎么改：按提示修正；含冒号的文字请加引号。",
                 "The file is not valid YAML: uneven indentation, tabs, unclosed quotes or brackets, an unquoted ': ' inside text. "
                 "The position is where the parser noticed; the cause is often on the line above.\n\nFix: as the message says; quote text that contains colons."),
        CodeInfo("PL002", "duplicate-key", "load", _E, "重复的键", "duplicate key",
                 "同一个映射里同一个键写了两次。PyYAML 默认会悄悄保留后一个值，前一个就丢了；plancc 把它当作错误并指出两处位置。\n\n怎么改：删除或合并其中一处。",
                 "The same key appears twice in one mapping. PyYAML would silently keep the last value and lose the first; plancc reports both places.\n\nFix: remove or merge one of them."),
        CodeInfo("PL003", "not-utf8", "load", _E, "文件不是 UTF-8 编码", "file is not UTF-8",
                 "计划文件必须是 UTF-8 编码（带 BOM 的 UTF-8 和 Windows 换行也可以）。Windows 记事本或 WPS 常把文件存成 GBK。\n\n怎么改：用编辑器“另存为”，编码选 UTF-8。",
                 "Plan files must be UTF-8 (a BOM and CRLF line ends are fine). Windows editors often save GBK.\n\nFix: save the file again choosing UTF-8."),
        CodeInfo("PL004", "empty-file", "load", _E, "文件是空的", "empty file",
                 "文件没有任何内容（或只有注释）。\n\n怎么改：至少写上 plancc: 1 和 document。",
                 "The file holds nothing (or only comments).\n\nFix: write at least 'plancc: 1' and 'document'."),
        CodeInfo("PL005", "not-a-mapping", "load", _E, "顶层不是映射", "top level is not a mapping",
                 "计划文件的顶层必须是“键: 值”的映射；不能是列表或单个值，也不能用 --- 写多个文档。\n\n怎么改：去掉顶层的“- ”，或把多个文档拆成多个文件。",
                 "The top level of a plan must be a mapping of keys; not a list, a single value, or several '---' documents.\n\nFix: remove the top-level '- ' or split the documents into files."),
        CodeInfo("PL006", "limit-exceeded", "load", _E, "超出安全上限", "safety limit exceeded",
                 "文件过大、嵌套过深、值的数量过多，或别名（*名称）展开过多（“别名炸弹”）。这些上限保护在 CI 中运行的 plancc 不被恶意文件拖垮；消息写明超出的是哪一项（如 limits.max_expanded_bytes），可在 plancc.toml 的 [limits] 中调大。\n\n怎么改：拆分文件、减少嵌套，或不要用别名层层引用。",
                 "The file is too large, too deeply nested, has too many values, or its aliases expand too far (an alias bomb). The limits protect CI runs from hostile files; the message names the limit (such as limits.max_expanded_bytes), which can be raised under [limits] in plancc.toml.\n\nFix: split the file, nest less, do not stack aliases."),
        CodeInfo("PL008", "disallowed-tag", "load", _E, "不允许的 YAML 标签", "disallowed YAML tag",
                 "计划文件只能使用普通的值；出于安全考虑，plancc 不执行任何 YAML 标签（如 !!python/object）。\n\n怎么改：删除标签。",
                 "Plan files hold plain values only; for safety no YAML tag (such as !!python/object) is executed.\n\nFix: remove the tag."),
        CodeInfo("PL009", "non-text-key", "load", _E, "键不是文字", "key is not text",
                 "映射的键必须是文字，不能是列表或映射。\n\n怎么改：把键改成文字。",
                 "Mapping keys must be text, not lists or mappings.\n\nFix: write the key as text."),
        CodeInfo("PL010", "suppression-without-reason", "suppress", Severity.WARNING, "抑制注释没有写原因", "suppression without a reason",
                 "形如 # plancc: ignore[PL702] 的抑制注释必须在方括号后写明原因，让审阅者知道为什么可以忽略。\n\n怎么改：在注释末尾补上原因。",
                 "A suppression comment such as # plancc: ignore[PL702] must say why after the brackets, so reviewers know.\n\nFix: add the reason."),
        CodeInfo("PL011", "unused-suppression", "suppress", Severity.WARNING, "无效或没有用的抑制注释", "invalid or unused suppression",
                 "抑制注释里的代码写错了，或它所在的行（独占一行时为下一行；ignore-file 为整个文件）并没有这个问题。过时的抑制会掩盖将来真正的问题。\n\n怎么改：删除这条注释或改正代码。",
                 "The suppression names an invalid code, or the line it covers (the next line for a comment on its own line; the whole file for ignore-file) has no such finding. Stale suppressions hide future problems.\n\nFix: remove the comment or correct the code."),
        CodeInfo("PL012", "include-error", "load", _E, "包含的文件有问题", "include problem",
                 "include 指向的文件不存在、在仓库之外（plancc.toml 所在目录；没有它时为计划所在目录）、不是 .yaml/.yml 普通文件、顶层不是映射、包含层数过深、符号链接成环、无权读取，或出现循环包含（A 包含 B，B 又包含 A）。\n\n怎么改：检查路径（相对于写 include 的文件），去掉循环；要包含仓库之外的共用目录，在 plancc.toml 的 [include] allow 中列出它。",
                 "A file named by include is missing, lies outside the repository (the folder of plancc.toml, else the plan's folder), is not a regular .yaml/.yml file, is not a mapping, nests too deep, is a symlink loop, cannot be read, or the includes form a cycle (A includes B includes A).\n\nFix: check the path (relative to the including file) and break the cycle; to include a shared folder outside the repository, list it under [include] allow in plancc.toml."),
        CodeInfo("PL100", "schema-version", "model", _E, "缺少或不支持的计划语言版本", "missing or unsupported plan version",
                 "计划文件顶层必须有 plancc: 1，表明使用的计划语言版本。\n\n怎么改：在文件开头写 plancc: 1。",
                 "A plan's top level must say 'plancc: 1', the plan language version.\n\nFix: add 'plancc: 1' at the top."),
        CodeInfo("PL101", "unknown-key", "model", _E, "未知的键", "unknown key",
                 "这个键不属于计划语言，多半是拼写错误；plancc 不会忽略它，否则写下的内容会悄悄丢失。名字相近时会提示“您是不是想写……”。\n\n怎么改：改成正确的键名（参见 docs/plan-language.md）。",
                 "The key is not part of the plan language, usually a typo; plancc does not ignore it, or what you wrote would be lost silently.\n\nFix: use the right key (see docs/plan-language.md)."),
        CodeInfo("PL102", "missing-key", "model", _E, "缺少必填的键", "missing required key",
                 "这里必须写某个键（如 document 的 title）。位置指向应当包含它的那个映射。\n\n怎么改：补上这个键。",
                 "A required key is missing (e.g. the title of document). The position is the mapping that should hold it.\n\nFix: add the key."),
        CodeInfo("PL103", "wrong-type", "model", _E, "类型不对", "wrong type",
                 "值的类型与要求不符：需要数字却写了文字、需要列表却写了单个值等。类型是严格的：\"72\"（加了引号）不是数字，no 不是文字。\n\n怎么改：按提示改写。",
                 "The value has the wrong type: text where a number is needed, a single value where a list is needed. Types are strict: \"72\" in quotes is not a number, no is not text.\n\nFix: as the message says."),
        CodeInfo("PL104", "invalid-value", "model", _E, "取值无效", "invalid value",
                 "值的类型对，但取值不允许：不存在的日期（2023-02-30）、负数、超出范围、不在可选项之中等。\n\n怎么改：按提示改写。",
                 "The type is right but the value is not allowed: an impossible date (2023-02-30), a negative figure, out of range, not one of the choices.\n\nFix: as the message says."),
        CodeInfo("PL999", "rule-crashed", "internal", Severity.WARNING, "规则内部出错", "a rule failed internally",
                 "某条规则在检查时出错并被跳过；其他检查照常进行。这是 plancc 的缺陷。\n\n怎么改：请报告此问题并附上计划文件。",
                 "A rule failed while checking and was skipped; other checks ran. This is a plancc bug.\n\nFix: please report it with the plan file."),
    ]
}


def lookup(code: str):
    """A rule or a built-in code, or None."""
    from plancc.check.registry import all_rules

    code = code.strip().upper()
    if code in BUILTIN:
        return BUILTIN[code]
    for r in all_rules():
        if r.code == code or r.name == code.lower():
            return r
    return None


def all_codes() -> list:
    from plancc.check.registry import all_rules

    return sorted([*BUILTIN.values(), *all_rules()], key=lambda c: c.code)
