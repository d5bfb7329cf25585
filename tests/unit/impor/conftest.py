"""Fixtures of the import tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .sheets import ROOT


@pytest.fixture
def year(tmp_path: Path) -> Path:
    """A copy of data/2024 to import into."""
    target = tmp_path / "data" / "2024"
    shutil.copytree(ROOT / "data" / "2024", target)
    return target
