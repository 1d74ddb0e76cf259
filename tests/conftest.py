"""Shared fixtures."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import os

import pytest
from hypothesis import settings

from support import SHARED_DATA, LocalServer

# In CI the property tests replay the same examples every run: a landing must not depend on a draw.
# On a developer's machine they keep exploring new examples.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI") == "true":
    settings.load_profile("ci")


@pytest.fixture
def server() -> Iterator[LocalServer]:
    local = LocalServer()
    local.thread.start()
    yield local
    local.httpd.shutdown()
    local.httpd.server_close()


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"the real documents are not here: {SHARED_DATA} is absent (clone beside ../shared)")
    return SHARED_DATA
