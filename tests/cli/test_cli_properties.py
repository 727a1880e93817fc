"""No input makes any command raise: whatever the plan, the plancc.toml or the options,
every command ends with exit 0, 1 or 2 — never 3 (a defect) and never an exception."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plancc.cli.main import run
from tests.test_properties import mutated

ROOT = Path(__file__).resolve().parents[2]

COMMANDS = [
    ["validate", "plan.yaml"],
    ["validate", "--format", "json", "--format", "sarif=out/r.sarif", "--format", "github", "plan.yaml"],
    ["validate", "--strict", "--lang", "en", "-q", "."],
    ["render", "plan.yaml", "-o", "out/plan.docx"],
    ["render", "plan.yaml", "--lang", "en"],
    ["show", "plan.yaml"],
]

TOML_VALUES = st.sampled_from(['"zh"', '"en"', '"x"', "1", "-1", "1e400", "nan", "inf", "true", '""', '"\\u0007"', "[]",
                               '["PL2"]', '{a = 1}', '"default"', '"../../etc"', "99999999999999999999"])
TOML_KEYS = st.sampled_from(["lang", "[lint]\nselect", "[lint]\nignore", "[lint.severity]\nPL201", "[policy]\nenabled",
                             "[policy]\nannual_hours", "[limits]\nmax_bytes", "[limits]\nmax_depth", "[render]\ntemplate",
                             "[render]\noutput", "[render.layout]\n\"page.width\"", "[render.layout]\n\"styles.body.size\"",
                             "[render.layout]\n\"fonts.body.east_asia\"", "[render.layout]\n\"nope\"", "[nope]\nx"])


@st.composite
def config_text(draw):
    if draw(st.booleans()):
        return None
    entries = draw(st.lists(st.tuples(TOML_KEYS, TOML_VALUES), max_size=3))
    return "\n".join(f"{k} = {v}" for k, v in entries) + "\n"


def _run_in(folder: Path, argv: list[str]) -> int:
    old = os.getcwd()
    os.chdir(folder)
    try:
        return run(argv)
    finally:
        os.chdir(old)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(plan=mutated(), config=config_text(), command=st.sampled_from(COMMANDS))
def test_no_input_makes_a_command_fail_with_a_defect(plan, config, command):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "plan.yaml").write_text(plan, encoding="utf-8")
        if config is not None:
            (folder / "plancc.toml").write_text(config, encoding="utf-8")
        code = _run_in(folder, command)
        assert code in (0, 1, 2), (code, command, config)
        assert (folder / "plan.yaml").read_text(encoding="utf-8") == plan  # the input is untouched
        leftovers = [p.name for p in folder.rglob("*.tmp")]
        assert not leftovers, leftovers
