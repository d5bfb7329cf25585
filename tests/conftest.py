"""Shared test helpers: small datasets derived from ``fixtures/valid/minimal``.

A test copies the minimal year to a temporary directory, edits it the way a
planner would (replace a line, drop a block), runs ``lkjip check`` through the
library API and looks at the findings. Every figure of the minimal year is
small and round, so expected values come from hand calculation.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

from lkjip_cli import api
from lkjip_cli.findings import Finding

# A submission must never fail CI by chance: under CI=true every property test draws
# the same examples on every run (no database of earlier failures, no deadline that a
# slow runner trips). Locally the default profile keeps exploring at random; a
# failing example it finds is kept in the test as an @example.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True, deadline=None)
CI = os.environ.get("CI", "").strip().lower() == "true"
if CI:
    settings.load_profile("ci")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Under CI=true, refuse a property test whose own settings make it random."""
    if not CI:
        return
    random = [
        item.nodeid
        for item in items
        if (
            chosen := getattr(getattr(item, "obj", None), "_hypothesis_internal_use_settings", None)
        )
        is not None
        and (not chosen.derandomize or chosen.database is not None)
    ]
    if random:
        raise pytest.UsageError("property tests not derandomized under CI: " + ", ".join(random))


FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINIMAL = FIXTURES / "valid" / "minimal"


@dataclass
class Dataset:
    """A year's directory under test, editable in place."""

    root: Path

    def path(self, file: str) -> Path:
        """The data file ``file`` (e.g. ``anggaran.yaml``)."""
        return self.root / file

    def edit(self, file: str, old: str, new: str, *, after: str = "") -> Dataset:
        """Replace the first ``old`` (which must occur) after ``after`` by ``new``.

        ``after`` picks the item: ``edit(f, "realisasi: 90.000", "realisasi: 0",
        after="nama: Rapat Koordinasi")`` changes that sub kegiatan only.
        """
        path = self.path(file)
        text = path.read_text(encoding="utf-8")
        start = text.index(after) if after else 0
        assert after in text, f"{after!r} not in {file}"
        at = text.find(old, start)
        assert at >= 0, f"{old!r} not in {file} after {after!r}"
        path.write_text(text[:at] + new + text[at + len(old) :], encoding="utf-8")
        return self

    def write(self, file: str, text: str) -> Dataset:
        """Write (or overwrite) ``file`` with ``text``."""
        path = self.path(file)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return self

    def remove(self, file: str) -> Dataset:
        """Delete ``file``."""
        self.path(file).unlink()
        return self

    def line(self, file: str, needle: str, nth: int = 1) -> int:
        """1-based line of the ``nth`` line of ``file`` containing ``needle``."""
        lines = self.path(file).read_text(encoding="utf-8").splitlines()
        hits = [i for i, text in enumerate(lines, 1) if needle in text]
        assert len(hits) >= nth, f"{needle!r} not found {nth} times in {file}"
        return hits[nth - 1]

    def check(self) -> list[Finding]:
        """Every finding of ``lkjip check`` on this directory."""
        return api.check(self.root).findings

    def rules(self) -> list[str]:
        """The rule ids found, sorted (one per finding)."""
        return sorted(f.rule for f in self.check())

    def only(self, rule: str) -> list[Finding]:
        """The findings of ``rule``."""
        return [f for f in self.check() if f.rule == rule]


def copy_dataset(source: Path, target: Path) -> Dataset:
    """Copy a fixture directory to ``target`` and wrap it."""
    shutil.copytree(source, target)
    return Dataset(target)


@pytest.fixture()
def minimal(tmp_path: Path) -> Dataset:
    """A fresh, editable copy of ``tests/fixtures/valid/minimal``."""
    return copy_dataset(MINIMAL, tmp_path / "2024")
