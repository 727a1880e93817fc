"""Fire/quiet cases of typed figures compared with the data (plancc/check/rules/prose/figures.py)."""

from tests.rules.cases import Case

_DATA = ("figures:\n  参训人数:\n    value: 968\n    unit: 人\nassessments:\n  - id: 细则\n    items:\n"
         "      - {name: 评课, points: 1}\n      - {name: 听课, points: 99}\n")


def _say(sentence: str) -> str:
    return _DATA + f"sections:\n  - title: 说明\n    content:\n      - {sentence}\n"


PROSE_FIGURE_CASES = [
    Case("PL811", _say("本次参训980人。"), "本次参训", _say("本次参训{=figures.参训人数}人。"), says=("980", "968", "{=figures.参训人数}"),
         column_at="980"),
    Case("PL811", _say("评课 1.5 分，听课为99分。"), "评课 1.5", _say("评课 1 分，听课为99分。"), says=("1.5", "{=assessments.细则.items.评课.points}"),
         column_at="1.5", id="points"),
    Case("PL812", _say("本次参训968人。"), "本次参训", _say("本次参训{=figures.参训人数}人。"), says=("968", "{=figures.参训人数}"),
         column_at="968"),
]
