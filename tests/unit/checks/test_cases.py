"""The datasets of ``tests/fixtures/invalid/<case>/``: each must produce exactly its codes.

A case is the minimal year plus the edits of its ``case.yaml``; ``expect`` lists
the rule id of every finding (one entry per finding, in any order). The valid
datasets of ``tests/fixtures/valid/`` must produce no finding.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import FIXTURES, MINIMAL, copy_dataset

CASES = sorted(p.parent for p in (FIXTURES / "invalid").glob("*/case.yaml"))


def _case(path: Path) -> dict[str, Any]:
    data = yaml.safe_load((path / "case.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_invalid_case_produces_its_codes(case: Path, tmp_path: Path) -> None:
    spec = _case(case)
    dataset = copy_dataset(MINIMAL, tmp_path / case.name)
    for edit in spec["edits"]:
        dataset.edit(edit["file"], edit["old"], edit["new"], after=edit.get("after", ""))
    assert dataset.rules() == sorted(spec["expect"])


def test_there_are_invalid_cases() -> None:
    assert len(CASES) >= 10


def test_minimal_is_clean(tmp_path: Path) -> None:
    assert copy_dataset(MINIMAL, tmp_path / "minimal").check() == []
