"""Signature blocks: one on its own, or two side by side in a borderless table."""

from __future__ import annotations

from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from lkjip_cli.render.blocks import Signature, Signatures
from lkjip_cli.render.docx import styles
from lkjip_cli.render.docx.ooxml import add_text, el, paragraph, sub

SIGNING_LINES = 3
"""Empty lines left for the signature and stamp."""


def signature_paragraphs(signature: Signature, text_width: int | None) -> list[BaseOxmlElement]:
    """The block's lines, each centred on the half of the page given by ``align``.

    With ``text_width`` None (inside a table cell) the lines are just centred.
    Every line but the last keeps with the next so the block never splits.
    """
    lines: list[tuple[str, bool]] = [(text, False) for text in signature.lines_above]
    lines += [("", False)] * SIGNING_LINES
    lines.append((signature.name, True))
    lines += [(text, False) for text in signature.below]
    result = []
    for position, (text, is_name) in enumerate(lines):
        p = paragraph(styles.SIGNATURE, keep_next=position < len(lines) - 1)
        if text_width is not None and signature.align != "center":
            half = text_width // 2
            side = "left" if signature.align == "right" else "right"
            p.pPr.get_or_add_ind().set(qn(f"w:{side}"), str(half))
        if text:
            add_text(p, text, bold=is_name, underline=is_name)
        result.append(p)
    return result


def signatures_table(signatures: Signatures, text_width: int) -> BaseOxmlElement:
    """Two signature blocks, left and right, in a borderless one-row table."""
    half = text_width // 2
    tbl = el("w:tbl")
    tbl_pr = sub(tbl, "w:tblPr")
    sub(tbl_pr, "w:tblStyle", val=styles.LAYOUT_TABLE)
    sub(tbl_pr, "w:tblW", w=half * 2, type="dxa")
    sub(tbl_pr, "w:jc", val="center")
    sub(tbl_pr, "w:tblLayout", type="fixed")
    sub(
        tbl_pr,
        "w:tblLook",
        val="0600",
        firstRow="0",
        lastRow="0",
        firstColumn="0",
        lastColumn="0",
        noHBand="1",
        noVBand="1",
    )
    grid = sub(tbl, "w:tblGrid")
    sub(grid, "w:gridCol", w=half)
    sub(grid, "w:gridCol", w=half)
    tr = sub(tbl, "w:tr")
    sub(sub(tr, "w:trPr"), "w:cantSplit")
    for signature in (signatures.left, signatures.right):
        tc = sub(tr, "w:tc")
        sub(sub(tc, "w:tcPr"), "w:tcW", w=half, type="dxa")
        for p in signature_paragraphs(signature, None):
            tc.append(p)
    return tbl
