"""Messages for the loader and the model checks, kept as data in both languages.

Rules keep their own messages next to their code (see plancc.check.rules);
this table covers what happens before a plan is a model: reading, YAML,
structure and types. Keys are codes or "code.variant"; values are
``(zh, en)`` format strings.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- reading and YAML (PL0xx) ---------------------------------------
    "PL000": ("无法读取文件：{error}", "cannot read the file: {error}"),
    "PL000.kind": ("无法读取文件：它{kind}，不是普通文件；计划只能是普通的 YAML 文件",
                   "cannot read the file: it {kind}, not a regular file; a plan must be a regular YAML file"),
    "os.missing": ("文件不存在", "no such file"),
    "os.permission": ("没有读取权限", "permission denied"),
    "os.loop": ("符号链接形成了循环（或嵌套过多）", "the symbolic links form a loop (or nest too deep)"),
    "os.too_long": ("路径或文件名太长", "the path or file name is too long"),
    "os.not_dir": ("路径中的某一段不是目录", "a part of the path is not a folder"),
    "os.io": ("读取时发生输入输出错误", "an input/output error occurred while reading"),
    "os.other": ("操作系统拒绝读取（错误号 {errno}）", "the operating system refused to read it (error number {errno})"),
    "kind.directory": ("是一个目录", "is a folder"),
    "kind.fifo": ("是一个命名管道（FIFO）", "is a named pipe (FIFO)"),
    "kind.device": ("是一个设备文件", "is a device file"),
    "kind.socket": ("是一个套接字", "is a socket"),
    "kind.special": ("是一个特殊文件", "is a special file"),
    "PL001": ("YAML 语法错误：{problem}", "YAML syntax error: {problem}"),
    "PL002": (
        "键“{key}”重复出现（第一次在 {first}）；YAML 会悄悄丢掉其中一个值。请删除或合并其中一处",
        "duplicate key '{key}' (first at {first}); YAML would silently drop one of the values. Remove or merge one of them",
    ),
    "PL003": (
        "文件不是 UTF-8 编码（在字节 {byte} 处无法解码）。请用文本编辑器“另存为 UTF-8”",
        "the file is not UTF-8 (byte {byte} cannot be decoded). Save it again as UTF-8",
    ),
    "PL003.gbk": (
        "文件不是 UTF-8 编码，看起来是 GBK/GB18030（Windows 记事本、WPS 常用，在字节 {byte} 处无法按 UTF-8 解码）。请用编辑器“另存为”并选择 UTF-8 编码",
        "the file is not UTF-8; it looks like GBK/GB18030 (byte {byte} is not UTF-8). Save it again choosing the UTF-8 encoding",
    ),
    "PL003.utf16": (
        "文件是 UTF-16 编码。请另存为 UTF-8 编码",
        "the file is UTF-16 encoded. Save it again as UTF-8",
    ),
    "PL004": ("文件是空的：计划文件至少要有 plancc: 1 这一行", "the file is empty: a plan needs at least the line 'plancc: 1'"),
    "PL005": (
        "文件顶层应当是“键: 值”的映射，这里却是{what}",
        "the top level of the file must be a mapping of 'key: value' pairs, not {what}",
    ),
    "PL005.many": ("多个 YAML 文档（用 --- 分隔）；一个计划文件只能有一个文档", "several YAML documents (separated by ---); a plan file holds one"),
    "PL006": (
        "超出安全上限：{what}。这个上限是 plancc.toml 中的 {key}，文件确有需要时可在 [limits] 中调高",
        "safety limit exceeded: {what}. The limit is {key} in plancc.toml; raise it under [limits] if the file really needs more",
    ),
    "PL008": (
        "不允许的 YAML 标签 {tag}：计划文件只用普通的值（出于安全考虑不执行任何标签）",
        "YAML tag {tag} is not allowed: plan files hold plain values only (no tags are executed, for safety)",
    ),
    "PL009": ("键必须是文字，不能是列表或映射", "a key must be text, not a list or a mapping"),
    "limit.max_bytes": ("文件大小 {size} 超过上限 {n}", "file size {size} is over the limit of {n}"),
    "limit.max_depth": ("嵌套层数超过 {n} 层", "nesting deeper than {n} levels"),
    "limit.depth": ("嵌套层数超过 {n} 层", "nesting deeper than {n} levels"),
    "limit.max_nodes": ("值的总数超过 {n} 个", "more than {n} values in the file"),
    "limit.max_alias_nodes": (
        "通过别名（*名称）展开的值超过 {n} 个，这看起来像“别名炸弹”",
        "aliases (*name) expand to more than {n} values; this looks like an alias bomb",
    ),
    "limit.max_expanded_bytes": (
        "别名（*名称）重复使用的文字展开后超过 {n}（已达 {size}），这看起来像“别名炸弹”",
        "aliases (*name) re-use more than {n} of text once expanded ({size} so far); this looks like an alias bomb",
    ),
    "limit.max_include_bytes": (
        "通过 include 读入的文件合计 {size}，超过上限 {n}",
        "the files read through include come to {size}, over the limit of {n}",
    ),
    "kind.list": ("一个列表", "a list"),
    "kind.scalar": ("一个单独的值", "a single value"),
    # --- structure and types (PL1xx) ------------------------------------
    "PL100": ("缺少顶层键 plancc（计划语言的版本），请在第一行写 plancc: 1", "missing top-level key 'plancc' (the plan language version); add 'plancc: 1'"),
    "PL100.version": ("不支持的计划语言版本 {version}；本版 plancc 支持 {supported}", "unsupported plan language version {version}; this plancc supports {supported}"),
    "PL101": ("未知的键“{key}”{hint}", "unknown key '{key}'{hint}"),
    "PL101.hint": ("，您是不是想写“{suggestion}”？", "; did you mean '{suggestion}'?"),
    "PL101.allowed": ("。这里可以写的键有：{allowed}", ". Keys allowed here: {allowed}"),
    "PL102": ("缺少必填的键“{key}”{what}", "missing required key '{key}'{what}"),
    "PL103": ("类型不对：{detail}", "wrong type: {detail}"),
    "PL104": ("取值无效：{detail}", "invalid value: {detail}"),
    "value.other": ("这个值不符合要求，请对照 docs/plan-language.md 中这个键的说明改写",
                    "this value is not allowed here; see this key in docs/plan-language.md"),
    # --- helpers for type messages --------------------------------------
    "type.str": ("这里应当是文字", "text is expected here"),
    "type.int": ("这里应当是整数", "a whole number is expected here"),
    "type.number": ("这里应当是数字", "a number is expected here"),
    "type.bool": ("这里应当是 true 或 false", "true or false is expected here"),
    "type.list": ("这里应当是列表（每项以“- ”开头）", "a list is expected here (items start with '- ')"),
    "type.dict": ("这里应当是“键: 值”的映射", "a mapping of 'key: value' pairs is expected here"),
    "type.got": ("，实际写的是{got}", ", but found {got}"),
    "got.str": ("文字“{value}”", "the text '{value}'"),
    "got.int": ("数字 {value}", "the number {value}"),
    "got.float": ("数字 {value}", "the number {value}"),
    "got.bool": ("布尔值 {value}", "the boolean {value}"),
    "got.none": ("空值", "an empty value"),
    "got.list": ("一个列表", "a list"),
    "got.dict": ("一个映射", "a mapping"),
    "surprise.bool": (
        "（注意：YAML 把不加引号的 {text} 读成了布尔值；如要写文字，请加引号：\"{text}\"）",
        " (note: YAML reads the unquoted {text} as a boolean; quote it to mean text: \"{text}\")",
    ),
    "surprise.null": (
        "（注意：YAML 把不加引号的 {text} 读成了空值；如要写文字，请加引号：\"{text}\"）",
        " (note: YAML reads the unquoted {text} as empty; quote it to mean text: \"{text}\")",
    ),
    "surprise.number": (
        "（注意：{text} 按 YAML 1.1 不是普通的十进制数（以 0 开头会当作八进制、带冒号会当作六十进制、1e3 不是数字）；请写成普通十进制数，若是编号则加引号）",
        " ({text} is not a plain decimal number under YAML 1.1: a leading 0 means octal, colons mean base 60, 1e3 is not a number; write a plain decimal, or quote it if it is a code)",
    ),
}


def msg(_id: str, lang: str = "zh", **kw) -> str:
    """Look up and fill a message; unknown keys fall back to the key itself."""
    pair = MESSAGES.get(_id)
    if pair is None:
        return _id
    template = pair[0] if lang != "en" else pair[1]
    try:
        return template.format(**kw)
    except (KeyError, IndexError):
        return template
