"""Column widths from the content (plancc.layout.columns)."""

from plancc.layout import ir
from plancc.layout.columns import size_columns
from plancc.layout.metrics import Metrics


def _widths(titles, rows):
    widths, _ = size_columns(titles, [[ir.Cell(t) for t in r] for r in rows], None, Metrics())
    return widths


def test_a_table_of_short_columns_shares_the_line_by_its_content():
    """No column of 日期 | 内容 | 学时 needs more than a few characters: the spare width goes to all of
    them by their widths, not to the one a little short of its text (it took 74 % of the line)."""
    w = _widths(["日期", "内容", "学时"], [["3月1日", "开班仪式", "2"], ["3月2日", "专题讲座", "4"]])
    assert sum(w) == Metrics().table_width
    assert max(w) < 0.5 * sum(w)
    assert w[2] < w[0] < w[1]  # the shortest content the narrowest, the longest the widest


def test_a_long_column_still_takes_the_room_it_wants():
    long = "组织教师参加暑期线上学习，完成学习任务，并撰写学习心得体会一篇，在教研组内交流分享。"
    w = _widths(["序号", "任务"], [["1", long], ["2", long]])
    assert w[1] > 3 * w[0]
