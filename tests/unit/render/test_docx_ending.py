"""The document's end: no blank last page after a table that fills the page."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.ns import qn

from conftest import MINIMAL
from lkjip_cli import api


def test_the_paragraph_after_the_last_table_is_one_point_high(tmp_path: Path) -> None:
    """A body ends with a paragraph; after the cascade's table it must not fill a page.

    Before, it had the table text's height and spacing: when the cascade's last
    page was full (an inspectorate's cascade), LibreOffice and Word put it on a
    page of its own, blank but for the header and the page number.
    """
    result = api.build(MINIMAL, tmp_path, ("docx",))
    assert not [f for f in result.findings if f.severity == "error"]
    body = docx.Document(str(tmp_path / "lkjip-2024.docx")).element.body
    last = body.sectPr.getprevious()
    assert last.tag == qn("w:p") and last.getprevious().tag == qn("w:tbl")
    spacing = last.pPr.find(qn("w:spacing"))
    assert spacing is not None
    assert spacing.get(qn("w:line")) == "20" and spacing.get(qn("w:lineRule")) == "exact"
    assert spacing.get(qn("w:before")) == "0" and spacing.get(qn("w:after")) == "0"
