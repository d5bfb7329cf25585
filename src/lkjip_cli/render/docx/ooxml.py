"""Small helpers over python-docx's oxml layer for raw WordprocessingML."""

from __future__ import annotations

from collections.abc import Sequence

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

EMU_PER_TWIP = 635
"""English Metric Units in one twip (1/20 pt); python-docx lengths are EMU."""


def el(tag: str, **attrs: str | int) -> BaseOxmlElement:
    """A new element ``tag`` (``"w:tbl"``) with ``w:``-qualified attributes."""
    element: BaseOxmlElement = OxmlElement(tag)
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), str(value))
    return element


def sub(parent: BaseOxmlElement, tag: str, **attrs: str | int) -> BaseOxmlElement:
    """Append a new child element to ``parent`` and return it."""
    child = el(tag, **attrs)
    parent.append(child)
    return child


def insert_ordered(
    parent: BaseOxmlElement, child: BaseOxmlElement, successors: Sequence[str]
) -> BaseOxmlElement:
    """Insert ``child`` before the first existing element named in ``successors``.

    The WordprocessingML schema fixes the order of children (Word refuses some
    files that break it), so a late addition must be placed, not appended.
    """
    for tag in successors:
        found = parent.find(qn(tag))
        if found is not None:
            found.addprevious(child)
            return child
    parent.append(child)
    return child


def twips(cm: float) -> int:
    """Centimetres → twips (1/1440 inch)."""
    return round(cm * 1440 / 2.54)


def add_text(
    p: BaseOxmlElement,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    size_pt: float | None = None,
) -> BaseOxmlElement:
    """Append a run with ``text`` to paragraph ``p``; ``\\n`` becomes a line break."""
    r = sub(p, "w:r")
    if bold or italic or underline or size_pt is not None:
        rpr = sub(r, "w:rPr")
        if bold:
            sub(rpr, "w:b")
            sub(rpr, "w:bCs")
        if italic:
            sub(rpr, "w:i")
            sub(rpr, "w:iCs")
        if size_pt is not None:
            sub(rpr, "w:sz", val=round(size_pt * 2))
            sub(rpr, "w:szCs", val=round(size_pt * 2))
        if underline:  # after w:sz in the schema's order
            sub(rpr, "w:u", val="single")
    # CT_R.text turns "\n" into <w:br/> and "\t" into <w:tab/>.
    r.text = text
    return r


def paragraph(
    style_id: str | None = None,
    align: str | None = None,
    *,
    keep_next: bool = False,
) -> BaseOxmlElement:
    """A new ``w:p`` with an optional style id, justification and keep-with-next."""
    p = el("w:p")
    if style_id is not None or align is not None or keep_next:
        set_ppr(p, style_id=style_id, align=align, keep_next=keep_next)
    return p


def set_ppr(
    p: BaseOxmlElement,
    *,
    style_id: str | None = None,
    align: str | None = None,
    keep_next: bool = False,
    outline_level: int | None = None,
) -> BaseOxmlElement:
    """Set paragraph properties on ``p`` in schema order; return its ``w:pPr``."""
    ppr: BaseOxmlElement = p.get_or_add_pPr()
    if style_id is not None:
        ppr.get_or_add_pStyle().set(qn("w:val"), style_id)
    if keep_next:
        ppr.get_or_add_keepNext()
    if align is not None:
        ppr.get_or_add_jc().set(qn("w:val"), JC[align])
    if outline_level is not None:
        ppr.get_or_add_outlineLvl().set(qn("w:val"), str(outline_level))
    return ppr


JC = {"left": "left", "center": "center", "right": "right", "justify": "both"}
"""Block alignments → ``w:jc`` values."""
