"""Signature blocks: one on its own, or two side by side in a borderless table."""

from __future__ import annotations

from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from lkjip_cli.render.blocks import Signature, Signatures
from lkjip_cli.render.colwidths import NBSP
from lkjip_cli.render.docx import styles
from lkjip_cli.render.docx.ooxml import add_text, el, paragraph, sub
from lkjip_cli.render.metrics import text_width as measure

SIGNING_LINES = 3
"""Empty lines left for the signature and stamp."""
SIGNATURE_PT = 11.0
"""Font size of the ``TandaTangan`` style (the template's default size)."""
CELL_MARGIN = 57
"""Left (and right) cell margin of the borderless layout table style, in twips."""
COLON_GAP = 120
"""Twips between the longest label of the dated lines and their colons."""
SLACK = 60
"""Twips kept beside an unwrapped line for the renderer's rounding (3 pt): without it
a name measured to the exact room wraps its last character (``M.Eng.Sc`` / ``.``)."""


def unbroken(text: str) -> str:
    """``text`` with non-breaking spaces: a name and its degrees stay on one line."""
    return text.replace(" ", NBSP)


def _unbroken_lines(signature: Signature) -> list[tuple[str, bool]]:
    """The lines that must not wrap, each with whether it is bold: the name and the NIP."""
    return [(signature.name, True), *((line, False) for line in signature.below)]


def needed_width(signature: Signature) -> int:
    """Twips the widest unwrapped line of ``signature`` needs (a dated line included)."""
    widest = max(measure(text, SIGNATURE_PT, bold) for text, bold in _unbroken_lines(signature))
    if signature.dated:
        label = max(measure(label, SIGNATURE_PT, False) for label, _ in signature.dated)
        value = max(measure(f": {value}", SIGNATURE_PT, False) for _, value in signature.dated)
        widest = max(widest, label + COLON_GAP / 20 + value)
    return round(widest * 20) + SLACK


def least_width(signature: Signature) -> int:
    """Twips the widest word of ``signature`` needs: narrower, a word of it breaks."""
    lines = [*((t, False) for t in signature.lines_above), *_unbroken_lines(signature)]
    widest = max(
        (measure(word, SIGNATURE_PT, bold) for text, bold in lines for word in text.split()),
        default=0,
    )
    return round(widest * 20) + SLACK


def _fits(text: str, bold: bool, room: int | None) -> bool:
    return room is None or round(measure(text, SIGNATURE_PT, bold) * 20) + SLACK <= room


def signature_paragraphs(
    signature: Signature, text_width: int | None, *, cell_width: int | None = None
) -> list[BaseOxmlElement]:
    """The block's lines, each centred on the half of the page given by ``align``.

    With ``text_width`` None (inside a table cell ``cell_width`` twips wide, less
    its margins) the lines are just centred. The name and the NIP never wrap,
    unless wider than their room: then they wrap between words, never inside one.
    Every line but the last keeps with the next so the block never splits.
    """
    # Half the page, less when the name would not fit on the half.
    half = 0
    if text_width is not None and signature.align != "center":
        half = max(0, min(text_width // 2, text_width - needed_width(signature)))
    room = cell_width if text_width is None else text_width - half
    lines: list[tuple[str, bool]] = [(text, False) for text in signature.lines_above]
    lines += [("", False)] * SIGNING_LINES
    lines += [
        (unbroken(text) if _fits(text, bold, room) else text, bold)
        for text, bold in _unbroken_lines(signature)
    ]
    result = dated_paragraphs(signature, half if signature.align == "right" else 0)
    for position, (text, is_name) in enumerate(lines):
        p = paragraph(styles.SIGNATURE, keep_next=position < len(lines) - 1)
        if half:
            side = "left" if signature.align == "right" else "right"
            p.pPr.get_or_add_ind().set(qn(f"w:{side}"), str(half))
        if text:
            add_text(p, text, bold=is_name, underline=is_name)
        result.append(p)
    return result


def dated_paragraphs(signature: Signature, indent: int) -> list[BaseOxmlElement]:
    """The ``Ditetapkan di : …`` lines: from ``indent``, their colons on one tab stop."""
    if not signature.dated:
        return []
    widest = max(measure(label, SIGNATURE_PT, False) for label, _ in signature.dated)
    stop = indent + round(widest * 20) + COLON_GAP
    result = []
    for label, value in signature.dated:
        p = paragraph(styles.SIGNATURE, "left", keep_next=True)
        tabs = p.pPr.get_or_add_tabs()
        sub(tabs, "w:tab", val="left", pos=stop)
        p.pPr.get_or_add_ind().set(qn("w:left"), str(indent))
        add_text(p, f"{label}\t: {value}")
        result.append(p)
    return result


def signatures_table(signatures: Signatures, text_width: int) -> BaseOxmlElement:
    """Two signature blocks, left and right, in a borderless one-row table.

    Half the width each, unless a name needs more; then it gets what it needs,
    as long as the other side keeps room for its widest word (its name wraps).
    """
    pair = (signatures.left, signatures.right)
    left_need, right_need = (needed_width(s) + 2 * CELL_MARGIN for s in pair)
    left_least, right_least = (least_width(s) + 2 * CELL_MARGIN for s in pair)
    left = text_width // 2
    if right_need > text_width - left:
        left = max(text_width - right_need, min(left_least, text_width // 2))
    elif left_need > left:
        left = min(left_need, text_width - min(right_least, text_width // 2))
    widths = (left, text_width - left)
    tbl = el("w:tbl")
    tbl_pr = sub(tbl, "w:tblPr")
    sub(tbl_pr, "w:tblStyle", val=styles.LAYOUT_TABLE)
    sub(tbl_pr, "w:tblW", w=text_width, type="dxa")
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
    for width in widths:
        sub(grid, "w:gridCol", w=width)
    tr = sub(tbl, "w:tr")
    sub(sub(tr, "w:trPr"), "w:cantSplit")
    for signature, width in zip((signatures.left, signatures.right), widths, strict=True):
        tc = sub(tr, "w:tc")
        sub(sub(tc, "w:tcPr"), "w:tcW", w=width, type="dxa")
        for p in signature_paragraphs(signature, None, cell_width=width - 2 * CELL_MARGIN):
            tc.append(p)
    return tbl
