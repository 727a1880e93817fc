"""Suppression comments: same line, line above, whole file; reasons required; unused reported."""

from tests.helpers import MINIMAL, check, codes, only
from tests.helpers import UNBALANCED_HOURS as SUMS


def test_same_line_suppression_with_reason_hides_and_counts_the_finding():
    report = check(SUMS.replace("required: 90", "required: 90  # plancc: ignore[PL201] 公需学时按省里口径另计"))
    [d] = only(report, "PL201")
    assert d.suppressed
    assert "PL010" not in codes(report) and "PL011" not in codes(report)
    assert report.errors == 0


def test_comment_on_its_own_line_covers_the_next_line():
    text = SUMS.replace("  required: 90", "  # plancc: ignore[PL201] 公需另计\n  required: 90")
    assert only(check(text), "PL201")[0].suppressed


def test_file_wide_suppression():
    text = "# plancc: ignore-file[PL201] 原文照录\n" + SUMS
    assert only(check(text), "PL201")[0].suppressed


def test_a_suppression_without_a_reason_is_reported_but_still_suppresses():
    report = check(SUMS.replace("required: 90", "required: 90  # plancc: ignore[PL201]"))
    assert only(report, "PL201")[0].suppressed
    [d] = only(report, "PL010")
    assert d.severity.value == "warning" and d.line == 5


def test_a_suppression_that_matches_nothing_is_reported():
    report = check(SUMS.replace("required: 90", "required: 90  # plancc: ignore[PL203] 没有这个问题"))
    [d] = only(report, "PL011")
    assert "PL203" in d.message
    assert not only(report, "PL201")[0].suppressed


def test_an_invalid_code_is_reported():
    report = check(SUMS.replace("required: 90", "required: 90  # plancc: ignore[weights] 原因"))
    assert "PL011" in codes(report)


def test_structural_errors_cannot_be_suppressed_and_skipped_rules_are_not_unused():
    text = MINIMAL.replace("  title:", "  titel:  # plancc: ignore[PL101] 试图忽略\n  title:") + "hours: {required: 1}  # plancc: ignore[PL201] 原因\n"
    report = check(text)
    assert any(d.code == "PL101" and not d.suppressed for d in report.diagnostics)
    [d] = only(report, "PL011")  # PL101 cannot be suppressed; the PL201 comment is not "unused" (rules were partial)
    assert "PL101" in d.message and d.line == 3


def test_suppressed_findings_are_counted_in_the_text_summary():
    from plancc.report.text import render_text

    report = check(SUMS.replace("required: 90", "required: 90  # plancc: ignore[PL201] 公需另计"))
    out = render_text([report])
    assert "1 个已按注释抑制" in out
    assert "PL201" not in out.split("检查了")[0]
