"""Small helpers over python-docx's oxml layer for raw WordprocessingML."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from docx.oxml.ns import NamespacePrefixedTag, qn
from docx.oxml.parser import oxml_parser
from docx.oxml.xmlchemy import BaseOxmlElement
from lxml import etree

_XML_SPACE = qn("xml:space")
EMU_PER_TWIP = 635
"""English Metric Units in one twip (1/20 pt); python-docx lengths are EMU."""


@functools.cache
def _tag(tag: str) -> tuple[str, dict[str, str]]:
    """``"w:tbl"`` → its Clark name and namespace map (what OxmlElement computes each time)."""
    prefixed = NamespacePrefixedTag(tag)
    return prefixed.clark_name, prefixed.nsmap


@functools.cache
def _attribute(name: str) -> str:
    return qn(f"w:{name}")


def el(tag: str, **attrs: str | int) -> BaseOxmlElement:
    """A new element ``tag`` (``"w:tbl"``) with ``w:``-qualified attributes."""
    # python-docx's OxmlElement, with the tag's names looked up once: a large
    # report makes a million elements, and parsing "w:tc" each time was a third
    # of the writer's time.
    clark, nsmap = _tag(tag)
    element: BaseOxmlElement = oxml_parser.makeelement(clark, nsmap=nsmap)
    for name, value in attrs.items():
        element.set(_attribute(name), str(value))
    return element


def sub(parent: BaseOxmlElement, tag: str, **attrs: str | int) -> BaseOxmlElement:
    """Append a new child element to ``parent`` and return it."""
    # SubElement takes the parent's namespaces: half the cost of a new element + append.
    child: BaseOxmlElement = etree.SubElement(parent, _tag(tag)[0])
    for name, value in attrs.items():
        child.set(_attribute(name), str(value))
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
    if "\n" in text or "\t" in text or "\r" in text:
        # CT_R.text turns "\n" into <w:br/> and "\t" into <w:tab/>.
        r.text = text
    elif text:
        # What CT_R.text makes of plain text, without its XPath and per-character loop.
        t = sub(r, "w:t")
        t.text = text
        if text != text.strip():
            t.set(_XML_SPACE, "preserve")
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
        # A new paragraph: append in schema order (pStyle, keepNext, jc) rather than
        # python-docx's get_or_add_*, which searches every successor each time and
        # was half of the DOCX writer's time.
        ppr = sub(p, "w:pPr")
        if style_id is not None:
            sub(ppr, "w:pStyle", val=style_id)
        if keep_next:
            sub(ppr, "w:keepNext")
        if align is not None:
            sub(ppr, "w:jc", val=JC[align])
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
