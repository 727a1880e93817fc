"""Suite-wide test settings.

PDF tests convert documents with LibreOffice. Locally they skip when it is
not installed; in CI (PLANCC_REQUIRE_PDF=1) a missing LibreOffice fails them.
"""

from __future__ import annotations

import os
import shutil

import pytest


def has_soffice() -> bool:
    return bool(shutil.which("soffice") or shutil.which("libreoffice"))


def require_soffice() -> None:
    if has_soffice():
        return
    if os.environ.get("PLANCC_REQUIRE_PDF"):
        pytest.fail("LibreOffice (soffice) is required for the PDF tests but is not installed")
    pytest.skip("LibreOffice (soffice) is not installed")
