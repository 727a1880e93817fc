"""Leadership and working groups: lines “组　长：张三（县教育体育局局长）”, “副组长：李四、王五”,
“成　员：……”. A run of such lines (the first one a 组长 or 主任) becomes a group in ``groups:``
and a ``{group: 简称}`` block that prints the lines back (roles padded as the source pads
them); the group's name is taken from the paragraph or heading before it
(“成立宾川县教师全员培训工作领导小组”), its 简称 is the last word of it (领导小组)."""

from __future__ import annotations

import re
from typing import Optional

from plancc.importer.recognise.common import LONGEST, Ctx, lst, walk

_ROLES = ("组长", "副组长", "成员", "主任", "副主任", "秘书", "秘书长", "联络员", "组员")
_LINE = re.compile(r"^(?P<role>[\u4e00-\u9fff　 ]{2,5})[：:](?P<people>.+?)[。；;]?$")
_PERSON = re.compile(r"^(?P<name>[^（）()]+?)(?:（(?P<post>[^（）]+)）)?$")
_NAME = re.compile(r"(?P<name>[\u4e00-\u9fff（）]{0,30}?(?P<short>领导小组|工作小组|专家组|指导组|工作专班))")


def recognise_groups(ctx: Ctx) -> None:
    plan = ctx.plan
    for path, sec in walk(lst(plan, "sections")):
        content = lst(sec, "content")
        i = 0
        while i < len(content):
            run = _run(content, i)
            if run is None:
                i += 1
                continue
            end, members, padded = run
            before = [content[i - 1]] if i and isinstance(content[i - 1], str) else []
            name = _group_name(before + [sec.get("title") or ""])
            if name is None:
                i = end
                continue
            full, short = name
            groups = plan.setdefault("groups", [])
            gid = short if short not in {g["id"] for g in groups} else full
            if gid in {g["id"] for g in groups}:
                i = end
                continue
            group: dict = {"id": gid}
            if full != gid:
                group["name"] = full
            if "领导" in short:
                group["kind"] = "leadership"
            group["members"] = members
            if _lines(members) != [c.strip() for c in content[i:end]]:
                if not groups:
                    plan.pop("groups")
                i = end
                continue
            groups.append(group)
            block: dict = {"group": gid, "parts": ["members"]}
            content[i:end] = [block]
            ctx.guess("import.guess.group", path + ("content", i), ("groups", len(groups) - 1), id=gid)
            _office_and_duties(ctx, group, block, content, i + 1, path)
            i += 1


def _role(word: str) -> Optional[str]:
    r = re.sub(r"[　 ]", "", word)
    return r if r in _ROLES else None


def _run(content: list, i: int):
    members, j, padded = [], i, False
    while j < len(content) and isinstance(content[j], str):
        m = _LINE.match(content[j].strip())
        role = _role(m.group("role")) if m else None
        if role is None or (j == i and role not in ("组长", "主任")):
            break
        padded = padded or m.group("role") != role
        for piece in m.group("people").split("、"):
            p = _PERSON.match(piece.strip())
            if p is None:
                return None
            member: dict = {"role": role, "name": p.group("name")}
            if p.group("post"):
                member["post"] = p.group("post")
            members.append(member)
        j += 1
    if j - i < 2:
        return None
    return j, members, padded


def _group_name(texts: list[str]):
    for t in texts:
        m = None
        for m in _NAME.finditer(t):
            pass
        if m is not None:
            full = re.sub(r"^(?:成立|组建|建立|设立)", "", m.group("name"))
            return full, m.group("short")
    return None


def _lines(members: list[dict]) -> list[str]:
    """The lines the group block writes (style lines, names not padded)."""
    roles: dict[str, list[dict]] = {}
    for m in members:
        roles.setdefault(m["role"], []).append(m)
    wide = any(len(r) == 3 for r in roles)
    out = []
    for role, people in roles.items():
        label = role[0] + "　" + role[1] if wide and len(role) == 2 else role
        out.append(label + "：" + "、".join(p["name"] + (f"（{p['post']}）" if p.get("post") else "") for p in people))
    return out


# -- the office and the duties after the members ------------------------------------------

_OFFICE = re.compile(r"^(?P<who>[^，。；]{0,30}?)下设办公室，办公室设在(?P<at>[^，。；]{2,30})"
                     r"(?:，(?:由(?P<head>[^，。；]{2,12}?)兼任办公室主任|办公室主任由(?P<head2>[^，。；]{2,12}?)担任))?"
                     r"(?:，(?P<duties>[^。；]{2,200}))?。$")


def _office_and_duties(ctx: Ctx, group: dict, block: dict, content: list, at: int, path) -> None:
    """“领导小组下设办公室，办公室设在……，由某某兼任办公室主任，负责……。” right after the members is
    the group's office; a paragraph after it (or after the members) that says what the group does
    (“领导小组负责……”, “领导小组的主要职责是……”) its duties."""
    from plancc.text.wording import BY_KEY, fill

    gid = group["id"]
    names = {gid, group.get("name") or gid}
    para = content[at] if at < len(content) else None
    if isinstance(para, str) and "{" not in para and len(para) <= 400 and (m := _OFFICE.match(para.strip())) is not None and m.group("who").strip() in names:
        head = m.group("head") or m.group("head2")
        office: dict = {"at": m.group("at")}
        if head:
            office["head"] = head
        if m.group("duties"):
            office["duties"] = m.group("duties")
        members = {p.get("name") for p in group.get("members", []) if isinstance(p, dict)}
        clause = None if not head else (f"由{head}兼任办公室主任" if head in members else f"办公室主任由{head}担任")
        values = {"group": gid, "at": office["at"], "head": head, "head_clause": clause, "duties": office.get("duties")}
        typed = para.strip()
        pattern = None
        if fill(BY_KEY["group.office"].default, values) != typed:
            spans = sorted((m.start(k), m.end(k), ref) for k, ref in
                           (("who", "{=group}"), ("at", "{=at}"), ("head", "{=head}"), ("head2", "{=head}"), ("duties", "{=duties}"))
                           if m.group(k) and (k != "who" or m.group(k) == gid))
            out, pos = [], 0
            for s0, e0, ref in spans:
                out += [typed[pos:s0], ref]
                pos = e0
            pattern = "".join(out) + typed[pos:]
            if fill(pattern, values) != typed:
                return
            block.setdefault("wording", {})["group.office"] = pattern
        group["office"] = office
        block["parts"].append("office")
        del content[at]
        ctx.guess("import.guess.group_office", path + ("content", at - 1), ("groups",), id=gid, at=office["at"])
    para = content[at] if at < len(content) else None
    if isinstance(para, str) and "{" not in para and len(para) <= LONGEST and any(
            re.match(rf"^{re.escape(n)}(?:的主要职责|主要职责|的职责|职责|负责)", para.strip()) for n in names):
        group["duties"] = para.strip()
        block["parts"].append("duties")
        del content[at]
        ctx.guess("import.guess.group_duties", path + ("content", at - 1), ("groups",), id=gid)
    if block["parts"] == ["members", "office", "duties"]:
        del block["parts"]
