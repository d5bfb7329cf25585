"""Numbered and bulleted lists as real Word numbering (``numbering.xml``).

Each top-level :class:`ListBlock` gets its own abstract numbering and
``w:num``, so every list starts again at its own ``start``; nested lists
are the next level of the same numbering and restart under each item.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping

from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from lkjip_cli.render.blocks import ListBlock
from lkjip_cli.render.colwidths import bind_rupiah
from lkjip_cli.render.docx import styles
from lkjip_cli.render.docx.fields import add_prose
from lkjip_cli.render.docx.ooxml import el, paragraph, sub

MAX_DEPTH = 9
"""Word numbering has nine levels."""

INDENT = 425
"""Twips each level indents (0.75 cm); the marker hangs in that space."""

BULLETS = ("•", "–", "▪")
_DEFAULT_MARKERS = ("decimal", "lower-alpha")
_FORMATS = {"decimal": "decimal", "lower-alpha": "lowerLetter", "bullet": "bullet"}
_OWN_MARKER = re.compile(r"((?:[A-Za-z]|\d{1,2}|[IVXL]+)[.)]) +")
"""An item that brings its own marker: ``A. Visi dan Misi``, ``2) Sasaran``."""


def _marker(block: ListBlock) -> str:
    return block.marker if block.ordered else "bullet"


def _levels(block: ListBlock) -> list[tuple[str, int]]:
    """(marker, start) of each of the nine depths: the first list met at a depth decides."""
    found: dict[int, tuple[str, int]] = {}

    def walk(lst: ListBlock, depth: int) -> None:
        if depth >= MAX_DEPTH:
            return
        found.setdefault(depth, (_marker(lst), lst.start))
        for item in lst.items:
            if item.children is not None:
                walk(item.children, depth + 1)

    walk(block, 0)
    # All nine levels are defined, so indenting an item further in Word still numbers it.
    return [found.get(d, (_DEFAULT_MARKERS[d % 2], 1)) for d in range(MAX_DEPTH)]


class Numbering:
    """Adds numbering definitions to the document's numbering part."""

    def __init__(self, numbering: BaseOxmlElement) -> None:
        self.numbering = numbering

    def _next_id(self, tag: str, attr: str) -> int:
        ids = [int(e.get(qn(attr), "0")) for e in self.numbering.findall(qn(tag))]
        return max(ids, default=0) + 1

    def add(self, block: ListBlock) -> int:
        """Define the numbering of ``block`` and its nested lists; return its numId."""
        abstract_id = self._next_id("w:abstractNum", "w:abstractNumId")
        abstract = el("w:abstractNum", abstractNumId=abstract_id)
        sub(abstract, "w:multiLevelType", val="hybridMultilevel")
        for depth, (marker, start) in enumerate(_levels(block)):
            abstract.append(_level(depth, marker, start))
        # Schema order: every abstractNum precedes the first num.
        first_num = self.numbering.find(qn("w:num"))
        if first_num is None:
            self.numbering.append(abstract)
        else:
            first_num.addprevious(abstract)
        num_id = self._next_id("w:num", "w:numId")
        num = sub(self.numbering, "w:num", numId=num_id)
        sub(num, "w:abstractNumId", val=abstract_id)
        return num_id


def _level(depth: int, marker: str, start: int) -> BaseOxmlElement:
    lvl = el("w:lvl", ilvl=depth)
    sub(lvl, "w:start", val=start)
    sub(lvl, "w:numFmt", val=_FORMATS[marker])
    text = BULLETS[depth % len(BULLETS)] if marker == "bullet" else f"%{depth + 1}."
    sub(lvl, "w:lvlText", val=text)
    sub(lvl, "w:lvlJc", val="left")
    ppr = sub(lvl, "w:pPr")
    sub(ppr, "w:ind", left=INDENT * (depth + 1), hanging=INDENT)
    return lvl


def list_paragraphs(
    block: ListBlock, num_id: int, refs: Mapping[str, str] | None = None, depth: int = 0
) -> list[BaseOxmlElement]:
    """The paragraphs of ``block``'s items, nested lists one level deeper.

    ``refs``: caption labels → bookmarks, mentions become REF fields (fields.add_prose).
    """
    family = styles.LIST_NUMBER if block.ordered else styles.LIST_BULLET
    style_id = family[min(depth, len(family) - 1)]
    level = min(depth, MAX_DEPTH - 1)
    result = []
    for item in block.items:
        p = paragraph(style_id)
        runs = list(item.runs)
        own = _OWN_MARKER.match(runs[0].text) if runs and not block.ordered else None
        if own is not None:
            # "• A. Visi dan Misi" would print two markers: the item's own one hangs
            # where the bullet would, and the bullet goes.
            sub(p.pPr, "w:ind", left=INDENT * (level + 1), hanging=INDENT)
            text = f"{own.group(1)}\t{runs[0].text[own.end() :]}"
            runs[0] = dataclasses.replace(runs[0], text=text)
        else:
            # appended in schema order after pStyle: python-docx's get_or_add_* search
            # every successor and were three quarters of a long list's time
            num_pr = sub(p.pPr, "w:numPr")
            sub(num_pr, "w:ilvl", val=level)
            sub(num_pr, "w:numId", val=num_id)
        for run in runs:
            add_prose(p, bind_rupiah(run.text), refs or {}, bold=run.bold, italic=run.italic)
        result.append(p)
        if item.children is not None:
            result.extend(list_paragraphs(item.children, num_id, refs, depth + 1))
    return result
