"""plancc.toml problems reach the user located and in their language: tomllib's and
pydantic's English never shows, whatever the release."""

from __future__ import annotations

import re

import pytest

from plancc.config import _TOML_PROBLEMS, ConfigError, load_config

# one snippet per tomllib message (CPython's tomllib and tomli share them)
TOML_CASES = {
    "Cannot declare twice": "[render]\n[render]\n",
    "Cannot overwrite a value": "lang = 'zh'\nlang = 'en'\n",
    "Cannot mutate immutable namespace": "lint = {select = []}\n[lint.severity]\n",
    "Cannot redefine namespace": "[[lint]]\n[lint]\n",
    "Duplicate inline table key": "lint = {a = 1, a = 2}\n",
    "Expected '='": "lang 'zh'\n",
    "Expected ']' at the end of a table": "[render\n",
    "Expected ']]'": "[[render]\n",
    "Expected newline": "lang = 'zh' x = 1\n",
    "Invalid date": "x = 2023-02-30\n",
    "Invalid hex value": "x = \"\\uZZZZ\"\n",
    "Escaped character is not a Unicode scalar value": "x = \"\\uD800\"\n",
    "Unescaped backslash": "x = \"C:\\plans\"\n",
    "Invalid initial character for a key part": "[render.]\n",
    "Found invalid character": "a.\"b\"c = 1\n",
    "Invalid statement": "= 1\n",
    "Invalid value": "lang = zh\n",
    "Expected": "x = [1 2]\n",
    "Unclosed array": "x = [1\n",
    "Invalid value at the end": "x = [1,\n",
    "Unclosed inline table": "x = {a = 1\n",
    "Unterminated string": "x = \"abc",
    "String not closed on its line": "x = \"abc\n",
    "Illegal character": "x = \"a\x01b\"\n",
}

ENGLISH = re.compile(r"[A-Za-z]{4,}")


@pytest.mark.parametrize("name", sorted(TOML_CASES))
def test_every_toml_syntax_error_is_located_and_translated(tmp_path, name):
    path = tmp_path / "plancc.toml"
    path.write_text(TOML_CASES[name], encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert re.search(r"plancc\.toml:\d+:\d+: TOML 语法错误：", message), message
    rest = message.split("TOML 语法错误：", 1)[1]
    assert not ENGLISH.search(rest.replace("true/false", "")), message
    with pytest.raises(ConfigError) as info_en:
        load_config(path, lang="en")
    assert "TOML syntax error: " in str(info_en.value), str(info_en.value)


def test_the_translation_table_covers_the_cases():
    # each pattern has a case that reaches it first
    import tomllib

    reached = set()
    for text in TOML_CASES.values():
        try:
            tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            for i, (pattern, _) in enumerate(_TOML_PROBLEMS):
                if re.search(pattern, str(exc)):
                    reached.add(i)
                    break
    assert reached == set(range(len(_TOML_PROBLEMS)))


@pytest.mark.parametrize("text, needle", [
    ('[policy]\nannual_hours = "x"\n', "应当是数字"),
    ("[limits]\nmax_depth = 1.5\n", "应当是整数"),
    ("[limits]\nmax_depth = 2\n", "不小于"),
    ('lang = "fr"\n', "应当是以下之一"),
    ("[lint]\nselect = \"PL2\"\n", "应当是列表"),
    ("[policy]\nenabled = 1\n", "true 或 false"),
    ('[lint.severity]\nPL201 = "loud"\n', "应当是以下之一"),
])
def test_setting_errors_are_located_and_in_chinese(tmp_path, text, needle):
    path = tmp_path / "plancc.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert re.search(r"plancc\.toml:\d+: 配置项", message), message
    assert needle in message, message
    detail = re.sub(r"'[^']*'|\btrue\b|\bfalse\b", "", message.split("无效：", 1)[-1])
    assert "Input should" not in message and not ENGLISH.search(detail), message


def test_a_config_that_is_not_utf8_is_a_clear_error(tmp_path):
    path = tmp_path / "plancc.toml"
    path.write_bytes("lang = \"中文\"\n".encode("gbk"))
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert "UTF-8" in str(info.value) and "codec" not in str(info.value)


def test_the_defaults_without_a_plancc_toml_are_the_validated_defaults():
    """No plancc.toml: the tables are made without validation, and are what validating an
    empty plancc.toml gives, table by table."""
    from plancc.config import Config, ConfigFile, PolicySettings, defaults

    made, checked = Config(None).file, ConfigFile.model_validate({})
    assert made == checked and made.model_dump() == checked.model_dump()
    for name in ConfigFile.model_fields:
        assert type(getattr(made, name)) is type(getattr(checked, name)), name
    assert defaults(PolicySettings) == PolicySettings()
    assert made.limits.to_limits() == checked.limits.to_limits()


def test_the_plain_tables_read_as_model_dump_would(tmp_path):
    from plancc.config import LimitSettings, RateSettings, _fields

    limits = LimitSettings.model_validate({"max_depth": 50})
    assert _fields(limits) == limits.model_dump()
    rates = RateSettings.model_validate({"minutes_per_hour": 45.0, "by_mode": {"hours_per_credit": {"集中培训": 6.0}}})
    assert rates.as_data() == {"minutes_per_hour": 45.0, "hours_per_credit": {"集中培训": 6.0}}
