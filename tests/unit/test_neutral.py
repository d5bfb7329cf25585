"""The package knows no agency: one agency's sector words belong in its data."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ONE_AGENCY = re.compile(r"pmks|bansos|psks|fakir|insentif|\bspm\b|sosial|blitar", re.IGNORECASE)
"""Words of the worked example's agency (Dinas Sosial Kabupaten Blitar) and its sector."""
TEXT = {".py", ".j2", ".yaml", ".md", ".css", ".toml"}


def test_no_file_of_the_package_or_its_templates_names_one_agency() -> None:
    named = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for folder in (ROOT / "src", ROOT / "templates")
        for path in sorted(folder.rglob("*"))
        if path.suffix in TEXT and "__pycache__" not in path.parts
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if ONE_AGENCY.search(line)
    ]
    assert named == []
