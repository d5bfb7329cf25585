"""What the writer decides before writing: bookmarks, index entries, SEQ restarts.

An index (Daftar Isi) comes before the headings it lists, so the bookmarks it
links to are named up front, by position in ``Dokumen.blocks``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lkjip_cli.render.blocks import Dokumen, Figure, Heading, Table
from lkjip_cli.render.docx.fields import split_number

TOC_LEVELS = 3
"""Heading levels listed in the table of contents (``TOC \\o "1-3"``)."""

TABLE_KIND = "Tabel"
FIGURE_KIND = "Gambar"


@dataclass(frozen=True)
class Anchor:
    """A bookmark: Word's ``_Toc…`` name and its numeric id."""

    name: str
    id: int


@dataclass(frozen=True)
class Entry:
    """One line of an index: level, text, the bookmark it points to."""

    level: int
    text: str
    anchor: Anchor


@dataclass
class Plan:
    """Bookmarks and index entries of a document, keyed by block position."""

    anchors: dict[int, Anchor] = field(default_factory=dict)
    restarts: dict[int, int] = field(default_factory=dict)
    """Block position → value of the ``\\r`` switch of its caption's SEQ field."""
    toc: list[Entry] = field(default_factory=list)
    tables: list[Entry] = field(default_factory=list)
    figures: list[Entry] = field(default_factory=list)
    labels: dict[int, Anchor] = field(default_factory=dict)
    """Block position → the ``_Ref…`` bookmark on its caption's label and number."""
    refs: dict[str, str] = field(default_factory=dict)
    """A caption's label and number (``Tabel 3.8``) → the name of that bookmark."""
    pages: dict[str, str] = field(default_factory=dict)
    """``_Toc`` bookmark → its page as LibreOffice numbered it (indexes.page_numbers)."""


def heading_text(heading: Heading) -> str:
    """A heading as one line: ``BAB I PENDAHULUAN``."""
    return f"{heading.label} {heading.text}" if heading.label else heading.text


def caption_text(kind: str, number: str, caption: str) -> str:
    """A caption as one line: ``Tabel 1.1 Jumlah Pegawai``."""
    return f"{kind} {number} {caption}".rstrip()


def make_plan(dok: Dokumen) -> Plan:
    """Name a bookmark for every listed heading and caption, in document order."""
    plan = Plan()
    previous: dict[str, tuple[str, int]] = {}

    def anchor(position: int) -> Anchor:
        # Word names TOC bookmarks "_Toc" + digits; sequential keeps output stable.
        a = Anchor(f"_Toc{100000001 + len(plan.anchors)}", len(plan.anchors) + 1)
        plan.anchors[position] = a
        return a

    def restart(position: int, kind: str, number: str) -> None:
        parts = split_number(number)
        if parts is None:
            return
        if previous.get(kind) != (parts[0], parts[1] - 1):
            plan.restarts[position] = parts[1]
        previous[kind] = parts

    for position, block in enumerate(dok.blocks):
        if isinstance(block, Heading) and block.in_toc and block.level <= TOC_LEVELS:
            plan.toc.append(Entry(block.level, heading_text(block), anchor(position)))
        elif isinstance(block, Table) and block.number:
            text = caption_text(TABLE_KIND, block.number, block.caption or "")
            plan.tables.append(Entry(1, text, anchor(position)))
            restart(position, TABLE_KIND, block.number)
        elif isinstance(block, Figure) and block.number:
            text = caption_text(FIGURE_KIND, block.number, block.caption)
            plan.figures.append(Entry(1, text, anchor(position)))
            restart(position, FIGURE_KIND, block.number)
    _label_bookmarks(dok, plan)
    return plan


def _label_bookmarks(dok: Dokumen, plan: Plan) -> None:
    """A ``_Ref`` bookmark on each countable caption number that the prose can refer to.

    Named as Word names the bookmarks of its cross-references; ids follow the
    ``_Toc`` ones. A number given twice keeps its first caption.
    """
    for position, block in enumerate(dok.blocks):
        if not isinstance(block, Table | Figure) or not block.number:
            continue
        if split_number(block.number) is None:
            continue
        label = f"{TABLE_KIND if isinstance(block, Table) else FIGURE_KIND} {block.number}"
        if label in plan.refs:
            continue
        serial = len(plan.anchors) + len(plan.labels) + 1
        anchor = Anchor(f"_Ref{200000000 + len(plan.labels) + 1}", serial)
        plan.labels[position] = anchor
        plan.refs[label] = anchor.name
