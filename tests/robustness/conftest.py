"""Fixtures of the bad-input suite: a scratch copy of data/2024 and a previous report."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .harness import OUT, build, seed_previous, snapshot, workspace


@pytest.fixture(autouse=True)
def _calm_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    # LKJIP_DEBUG would let a traceback through on purpose; NO_COLOR keeps text plain.
    monkeypatch.delenv("LKJIP_DEBUG", raising=False)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")


@pytest.fixture(scope="session")
def previous_report() -> dict[str, bytes]:
    """The files of a good 2024 build, as a previous report sitting in the output directory."""
    with workspace():
        outcome = build()
        assert outcome.exit_code == 0, outcome.text
        return {name: data for name, (data, _) in snapshot(OUT).items()}


@pytest.fixture()
def year() -> Iterator[Path]:
    """A scratch working directory with ``data/2024``; the test runs inside it."""
    with workspace() as root:
        yield root


@pytest.fixture()
def previous(year: Path, previous_report: dict[str, bytes]) -> dict[str, tuple[bytes, int]]:
    """The previous report in ``keluaran/`` of the scratch directory: its snapshot."""
    return seed_previous(previous_report, year / OUT)
