"""The YAML parsers' English messages, in words a plan author can act on (zh and en).

plancc reads plans with libyaml (``yaml.CSafeLoader``) when PyYAML was built
with it and with PyYAML's pure-Python parser otherwise. The two word the same
problem differently ("mapping values are not allowed here" / "... in this
context"), so each entry below matches every wording of one problem: the
parser's *context* ("while scanning a block scalar") and *problem* ("found an
indentation indicator equal to 0"), and for some entries the character at the
error position.

Nothing the parser says is passed through: a message no entry knows (a new
PyYAML or libyaml release) gets a generic one that still says what kind of
construct was being read (from the context) and where. ``tests/test_yaml_messages.py``
provokes every message of both parsers and fails when one reaches that
fallback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    key: str
    problem: str  # regular expression searched in the parser's problem text
    zh: str
    en: str
    context: str | None = None  # regular expression the context must match (None: any)
    chars: str | None = None  # the entry applies only when the character at the position is one of these
    code: str = "PL001"


@dataclass(frozen=True)
class Translation:
    code: str
    text: str
    entry: str | None  # the key of the entry used; None when the generic fallback spoke


_QUOTE_HINT_ZH = "如果这是文字的一部分，请给整段文字加引号"
_QUOTE_HINT_EN = "if it is part of a text, quote the whole text"

ENTRIES: list[Entry] = [
    # --- nesting (libyaml stops at 1,000 levels, before plancc's own limit can) --------------
    Entry("nesting", r"exceeded maximum nesting depth", "", "", code="PL006"),
    # --- tabs ---------------------------------------------------------------------------------
    Entry("tab", r"cannot start any token", "制表符（Tab）不能用来缩进或开始一个值，请改用空格",
          "a tab cannot indent or start a value; use spaces", chars="\t"),
    Entry("tab", r"found a tab character", "制表符（Tab）不能用来缩进，请改用空格",
          "a tab cannot be used for indentation; use spaces"),
    # --- a character that cannot start a value ------------------------------------------------
    Entry("start-char", r"cannot start any token",
          "字符{char}不能出现在值的开头（@ 和 ` 是 YAML 保留的字符，% 只能用于文件开头的指令）；请给这段文字加引号",
          "the character {char} cannot start a value (@ and ` are reserved in YAML, % starts a directive); quote the text"),
    # --- simple keys, "key: value" in the wrong place ------------------------------------------
    Entry("simple-key", r"could not find expected ':'",
          "找不到应有的冒号“:”：上一行的键没有写完整、引号没有成对，或一行文字没有缩进到它所属的键下面",
          "expected a ':': the key on the previous line is incomplete, a quote is not closed, or a line of text is not indented under its key"),
    Entry("mapping-values", r"mapping values are not allowed",
          "此处不能出现“键: 值”，常见原因是缩进不齐，或文字里的冒号后跟了空格（请给整段文字加引号）",
          "a 'key: value' is not allowed here; usually wrong indentation, or a colon followed by a space inside text (quote the text)"),
    Entry("sequence-entries", r"sequence entries are not allowed",
          "此处不能开始列表项“- ”：列表项要另起一行，并与同级的键对齐或缩进在键下面；" + _QUOTE_HINT_ZH,
          "a list item '- ' cannot start here: put each item on its own line, under its key; " + _QUOTE_HINT_EN),
    Entry("mapping-keys", r"mapping keys are not allowed",
          "此处不能出现“? ”（YAML 的显式键）；" + _QUOTE_HINT_ZH,
          "a '? ' (an explicit YAML key) is not allowed here; " + _QUOTE_HINT_EN),
    Entry("plain-colon", r"found unexpected ':'", context=r"plain scalar",
          zh="方括号或花括号里不带引号的文字中出现了冒号“:”；请给这段文字加引号",
          en="a ':' inside unquoted text within brackets or braces; quote the text"),
    Entry("plain-colon", r"found unexpected ':'", "出现了多余的冒号“:”；" + _QUOTE_HINT_ZH, "an unexpected ':'; " + _QUOTE_HINT_EN),
    # --- quoted text --------------------------------------------------------------------------
    Entry("quote-eof", r"found unexpected end of stream", context=r"quoted scalar",
          zh="引号没有闭合：文件在引号闭合之前就结束了", en="a quote is not closed: the file ends before it"),
    Entry("quote-document", r"found unexpected document (separator|indicator)", context=r"quoted scalar",
          zh="引号没有闭合：在闭合之前遇到了单独成行的“---”或“...”（文档分隔符）",
          en="a quote is not closed: a '---' or '...' line (a document marker) comes before it"),
    Entry("escape-unknown", r"found unknown escape character",
          "双引号里的反斜杠“\\”组合无效；写路径或反斜杠时请改用单引号",
          "an invalid backslash escape inside double quotes; use single quotes for backslashes"),
    Entry("escape-hex", r"hexa?decimal number|escape sequence of \d+ hexadecimal",
          "双引号里的 \\x、\\u、\\U 后面必须跟规定位数的十六进制数字；要写反斜杠本身请改用单引号",
          "\\x, \\u and \\U inside double quotes must be followed by hexadecimal digits; use single quotes for a backslash"),
    Entry("escape-code", r"invalid Unicode character escape code|int too large",
          "双引号里的 \\u 或 \\U 转义写出的不是一个有效的字符；要写反斜杠本身请改用单引号",
          "a \\u or \\U escape inside double quotes is not a valid character; use single quotes for a backslash"),
    # --- directives (%YAML, %TAG) ---------------------------------------------------------------
    Entry("directive-duplicate", r"duplicate (%|)YAML directive", "%YAML 指令写了两次；计划文件不需要这一行，可以删除",
          "the %YAML directive appears twice; plan files do not need it, remove it"),
    Entry("directive-version", r"incompatible YAML document",
          "%YAML 指令的版本不受支持（只支持 YAML 1.x）；计划文件不需要这一行，可以删除",
          "the %YAML version is not supported (YAML 1.x only); plan files do not need this line, remove it"),
    Entry("directive-version", r"version number|digit", context=r"directive",
          zh="%YAML 指令的版本号格式不对，应写成 %YAML 1.2；计划文件不需要这一行，可以删除",
          en="the %YAML version is malformed, write %YAML 1.2; plan files do not need this line, remove it"),
    Entry("tag-duplicate", r"duplicate tag handle|duplicate %TAG directive", "%TAG 指令重复定义了同一个标签前缀",
          "a %TAG directive defines the same tag handle twice"),
    Entry("directive-tag", r"'!'|whitespace|expected ' '", context=r"TAG directive|tag directive|directive",
          zh="%TAG 指令格式不对，应写成 %TAG !名称! 前缀；计划文件不需要标签，可以删除这一行",
          en="a malformed %TAG directive, write %TAG !name! prefix; plan files need no tags, remove the line"),
    Entry("directive-name", r"alphabetic or numeric|directive name|non-alphabetical|unknown directive", context=r"directive",
          zh="以“%”开头的行是 YAML 指令，只能是 %YAML 或 %TAG；如果这是文字，请加引号，或不要让它位于行首",
          en="a line starting with '%' is a YAML directive (only %YAML and %TAG exist); quote it if it is text"),
    Entry("directive-end", r"comment or (a )?line break", context=r"directive",
          zh="指令行末尾有多余的内容", en="extra content at the end of a directive line"),
    # --- anchors, aliases ---------------------------------------------------------------------
    Entry("anchor-name", r"alphabetic or numeric", context=r"anchor",
          zh="锚点符号“&”后面必须紧跟名称（字母或数字），如 &基本要求；" + _QUOTE_HINT_ZH,
          en="an anchor '&' must be followed by a name (letters or digits), as in &base; " + _QUOTE_HINT_EN),
    Entry("alias-name", r"alphabetic or numeric", context=r"alias",
          zh="别名符号“*”后面必须紧跟名称（字母或数字），如 *基本要求；" + _QUOTE_HINT_ZH,
          en="an alias '*' must be followed by a name (letters or digits), as in *base; " + _QUOTE_HINT_EN),
    Entry("alias-undefined", r"undefined alias", "引用了未定义的锚点（*名称）：请先用 &名称 定义，再用 *名称 引用",
          "an alias (*name) refers to an anchor that is not defined: define it with &name first"),
    Entry("anchor-duplicate", r"duplicate anchor", "锚点名称重复", "an anchor name is used twice"),
    # --- tags -----------------------------------------------------------------------------------
    Entry("tag-handle", r"undefined tag handle", "标签前缀没有用 %TAG 定义；计划文件不需要标签，请删除它（" + _QUOTE_HINT_ZH + "）",
          "the tag handle is not defined by a %TAG directive; plan files need no tags, remove it (" + _QUOTE_HINT_EN + ")"),
    Entry("tag-escape", r"URI escape|escaped octet|UTF-8 octet|codec can't decode", context=r"tag",
          zh="标签中的 % 转义无效；计划文件不需要标签，请删除它",
          en="an invalid % escape inside a tag; plan files need no tags, remove it"),
    Entry("tag-uri", r"URI", context=r"tag", zh="“!”之后缺少标签名；计划文件不需要标签，" + _QUOTE_HINT_ZH,
          en="a '!' without a tag name; plan files need no tags, " + _QUOTE_HINT_EN),
    Entry("tag-verbatim", r"'>'", context=r"tag", zh="标签“!<…>”缺少闭合的“>”；计划文件不需要标签，请删除它",
          en="a '!<...>' tag has no closing '>'; plan files need no tags, remove it"),
    Entry("tag-space", r"whitespace|expected ' '", context=r"tag",
          zh="标签之后必须先有一个空格再写值；计划文件不需要标签，" + _QUOTE_HINT_ZH,
          en="a tag must be followed by a space before the value; plan files need no tags, " + _QUOTE_HINT_EN),
    Entry("tag-handle-end", r"'!'", context=r"tag", zh="标签名格式不对（应以“!”结尾）；计划文件不需要标签，" + _QUOTE_HINT_ZH,
          en="a malformed tag handle (it must end with '!'); plan files need no tags, " + _QUOTE_HINT_EN),
    Entry("tag-nonspecific", r"non-specific tag", "不允许单独的“!”标签", "a bare '!' tag is not allowed"),
    # --- block scalars (| and >) ---------------------------------------------------------------
    Entry("block-indent-zero", r"indentation indicator",
          "块文字符号“|”或“>”后面的缩进数字必须在 1～9 之间，不能是 0",
          "the indentation digit after '|' or '>' must be 1 to 9, not 0"),
    Entry("block-indicator", r"chomping or indentation indicators|comment or (a )?line break", context=r"block scalar",
          zh="块文字符号“|”或“>”后面只能跟 +、- 或一个 1～9 的数字，内容要从下一行开始并缩进",
          en="'|' or '>' may only be followed by +, - or a digit 1 to 9; the text starts on the next line, indented"),
    # --- block structure --------------------------------------------------------------------------
    Entry("list-indent", r"'-' indicator|<block end>", context=r"block collection",
          zh="列表项的缩进不一致：同一个列表的各项“- ”要对齐", en="list items are not indented consistently: align the '- ' of one list"),
    Entry("indent", r"<block end>|expected key",
          "缩进不一致：这一行与同级的上一行没有对齐（或是上一行的值没有写完整）",
          "inconsistent indentation: this line does not line up with its siblings (or the value above is incomplete)"),
    # --- flow collections ([...] and {...}) --------------------------------------------------------
    Entry("flow-sequence", r"expected ',' or '\]'", "列表的方括号“[”没有闭合，或两项之间缺少逗号",
          "a '[' list is not closed, or a comma is missing between items"),
    Entry("flow-mapping", r"expected ',' or '\}'", "映射的花括号“{”没有闭合，或两项之间缺少逗号",
          "a '{' mapping is not closed, or a comma is missing between items"),
    Entry("node-content", r"node content",
          "这里缺少一个值：括号没有闭合、多写了逗号，或值以 ] } , 等特殊字符开头（请加引号）",
          "a value is missing here: a bracket is not closed, there is an extra comma, or the value starts with ] } , (quote it)"),
    Entry("document-start", r"<document start>",
          "在文档结束标记“...”或 % 指令之后，必须先写一行“---”才能继续写内容；一个计划文件只有一个文档，这些标记通常可以删掉",
          "after a '...' document end or a % directive, content must follow a '---' line; a plan holds one document, so these markers can usually be removed"),
    # --- characters the reader refuses -------------------------------------------------------------
    Entry("control-character", r"(special|control) characters are not allowed",
          "文件含有不允许的控制字符 {codepoint}（例如 NUL 字节），它可能不是文本文件；请删除这个字符",
          "the file contains the control character {codepoint} (such as a NUL byte), which YAML does not allow; it may not be a text file"),
    Entry("encoding", r"UTF-8|UTF-16|surrogate", "文件含有无效的 UTF-8 字节", "the file contains invalid UTF-8 bytes"),
    # --- documents (the composer; plancc reports several documents itself) --------------------------
    Entry("documents", r"single document|another document", "多个 YAML 文档（用 --- 分隔）；一个计划文件只能有一个文档",
          "several YAML documents (separated by ---); a plan file holds one", code="PL005"),
    Entry("duplicate-key", r"duplicate key", "同一个映射里有重复的键", "a key appears twice in one mapping", code="PL002"),
    Entry("constructor", r"constructor|could not determine|cannot construct",
          "这里的值无法按普通的文字、数字或列表读取", "this value cannot be read as plain text, a number or a list"),
]

# What was being read, for the generic message (the parser's context)
_CONTEXTS: list[tuple[str, str, str]] = [
    (r"flow level|block level", "嵌套的结构", "nested structure"),
    (r"simple key", "键", "key"),
    (r"quoted scalar", "带引号的文字", "quoted text"),
    (r"plain scalar", "不带引号的文字", "unquoted text"),
    (r"block scalar", "块文字（| 或 >）", "block text (| or >)"),
    (r"directive", "% 指令", "% directive"),
    (r"anchor", "锚点（&名称）", "anchor (&name)"),
    (r"alias", "别名（*名称）", "alias (*name)"),
    (r"tag", "标签（!）", "tag (!)"),
    (r"flow sequence", "方括号列表 [ ]", "[ ] list"),
    (r"flow mapping", "花括号映射 { }", "{ } mapping"),
    (r"flow node", "括号里的值", "value inside brackets"),
    (r"block collection|block sequence", "列表", "list"),
    (r"block mapping", "映射", "mapping"),
    (r"block node|node", "值", "value"),
    (r"next token", "下一个记号", "next token"),
    (r"composing|constructing", "值", "value"),
]

_COMPILED = [(e, re.compile(e.problem), re.compile(e.context) if e.context else None) for e in ENTRIES]


def show_char(char: str, lang: str) -> str:
    """The offending character, quoted, or its code point when it would not print."""
    if not char:
        return ""
    if char.isprintable() and not char.isspace():
        return f"“{char}”" if lang != "en" else f"'{char}'"
    return f"U+{ord(char):04X}"


def translate(context: str | None, problem: str | None, lang: str, char: str = "") -> Translation:
    """A message for the user from the parser's context and problem (never the parser's words)."""
    context = context or ""
    problem = problem or ""
    for entry, prob_re, ctx_re in _COMPILED:
        if not prob_re.search(problem):
            continue
        if ctx_re is not None and not ctx_re.search(context):
            continue
        if entry.chars is not None and (not char or char not in entry.chars):
            continue
        template = entry.zh if lang != "en" else entry.en
        # plain replacement: templates quote { and } literally
        text = template.replace("{char}", show_char(char, lang)).replace("{codepoint}", f"U+{ord(char):04X}" if char else "")
        return Translation(entry.code, text, entry.key)
    return Translation("PL001", generic(context, lang), None)


def generic(context: str, lang: str) -> str:
    kind = next(((zh, en) for pattern, zh, en in _CONTEXTS if re.search(pattern, context)), ("文件结构", "file structure"))
    if lang == "en":
        return f"the YAML parser could not read the {kind[1]} at this position; check the line and the one above it"
    return f"YAML 解析器无法读取此处的{kind[0]}；请检查这一行及上一行的写法"
