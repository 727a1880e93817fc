"""Suite-wide test settings.

PDF tests convert documents with LibreOffice. Locally they skip when it is
not installed; in CI (PLANCC_REQUIRE_PDF=1) a missing LibreOffice fails them.
"""

from __future__ import annotations

import os
import shutil

import pytest


@pytest.fixture(autouse=True, scope="session")
def _private_template_cache(tmp_path_factory):
    """Compiled templates go to a folder of this run, not the user's ~/.cache
    (subprocesses inherit the variable)."""
    old = os.environ.get("PLANCC_CACHE_DIR")
    os.environ["PLANCC_CACHE_DIR"] = str(tmp_path_factory.mktemp("template-cache"))
    yield
    if old is None:
        os.environ.pop("PLANCC_CACHE_DIR", None)
    else:
        os.environ["PLANCC_CACHE_DIR"] = old


def has_soffice() -> bool:
    return bool(shutil.which("soffice") or shutil.which("libreoffice"))


def require_soffice() -> None:
    if has_soffice():
        return
    if os.environ.get("PLANCC_REQUIRE_PDF"):
        pytest.fail("LibreOffice (soffice) is required for the PDF tests but is not installed")
    pytest.skip("LibreOffice (soffice) is not installed")
