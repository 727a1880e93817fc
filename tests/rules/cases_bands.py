"""Fire/quiet cases of the rules of grade bands and scaled components (plancc/check/rules/bands.py)."""

from tests.rules.cases import Case

_GOOD_BANDS = ("    bands:\n      - {name: 优秀, min: 90, max: 100}\n      - {name: 良好, min: 75, max: 89.9}\n"
               "      - {name: 合格, min: 60, max: 74.9}\n      - {name: 不合格, below: 60}\n")


def _scheme(bands: str, head: str = "    total: 100\n") -> str:
    return "assessments:\n  - id: 参训教师\n" + head + bands


BAND_CASES = [
    Case("PL208", "assessments:\n  - id: 参训教师\n    components:\n      - name: 作业\n        weight: 60\n        points: 100\n"
         "        parts: {作业一: 50, 作业二: 40}\n", "points: 100",
         "assessments:\n  - id: 参训教师\n    components:\n      - name: 作业\n        weight: 60\n        points: 100\n"
         "        parts: {作业一: 50, 作业二: 50}\n", says=("90", "100"), id="component-parts"),
    Case("PL605", _scheme(_GOOD_BANDS.replace("max: 100", "max: 110")), "max: 110", _scheme(_GOOD_BANDS),
         says=("110", "100"), column_at="110"),
    Case("PL605", _scheme(_GOOD_BANDS.replace("min: 75, max: 89.9", "min: 89.9, max: 75")), "min: 89.9", _scheme(_GOOD_BANDS),
         says=("89.9", "75"), id="reversed"),
    Case("PL606", _scheme(_GOOD_BANDS.replace("max: 74.9", "max: 75")), "min: 75", _scheme(_GOOD_BANDS), says=("75",)),
    Case("PL606", _scheme(_GOOD_BANDS.replace("below: 60", "max: 60")), "name: 合格", _scheme(_GOOD_BANDS.replace("below: 60", "max: 59")),
         says=("60",), id="max-meets-min"),
    Case("PL607", _scheme(_GOOD_BANDS.replace("max: 89.9", "max: 89.5")), "min: 90", _scheme(_GOOD_BANDS), says=("89.5", "90")),
    Case("PL607", _scheme(_GOOD_BANDS.replace("max: 89.9", "max: 88")), "min: 90",
         _scheme(_GOOD_BANDS.replace("max: 89.9", "max: 89").replace("max: 74.9", "max: 74")), says=("88",), id="whole-points"),
    Case("PL608", _scheme(_GOOD_BANDS, "    total: 100\n    pass_mark: 65\n"), "pass_mark", _scheme(_GOOD_BANDS, "    total: 100\n    pass_mark: 60\n"),
         says=("65", "60")),
    Case("PL608", _scheme(_GOOD_BANDS, "    total: 100\n    excellent_mark: 85\n"), "excellent_mark",
         _scheme(_GOOD_BANDS, "    total: 100\n    excellent_mark: 90\n"), says=("85", "90"), id="excellent"),
    Case("PL308", _scheme("    bands:\n      - {name: 优秀, min: 90, quota: 70%}\n      - {name: 合格, min: 60, max: 89.9, quota: ≥40%}\n"),
         "bands:", _scheme("    bands:\n      - {name: 优秀, min: 90, quota: ≤5%}\n      - {name: 合格, min: 60, max: 89.9, quota: ≥40%}\n"),
         says=("110",)),
]
