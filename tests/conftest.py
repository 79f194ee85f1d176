"""Fixtures shared by every test; the helpers themselves live in sitekit.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitekit import write_archive


@pytest.fixture
def archive_dir(tmp_path: Path) -> Path:
    """A valid two-language archive with one interview."""
    return write_archive(tmp_path)
