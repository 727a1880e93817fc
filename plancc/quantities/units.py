"""The units plans count in, and how one converts to another (data, no logic).

A conversion is fixed (a week has 7 days, an hour 60 minutes) or a *rate* the
plan declares once under ``rates:`` (or in plancc.toml's ``[rates]``):
minutes per 学时 (40 or 45 for online study), 学时 per day (6 or 8 by region),
学时 per 学分, which may differ by mode (集中 6, 非集中 8). Conversions chain:
天 → 分钟 is 学时/天 × 分钟/学时.
"""

from __future__ import annotations

#: the name a unit is known by, for each way plans write it
ALIASES: dict[str, str] = {
    "学时": "学时", "课时": "学时",
    "分钟": "分钟",
    "小时": "小时", "个小时": "小时",
    "天": "天", "日": "天",
    "周": "周", "星期": "周",
    "月": "月", "个月": "月",
    "年": "年",
    "学分": "学分",
}  # fmt: skip

#: conversions: (from, to) → a number, or the name of a rate under ``rates:``
CONVERSIONS: dict[tuple[str, str], float | str] = {
    ("小时", "分钟"): 60,
    ("周", "天"): "days_per_week",
    ("年", "月"): 12,
    ("天", "学时"): "hours_per_day",
    ("学时", "分钟"): "minutes_per_hour",
    ("学分", "学时"): "hours_per_credit",
}

#: rates a plan may declare, with their default when a plan does not (None: must be declared)
RATE_DEFAULTS: dict[str, float | None] = {
    "minutes_per_hour": None,
    "hours_per_day": None,
    "hours_per_credit": None,
    "days_per_week": 7,
}


def canonical(unit: str | None) -> str | None:
    """The known name of a unit (课时 → 学时), or the unit as written."""
    if unit is None:
        return None
    return ALIASES.get(unit, unit)


def path(src: str, dst: str) -> list[tuple[float | str, bool]] | None:
    """The conversions from `src` to `dst`: [(factor or rate name, inverted)], or None when
    there is no way. The shortest chain wins (breadth first over a handful of units)."""
    if src == dst:
        return []
    edges: dict[str, list[tuple[str, float | str, bool]]] = {}
    for (a, b), f in CONVERSIONS.items():
        edges.setdefault(a, []).append((b, f, False))
        edges.setdefault(b, []).append((a, f, True))
    frontier: list[tuple[str, list]] = [(src, [])]
    seen = {src}
    while frontier:
        nxt = []
        for unit, steps in frontier:
            for b, f, inv in edges.get(unit, ()):
                if b in seen:
                    continue
                route = steps + [(f, inv)]
                if b == dst:
                    return route
                seen.add(b)
                nxt.append((b, route))
        frontier = nxt
    return None
