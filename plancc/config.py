"""Repository settings from ``plancc.toml``: rules, policy pack, template, output, language.

The file is found by walking up from the working directory (as ruff and
pre-commit do). Unknown keys are errors with a line number, like plans.
"""

from __future__ import annotations

import difflib
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, ValidationInfo, field_validator

from plancc.catalog import message
from plancc.errors import ConfigError, Worded, describe_os_error  # ConfigError re-exported: plancc.toml cannot be used (exit 2)
from plancc.load.limits import DEFAULT_LIMITS as _LIMITS
from plancc.load.limits import Limits
from plancc.load.source import value_at


def _toml():
    """The TOML reader, imported when a plancc.toml is found (most runs have none to read)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    return tomllib


CONFIG_NAME = "plancc.toml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, defer_build=True)  # built when a plancc.toml is read


class LintSettings(_Strict):
    select: list[str] = Field(default_factory=list, description="只运行这些规则（代码或前缀，如 PL2）")
    ignore: list[str] = Field(default_factory=list, description="不运行这些规则（代码或前缀）")
    severity: dict[str, Literal["error", "warning", "info", "off"]] = Field(
        default_factory=dict, description="按规则代码或前缀调整严重程度，如 PL207 = \"error\""
    )


class PolicySettings(_Strict):
    """The policy pack: off by default; its figures come from the packs (plancc.policy),
    a province adds its own pack or sets a figure here, not in the code."""

    enabled: bool = Field(False, description="是否启用政策规则包（PL9xx）")
    packs: list[str] = Field(
        default_factory=list,
        description="本仓库的政策规则包（YAML 文件，相对于 plancc.toml），如 [\"policy/anhui.yaml\"]；同一项要求以后列的为准，全国规则包总在最前",
    )
    annual_hours: Optional[float] = Field(None, ge=0, description="每年学时下限（写了就取代规则包中的数字）")
    cycle_years: int = Field(5, ge=1, le=20, description="周期年数（只在上面直接写周期学时下限时使用）")
    cycle_hours: Optional[float] = Field(None, ge=0, description="周期总学时下限")
    cycle_school_based_hours: Optional[float] = Field(None, ge=0, description="周期内校本研修学时下限")
    new_teacher_hours: Optional[float] = Field(None, ge=0, description="新教师试用期学时下限")
    head_teacher_hours: Optional[float] = Field(None, ge=0, description="班主任专项培训学时下限")
    professional_hours: Optional[float] = Field(None, ge=0, description="专业科目学时下限（如 60）")
    public_hours: Optional[float] = Field(None, ge=0, description="公需科目学时下限（如 30）")
    _root: Optional[Path] = PrivateAttr(None)

    @property
    def pack_paths(self) -> list[Path]:
        """The repository's packs, as paths (relative to plancc.toml)."""
        root = self._root or Path.cwd()
        return [root / p for p in self.packs]


class LimitSettings(_Strict):
    """Defaults come from plancc.load.limits.Limits, the one place they are written."""

    max_bytes: int = Field(_LIMITS.max_bytes, ge=1024, description="单个 YAML 文件大小上限（字节）")
    max_depth: int = Field(_LIMITS.max_depth, ge=8, le=1000, description="嵌套层数上限")
    max_nodes: int = Field(_LIMITS.max_nodes, ge=1000, description="一个文件中值的总数上限（别名按展开后计）")
    max_alias_nodes: int = Field(_LIMITS.max_alias_nodes, ge=0, description="别名（*名称）展开的值的数量上限")
    max_expanded_bytes: int = Field(_LIMITS.max_expanded_bytes, ge=1024,
                                    description="别名（*名称）展开后重复使用的文字总量上限（按字符计）")
    max_include_bytes: int = Field(_LIMITS.max_include_bytes, ge=0,
                                   description="一个计划通过 include 读入的文件总大小上限（字节，每个文件只计一次）")
    template_seconds: float = Field(_LIMITS.template_seconds, gt=0, le=86_400, allow_inf_nan=False, description="运行一个模板的时间上限（秒）")
    template_output_bytes: int = Field(_LIMITS.template_output_bytes, ge=1024, description="一个模板输出的大小上限（字节）")
    template_memory_bytes: int = Field(_LIMITS.template_memory_bytes, ge=64 * 1024 * 1024, description="运行模板时可再占用的内存上限（字节）")

    def to_limits(self) -> Limits:
        """The checked values as the Limits the loader and the sandbox take (the same names, the same defaults)."""
        return Limits(**_fields(self))


class IncludeSettings(_Strict):
    allow: list[str] = Field(
        default_factory=list,
        description="include 还可以读取的目录（相对于 plancc.toml），如 [\"../shared\"]；默认只能包含 plancc.toml 所在目录之内的文件",
    )

    @field_validator("allow")
    @classmethod
    def _relative_folders(cls, value: list[str]) -> list[str]:
        for item in value:
            if not item.strip():
                raise Worded("config.allow.empty")
            if "\0" in item:
                raise Worded("config.allow.nul")
            if os.path.isabs(item) or item.startswith("~"):
                raise Worded("config.allow.absolute", item=item)
        return value


class CitationSettings(_Strict):
    files: list[str] = Field(
        default_factory=list,
        description="本地区文件登记表（YAML，格式同内置的 plancc/data/documents.yaml；路径相对于 plancc.toml），如 [\"citations.yaml\"]",
    )

    @field_validator("files")
    @classmethod
    def _relative_files(cls, value: list[str]) -> list[str]:
        for item in value:
            if not item.strip():
                raise Worded("config.citations.empty")
            if "\0" in item:
                raise Worded("config.allow.nul")
            if os.path.isabs(item) or item.startswith("~"):
                raise Worded("config.allow.absolute", item=item)
        return value


class RenderSettings(_Strict):
    template: str = Field("default", description="模板名称（templates/ 下的目录）或模板目录路径")
    profile: Optional[str] = Field(None, description="版式配置文件路径（覆盖 GB/T 9704 默认值）")
    output: str = Field("build", description="默认输出目录")
    layout: dict[str, Any] = Field(default_factory=dict, description="对版式配置的单项覆盖")

    @field_validator("layout")
    @classmethod
    def _check_layout(cls, value: dict[str, Any], info: ValidationInfo) -> dict[str, Any]:
        """Each override in range (over the default profile), reported at its own key
        (in the language of the validation context's "lang")."""
        if not value:
            return value
        from pydantic_core import PydanticCustomError

        from plancc.layout.profile import check_overrides

        problems = check_overrides(value, (info.context or {}).get("lang", "zh"))
        if problems:
            raise ValidationError.from_exception_data(
                "RenderSettings",
                [
                    {"type": PydanticCustomError("layout_override", "{problem}", {"problem": problem}),
                     "loc": tuple(k for k in [key] if k), "input": None}
                    for key, problem in problems
                ],
            )
        return value


#: seconds one LibreOffice conversion may take unless ``render --pdf-timeout`` or [libreoffice] timeout
#: says otherwise (a 5,000-row catalog's PDF takes minutes), and the longest either may ask for (an hour):
#: the one place of both, for render, import's conversion and the option
LIBREOFFICE_TIMEOUT = 300.0
LIBREOFFICE_MAX_TIMEOUT = 3600.0


class LibreOfficeSettings(_Strict):
    """[libreoffice]: how long one LibreOffice conversion may take, for ``render --pdf`` (where
    ``--pdf-timeout`` overrides it) and for reading .doc/.wps files (``import``, ``validate``)."""

    timeout: float = Field(LIBREOFFICE_TIMEOUT, gt=0, le=LIBREOFFICE_MAX_TIMEOUT, allow_inf_nan=False,
                           description="LibreOffice 转换一个文件的时限（秒）：render --pdf 转 PDF、import 和 validate 读取 .doc/.wps；"
                                       "render --pdf-timeout 优先")


class RateSettings(_Strict):
    """[rates]: the repository's conversion rates, used by every plan that declares none of its own
    (a plan that declares one differently gets PL409)."""

    minutes_per_hour: Optional[float] = Field(None, gt=0, le=600, description="1 学时折合多少分钟")
    hours_per_day: Optional[float] = Field(None, gt=0, le=24, description="1 天折合多少学时")
    hours_per_credit: Optional[float] = Field(None, gt=0, le=1000, description="多少学时折合 1 学分")
    days_per_week: Optional[float] = Field(None, gt=0, le=7, description="1 周按多少天计")
    by_mode: dict[str, dict[str, float]] = Field(
        default_factory=dict,
        description="按培训方式分别规定的换算率，如 [rates.by_mode.hours_per_credit] 集中培训 = 6",
    )

    def as_data(self) -> dict:
        """The rates as a plan's ``rates:`` would write them."""
        out = {k: v for k, v in _fields(self).items() if v is not None and k != "by_mode"}
        for key, table in self.by_mode.items():
            out[key] = dict(table)
        return out


def _check_wording(value: dict[str, str]) -> dict[str, str]:
    """[wording]: each key a sentence of plancc.text.wording, each pattern usable, reported at its key."""
    from pydantic_core import PydanticCustomError

    from plancc.text.wording import PatternError, check_entry

    problems = []
    for key, pattern in value.items():
        try:
            check_entry(key, pattern, None)
        except PatternError as exc:
            problems.append({"type": PydanticCustomError("value_error", "{error}", {"error": exc}), "loc": (key,), "input": pattern})
    if problems:
        raise ValidationError.from_exception_data("wording", problems)
    return value


class ConfigFile(_Strict):
    lang: Literal["zh", "en"] = Field("zh", description="消息语言")
    lint: LintSettings = Field(default_factory=LintSettings)
    policy: PolicySettings = Field(default_factory=PolicySettings)
    rates: RateSettings = Field(default_factory=RateSettings)
    render: RenderSettings = Field(default_factory=RenderSettings)
    libreoffice: LibreOfficeSettings = Field(default_factory=LibreOfficeSettings)
    limits: LimitSettings = Field(default_factory=LimitSettings)
    include: IncludeSettings = Field(default_factory=IncludeSettings)
    citations: CitationSettings = Field(default_factory=CitationSettings)
    wording: dict[str, str] = Field(
        default_factory=dict,
        description="本仓库各计划共用的句式：句子名称 = 句式（见 README“句式”），如 module_set = \"{=verb}{=names}共{=count}个模块{?共{=hours}学时}{=ending}\"；"
        "计划的 wording 和块的 wording 优先",
    )

    @field_validator("wording")
    @classmethod
    def _wording(cls, value: dict[str, str]) -> dict[str, str]:
        return _check_wording(value)


def _fields(table: _Strict) -> dict:
    """A table's values by field name (a table of plain values: what model_dump gives, without
    building the model's serializer)."""
    return {name: getattr(table, name) for name in type(table).model_fields}


def defaults(model: type[_Strict]) -> _Strict:
    """A table of settings as it is when plancc.toml does not set it: every default, the
    tables inside it too, made without validation (the defaults are plancc's own). Most runs
    read no plancc.toml; validating eleven tables of defaults built their validators first."""
    tables = {name: defaults(f.annotation) for name, f in model.model_fields.items()
              if isinstance(f.annotation, type) and issubclass(f.annotation, _Strict)}
    return model.model_construct(**tables)


@dataclass
class Config:
    path: Path | None
    file: ConfigFile = field(default_factory=lambda: defaults(ConfigFile))
    # the documents citations are checked against: the built-in list and [citations] files
    # (None: the built-in list alone)
    citations: Any = None

    def citation_registry(self):
        """The registry the citation rules use (plancc.citations.Registry)."""
        from plancc.citations import builtin

        return self.citations or builtin()

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def include_roots(self) -> tuple[Path, ...]:
        """Folders ``include:`` may read from: the folder of plancc.toml and [include] allow.

        Empty without a plancc.toml: then each plan may include only from its own folder.
        """
        if self.path is None:
            return ()
        root = Path(os.path.realpath(self.root))
        return (root, *(Path(os.path.realpath(root / a)) for a in self.file.include.allow))


def find_config(start: Path | None = None) -> Path | None:
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
    return None


def load_config(path: Path | None = None, *, search: bool = True, lang: str = "zh") -> Config:
    """Read plancc.toml; raises ConfigError (exit 2) saying where and why, in `lang`."""
    if path is None and search:
        path = find_config()
    if path is None:
        return Config(None)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: " + message("config.not_utf8", lang)) from exc
    except OSError as exc:
        raise ConfigError(f"{path}: " + message("config.unreadable", lang, reason=describe_os_error(exc, lang))) from exc
    tomllib = _toml()
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(_toml_error(path, exc, lang, text)) from exc
    try:
        config = Config(path, ConfigFile.model_validate(raw, context={"lang": lang}))
    except ValidationError as exc:
        from plancc.diagnostics.validation import error_detail

        lines = []
        for err in exc.errors(include_url=False):
            loc = [str(p) for p in err["loc"]]
            line = _find_line(text, loc)
            where = f"{path}:{line}" if line else str(path)
            name = ".".join(loc)
            if err["type"] == "extra_forbidden":
                model = _model_at(ConfigFile, loc[:-1])
                close = difflib.get_close_matches(loc[-1], list(model.model_fields) if model else [], n=1)
                hint = message("config.did_you_mean", lang, suggestion=close[0]) if close else ""
                lines.append(f"{where}: " + message("config.unknown", lang, name=name, hint=hint))
            else:
                _, detail = error_detail(err, value_at(raw, err["loc"]), lang)
                lines.append(f"{where}: " + message("config.invalid", lang, name=name, detail=detail))
        raise ConfigError("\n".join(lines)) from exc
    _check_include_folders(config, text, lang)
    _check_policy_packs(config, lang)
    _load_citation_files(config, text, lang)
    return config


def _check_policy_packs(config: Config, lang: str = "zh") -> None:
    """[policy] packs are read now: a broken pack is a problem of plancc.toml (exit 2), not of every plan."""
    config.file.policy._root = config.root
    if not config.file.policy.packs:
        return
    from plancc.policy.pack import load_pack

    for path in config.file.policy.pack_paths:
        if not path.is_file():
            raise ConfigError(f"{config.path}: " + message("policy.pack.missing_file", lang, path=path))
        load_pack(str(path), lang)


def _check_include_folders(config: Config, text: str, lang: str = "zh") -> None:
    """[include] allow names folders that exist (a typo would refuse every include below it)."""
    bad = []
    for item in config.file.include.allow:
        folder = config.root / item
        if not folder.is_dir():
            line = next((i for i, raw in enumerate(text.splitlines(), 1) if item in raw), None)
            where = f"{config.path}:{line}" if line else str(config.path)
            bad.append(f"{where}: " + message("config.include_folder", lang, item=item))
    if bad:
        raise ConfigError("\n".join(bad))


def _load_citation_files(config: Config, text: str, lang: str = "zh") -> None:
    """[citations] files: each read and checked now, so a bad one stops with its place (exit 2)."""
    files = config.file.citations.files
    if not files:
        return
    from plancc.citations import CitationFileError, builtin, read_file

    bad: list[str] = []
    entries = []
    for item in files:
        path = config.root / item
        if not path.is_file():
            line = next((i for i, raw in enumerate(text.splitlines(), 1) if item in raw), None)
            where = f"{config.path}:{line}" if line else str(config.path)
            bad.append(f"{where}: " + message("config.citations.missing", lang, item=item))
            continue
        try:
            entries += read_file(path, str(path), lang)
        except CitationFileError as exc:
            bad += exc.lines
    if bad:
        raise ConfigError("\n".join(bad))
    config.citations = builtin().extended(entries)


# tomllib's messages (the same in tomli), as plan authors can act on them
_TOML_PROBLEMS = [  # tomllib's wording → catalog key toml.<name>
    ('Cannot declare .* twice|Cannot redefine namespace|Cannot mutate immutable namespace|Cannot overwrite a value|Duplicate inline table key', 'twice'),
    ("Expected '=' after a key", 'equals'),
    ("Expected '\\]' at the end of a table declaration", 'table_bracket'),
    ("Expected '\\]\\]' at the end of an array declaration", 'array_bracket'),
    ('Expected newline or end of document', 'one_per_line'),
    ('Invalid date or datetime', 'date'),
    ("Invalid hex value|Escaped character is not a Unicode|Unescaped '\\\\'", 'backslash'),
    ('Invalid initial character for a key part|Found invalid character|Invalid statement', 'bare_key'),
    ('Invalid value|Expected', 'value'),
    ('Unclosed array', 'array'),
    ('Unclosed inline table', 'inline_table'),
    ("Unterminated string|Illegal character '\\\\n'", 'quote'),
    ('Illegal character', 'control'),
]


def _toml_error(path: Path, exc: Exception, lang: str, source: str = "") -> str:
    """A located TOML syntax error in the user's words (tomllib's English never shown)."""
    import re

    text = str(exc)
    line = getattr(exc, "lineno", None)
    column = getattr(exc, "colno", None)
    m = re.search(r"\(at line (\d+), column (\d+)\)", text)
    if m and line is None:
        line, column = int(m.group(1)), int(m.group(2))
    elif line is None and "end of document" in text:
        lines = source.rstrip("\n").split("\n")
        line, column = len(lines), len(lines[-1]) + 1
    problem = message("toml.syntax", lang)
    for pattern, name in _TOML_PROBLEMS:
        if re.search(pattern, text):
            problem = message("toml.syntax_detail", lang, detail=message(f"toml.{name}", lang))
            break
    where = f"{path}:{line}:{column}" if line else str(path)
    return f"{where}: {problem}"


def _model_at(model, loc):
    for part in loc:
        f = model.model_fields.get(part)
        if f is None or not (isinstance(f.annotation, type) and issubclass(f.annotation, BaseModel)):
            return None
        model = f.annotation
    return model


def _find_line(text: str, loc: list[str]) -> int | None:
    """The line of `loc`'s last key inside its table (tomllib keeps no positions)."""
    table = ".".join(loc[:-1])
    current = ""
    key = loc[-1]
    for i, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if line.startswith("[") and line.endswith("]"):
            current = line.strip("[]").strip()
            continue
        if current == table and (line.startswith(key + " ") or line.startswith(key + "=") or line.startswith(f'"{key}"')):
            return i
    for i, raw in enumerate(text.splitlines(), 1):
        if raw.strip().strip("[]").strip() == ".".join(loc):
            return i
    return None
