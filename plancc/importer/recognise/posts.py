"""Post-based projects (分岗项目): a section whose subsections are each a post (“（一）班主任培训”)
with run-in lines 培训主题：…… / 培训目标：…… / 培训学时：N学时。 in that order — what the
``{posts: all}`` block prints. They become ``posts:`` (name, theme, goals, hours) and the block."""

from __future__ import annotations

import re

from plancc.importer.recognise.common import Ctx, lst, number, walk

_KEYS = {"培训主题": "theme", "培训目标": "goals", "培训学时": "hours"}
_HOURS = re.compile(r"^(\d+(?:\.\d+)?)学时。$")


def recognise_posts(ctx: Ctx) -> None:
    plan = ctx.plan
    if plan.get("posts"):
        return
    for path, sec in walk(lst(plan, "sections")):
        subs = lst(sec, "sections")
        if len(subs) < 1 or not all(isinstance(s, dict) for s in subs):
            continue
        posts = [_post(s) for s in subs]
        if any(p is None for p in posts) or len({p["name"] for p in posts}) != len(posts):
            continue
        plan["posts"] = posts
        own = sec["content"] if isinstance(sec.get("content"), list) else []
        own.append({"posts": "all"})
        sec["content"] = own
        sec.pop("sections", None)
        ctx.guess("import.guess.posts", path, ("posts",), count=len(posts))
        return


def _post(sub: dict):
    title = (sub.get("title") or "").strip()
    lines = lst(sub, "sections")
    if not title or sub.get("content") or sub.get("run_in") or sub.get("numbering") or sub.get("numbered") is False \
            or len(title) > 20 or "{" in title:
        return None
    post: dict = {"name": title}
    order = []
    for ln in lines:
        key = _KEYS.get((ln.get("title") or "").strip())
        c = lst(ln, "content")
        if key is None or not ln.get("run_in") or ln.get("sections") or ln.get("numbering") or len(c) != 1 \
                or not isinstance(c[0], str) or key in post:
            return None
        if key == "hours":
            m = _HOURS.match(c[0].strip())
            if m is None:
                return None
            post["hours"] = number(m.group(1))
        else:
            post[key] = c[0]
        order.append(key)
    if not order or order != [k for k in ("theme", "goals", "hours") if k in order]:
        return None
    return post
