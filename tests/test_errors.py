"""The operating system's refusals reach the user in their language, never as strerror's English."""

from __future__ import annotations

import errno
import re

import pytest

from plancc.catalog import table
from plancc.errors import describe_os_error

KNOWN = sorted(k[3:] for k in table("zh") if k.startswith("os.E") and hasattr(errno, k[3:]))


@pytest.mark.parametrize("name", KNOWN)
def test_each_known_refusal_has_chinese_and_english_words(name):
    exc = OSError(getattr(errno, name), "English words from the system")
    zh, en = describe_os_error(exc, "zh"), describe_os_error(exc, "en")
    assert re.search(r"[\u4e00-\u9fff]", zh) and "English" not in zh
    assert "English" not in en and en


def test_an_unlisted_errno_is_named_not_described_in_english():
    exc = OSError(errno.ECHILD, "No child processes")
    assert describe_os_error(exc, "zh") == "系统错误 ECHILD"
    assert describe_os_error(OSError("no errno at all"), "zh") == "系统错误"
