"""Fixtures for the layout tests."""

from __future__ import annotations

import pytest

from plancc.layout.profile import Profile, load_profile


@pytest.fixture(scope="session")
def profile() -> Profile:
    return load_profile()
