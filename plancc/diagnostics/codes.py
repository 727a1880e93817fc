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
        # `plancc validate FILE.docx`: a Word document against the layout profile (plancc.check.docx).
        # A letter after PL keeps the family clear of every digit prefix above (PL2 … PL99), so
        # --select PLD picks these and nothing else, and PL (or ALL) still picks everything
        Family("layout", "PLD", "Word 文档版式", "Word document layout", suppressible=False, partial=False),
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
_W = Severity.WARNING


def _layout(code, name, severity, title, title_en, message, message_en, doc, doc_en) -> CodeInfo:
    return CodeInfo(code, name, "layout", severity, title, title_en, doc, doc_en, message=message, message_en=message_en)


#: the checks of a Word document (plancc.check.docx); messages are formatted with each finding's figures
LAYOUT_CODES = [
    _layout("PLD001", "unreadable-document", _E, "无法读取 Word 文档", "the Word document cannot be read",
            "无法读取“{what}”：{reason}", "cannot read '{what}': {reason}",
            "文件不是 .docx（Office Open XML）包，包已损坏、过大，或缺少正文部分；.doc 和 .wps 需要先经 LibreOffice 转换。\n\n怎么改：在 Word 或 WPS 中打开并“另存为” .docx 后再检查。",
            "The file is not a .docx (Office Open XML) package, is damaged or too large, or has no main part; .doc and .wps need LibreOffice to convert them first.\n\nFix: open it in Word or WPS and save it as .docx."),
    _layout("PLD101", "paper-size", _E, "纸张不是 A4 纵向", "the paper is not A4 portrait",
            "纸张为 {got}，应为 A4 纵向（{want}）", "the paper is {got}; use A4 portrait ({want})",
            "GB/T 9704—2012 第 5.1 条：公文用纸采用 A4 型纸（210 mm × 297 mm）。Word 的英文模板默认是 Letter 纸。\n\n怎么改：布局 → 纸张大小 → A4。",
            "GB/T 9704—2012 5.1: official documents are printed on A4 (210 mm × 297 mm). Word's English template defaults to Letter.\n\nFix: Layout → Size → A4."),
    _layout("PLD102", "margins", _E, "页边距不符合版心要求", "the margins do not give the standard type area",
            "页边距为 {got}，应为 {want}", "the margins are {got}; use {want}",
            "GB/T 9704—2012 第 5.2.1 条：天头（上白边）37 mm，订口（左白边）28 mm，版心 156 mm × 225 mm，即下边距 35 mm、右边距 26 mm。Word 默认的上下 2.54 cm、左右 3.18 cm 不符合。允许 0.5 mm 的误差。\n\n怎么改：布局 → 页边距 → 自定义边距：上 3.7 cm，下 3.5 cm，左 2.8 cm，右 2.6 cm。",
            "GB/T 9704—2012 5.2.1: top margin 37 mm, binding (left) margin 28 mm, type area 156 mm × 225 mm, so bottom 35 mm and right 26 mm. Word's default 2.54 cm / 3.18 cm does not fit. 0.5 mm of slack is allowed.\n\nFix: Layout → Margins → Custom: top 3.7 cm, bottom 3.5 cm, left 2.8 cm, right 2.6 cm."),
    _layout("PLD103", "document-grid", _W, "文档网格不是每页 22 行", "the document grid does not give 22 lines a page",
            "{problem}", "{problem_en}",
            "GB/T 9704—2012 第 5.2.3 条：一般每面排 22 行，每行排 28 个字。在 Word 中由“文档网格”（只指定行网格，行距 28.95 磅）实现；没有网格时行数取决于行距，多半不是 22 行。\n\n怎么改：布局 → 页面设置 → 文档网格：只指定行网格，每页 22 行。",
            "GB/T 9704—2012 5.2.3: as a rule 22 lines a page, 28 characters a line. Word does it with the document grid (lines only, pitch 28.95 pt); without a grid the count depends on the line spacing and is seldom 22.\n\nFix: Layout → Page Setup → Document Grid: lines only, 22 lines a page."),
    _layout("PLD104", "no-page-numbers", _E, "页脚中没有页码", "no page numbers in the footer",
            "页脚中没有页码（PAGE 域）", "the footer has no page number (PAGE field)",
            "GB/T 9704—2012 第 7.5 条：公文页码一般用 4 号半角宋体阿拉伯数字，编排在版心下边缘之下，数字左右各放一条一字线（— 1 —）。\n\n怎么改：插入 → 页码 → 页面底端。",
            "GB/T 9704—2012 7.5: pages are numbered in 4号 half-width 宋体 Arabic digits below the type area, between em dashes (— 1 —).\n\nFix: Insert → Page Number → Bottom of Page."),
    _layout("PLD105", "page-number-form", _W, "页码的形式或位置不规范", "the page numbers are not in the standard form or place",
            "页码{problem}", "the page number {problem_en}",
            "GB/T 9704—2012 第 7.5 条：页码两侧各放一条一字线（— 1 —），单页码居右空一字，双页码居左空一字（奇偶页不同）。\n\n怎么改：页码前后加一字线，设置奇偶页不同，单页页码右对齐、双页页码左对齐。",
            "GB/T 9704—2012 7.5: the number stands between em dashes (— 1 —), odd pages on the right one character in, even pages on the left (odd and even footers differ).\n\nFix: put em dashes around the number, set different odd and even pages, odd right, even left."),
    _layout("PLD201", "body-font", _E, "正文字体不是仿宋", "the body text is not in 仿宋",
            "{count} 段正文的中文字体是“{got}”，应为“{want}”", "{count} body paragraph(s) set in '{got}'; the body is '{want}'",
            "GB/T 9704—2012 第 7.3.3 条：正文一般用 3 号仿宋体字。字体按 w:eastAsia（中文字体）判断：只设了西文字体时，中文会落到主题字体（常是宋体或 MS Mincho）。同名的别称（仿宋、FangSong）也算。第一处所在的段落作为位置。\n\n怎么改：选中正文，中文字体选“仿宋_GB2312”（或“仿宋”），最好改“正文”样式而不是逐段设置。",
            "GB/T 9704—2012 7.3.3: body text is in 3号 仿宋. The face is the East Asian font (w:eastAsia): with only a Latin font set, Chinese falls back to the theme font (often 宋体 or MS Mincho). Other names of the face (仿宋, FangSong) count. The first such paragraph is the location.\n\nFix: set the Chinese font of the body to 仿宋_GB2312 (or 仿宋), best in the Normal style."),
    _layout("PLD202", "body-size", _E, "正文字号不是三号", "the body text is not 三号",
            "{count} 段正文的字号是{got}，应为{want}", "{count} body paragraph(s) are {got}; the body is {want}",
            "GB/T 9704—2012 第 7.3.3 条：正文用 3 号字（16 磅）。小四（12 磅）是 Word 中文模板的默认字号。\n\n怎么改：把“正文”样式的字号改为三号。",
            "GB/T 9704—2012 7.3.3: body text is 3号 (16 pt). 小四 (12 pt) is the default of Word's Chinese template.\n\nFix: set the Normal style to 三号."),
    _layout("PLD203", "title-look", _E, "标题不是二号小标宋、居中", "the title is not 二号 小标宋, centred",
            "标题{problem}", "the title {problem_en}",
            "GB/T 9704—2012 第 7.3.1 条：标题一般用 2 号小标宋体字，分一行或多行居中排布，不加粗。标题指正文之前居中的那几行（或用“标题”样式的段落）。\n\n怎么改：标题设为方正小标宋简体、二号、居中、不加粗。",
            "GB/T 9704—2012 7.3.1: the title is 2号 小标宋, centred on one or more lines, not bold. The title is the centred lines before the body (or paragraphs in the Title style).\n\nFix: set the title in 方正小标宋简体, 二号, centred, not bold."),
    _layout("PLD204", "heading-look", _W, "标题层次的字体不规范", "a heading level is not in its standard face",
            "{count} 个第{level}层标题（{form}）{problem}", "{count} level-{level} heading(s) ({form}) {problem_en}",
            "GB/T 9704—2012 第 7.3.3 条：结构层次序数第一层“一、”用黑体字，第二层“（一）”用楷体字，第三层“1.”和第四层“（1）”用仿宋体字，都是 3 号字。只检查独占一段的标题（不检查后接正文的接排标题的正文部分）。\n\n怎么改：按层次设置字体，最好使用“标题 1”“标题 2”等样式。",
            "GB/T 9704—2012 7.3.3: the first level 一、 is in 黑体, the second （一） in 楷体, the third 1. and fourth （1） in 仿宋, all 3号. Headings on their own line are checked.\n\nFix: set each level's face, best through the heading styles."),
    _layout("PLD205", "body-indent", _W, "正文段落没有首行缩进两字", "body paragraphs are not indented two characters",
            "{count} 段正文{problem}", "{count} body paragraph(s) {problem_en}",
            "GB/T 9704—2012 第 7.3.3 条：每个自然段左空二字，回行顶格；正文两端对齐。\n\n怎么改：段落 → 特殊格式 → 首行缩进 2 字符，对齐方式选两端对齐。",
            "GB/T 9704—2012 7.3.3: each paragraph starts two characters in, following lines flush; the body is justified.\n\nFix: Paragraph → Special → First line 2 characters; alignment Justified."),
    _layout("PLD301", "heading-number-sequence", _E, "标题序号不连续或重复", "a heading number is skipped or repeated",
            "“{found}”{problem}", "'{found}' {problem_en}",
            "同一层的结构层次序数应连续编号：“一、”之后是“二、”，上一层换号后下一层从头编起。跳过或重复的序号多半是增删段落后没有重新编号。打出的序号（一、（一）1.（1））和 Word 自动编号都检查；① 之类的列项在每个列表内检查。\n\n怎么改：按顺序重新编号。",
            "Numbers of one level run on: 二、 follows 一、, and a level starts again under each new number above it. A skipped or repeated number is usually left from adding or deleting a paragraph. Typed numbers (一、（一）1.（1）) and Word's automatic numbering are both checked; ① items within each list.\n\nFix: renumber in order."),
    _layout("PLD302", "heading-level-skip", _W, "标题层次跳级", "a heading level is skipped",
            "“{found}”{problem}", "'{found}' {problem_en}",
            "GB/T 9704—2012 第 7.3.3 条：结构层次序数依次为“一、”“（一）”“1.”“（1）”。“一、”之下直接用“1.”就跳过了“（一）”。\n\n怎么改：补上中间一层，或改用下一层应有的序号形式。",
            "GB/T 9704—2012 7.3.3: the levels are numbered 一、, （一）, 1., （1） in this order; 1. directly under 一、 skips （一）.\n\nFix: add the missing level or use the form of the next level."),
    _layout("PLD303", "attachment-label", _W, "附件标识的位置或字体不规范", "the attachment label is misplaced or in the wrong face",
            "附件标识“{found}”{problem}", "attachment label '{found}' {problem_en}",
            "GB/T 9704—2012 第 7.3.7 条：附件应另面编排，“附件”二字及附件顺序号用 3 号黑体字顶格编排在版心左上角第一行。\n\n怎么改：附件标识前插入分页符，设为黑体、三号、无缩进。",
            "GB/T 9704—2012 7.3.7: an attachment starts on a new page, with 附件 and its number in 3号 黑体 flush left on the first line of the type area.\n\nFix: put a page break before the label, set it in 黑体, 三号, no indent."),
    _layout("PLD304", "signature-date", _W, "落款或成文日期不规范", "the issuer or the date is not in the standard form or place",
            "{what}“{found}”{problem}", "{what_en} '{found}' {problem_en}",
            "GB/T 9704—2012 第 7.3.5 条：成文日期用阿拉伯数字将年、月、日标全，年份写全称，月、日不编虚位（2024年11月11日），一般右空四字编排；发文机关署名在成文日期之上，以成文日期为准居中编排。\n\n怎么改：日期写成“2024年11月11日”，署名和日期右对齐（日期右缩进四字）。",
            "GB/T 9704—2012 7.3.5: the date in Arabic digits with year, month and day in full and no zero padding (2024年11月11日), four characters in from the right; the issuer above it, centred over the date.\n\nFix: write the date as 2024年11月11日; set the issuer and date on the right (the date indented four characters)."),
    _layout("PLD401", "table-header-repeat", _W, "表格的表头行不在每页重复", "a table's header row does not repeat on every page",
            "表格（{rows} 行）没有设置“在各页顶端以标题行形式重复出现”", "the table ({rows} rows) does not repeat its header row on each page",
            "跨页的表格在每页顶端重复表头行（w:tblHeader），读者才知道各列是什么。plancc 渲染的表格都这样设置。只检查两行以上的表格。\n\n怎么改：选中表头行 → 表格属性 → 行 → 勾选“在各页顶端以标题行形式重复出现”。",
            "A table that runs over a page repeats its header row at the top of each page (w:tblHeader), so the columns stay named. plancc's tables always do. Tables of two rows or more are checked.\n\nFix: select the header row → Table Properties → Row → Repeat as header row at the top of each page."),
]

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
        *LAYOUT_CODES,
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
