"""The 2024 report in Markdown against its reviewed golden file.

A change to data, narratives, tables or the writer shows up here as a diff to
review; accept it with ``LKJIP_UPDATE_GOLDEN=1 pytest tests/test_golden_report.py``.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

from lkjip_cli.api import check
from lkjip_cli.render.document import build_document
from lkjip_cli.render.markdown import write_markdown

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden" / "lkjip-2024.md"


def test_2024_report_matches_the_reviewed_golden_markdown() -> None:
    result = check(ROOT / "data" / "2024")
    assert result.data is not None and result.report is not None
    dok, findings = build_document(result.data, result.report)
    assert dok is not None, findings
    markdown, _ = write_markdown(dok)
    if os.environ.get("LKJIP_UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(markdown, encoding="utf-8", newline="\n")
    expected = GOLDEN.read_text(encoding="utf-8")
    if markdown != expected:
        diff = "".join(
            list(
                difflib.unified_diff(
                    expected.splitlines(True), markdown.splitlines(True), "golden", "built"
                )
            )[:80]
        )
        raise AssertionError(f"the 2024 Markdown changed; review and accept:\n{diff}")
