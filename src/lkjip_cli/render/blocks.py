"""The report as a tree of blocks: the one contract between the builder and writers.

:mod:`lkjip_cli.render.document` turns the Report and the narratives into a
:class:`Dokumen` of blocks; each writer (Markdown, HTML, DOCX) renders these
blocks and knows nothing about the data. Tables and figures carry their
number already resolved (``"3.8"``), so every format numbers alike.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from lkjip_cli.render.graphics import Chart, Diagram
from lkjip_cli.render.pictures import Picture

Align = Literal["left", "center", "right", "justify"]


@dataclass(frozen=True)
class Run:
    """A piece of inline text with emphasis."""

    text: str
    bold: bool = False
    italic: bool = False


Runs = tuple[Run, ...]


def plain(text: str) -> Runs:
    """Runs of one plain piece of text."""
    return (Run(text),)


@dataclass(frozen=True)
class Heading:
    """A heading. Level 1 is a chapter (BAB I / Kata Pengantar), 2–4 its sections."""

    level: int
    text: str
    label: str | None = None
    """Chapter label shown above the title (e.g. ``BAB I``), level 1 only."""
    in_toc: bool = True


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of body text."""

    runs: Runs
    align: Align = "justify"
    style: Literal["body", "cover", "cover-title", "center-bold", "small"] = "body"


@dataclass(frozen=True)
class ListItem:
    """One list item, optionally with a nested list."""

    runs: Runs
    children: ListBlock | None = None


@dataclass(frozen=True)
class ListBlock:
    """An ordered (``1.``) or bullet (``-``) list."""

    items: tuple[ListItem, ...]
    ordered: bool = True
    start: int = 1
    marker: Literal["decimal", "lower-alpha", "bullet"] = "decimal"


@dataclass(frozen=True)
class Cell:
    """A table cell. ``text`` may hold ``\n`` line breaks (lists inside a cell)."""

    text: str
    colspan: int = 1
    rowspan: int = 1
    align: Align = "left"
    bold: bool = False


Row = tuple[Cell, ...]


@dataclass(frozen=True)
class Table:
    """A table; ``number`` and ``caption`` are empty for untitled (layout) tables.

    ``header`` rows repeat on every page in DOCX. ``widths`` give the number of
    columns and, as relative widths, a hint for formats that cannot measure text:
    the DOCX writer sizes columns from their content (:mod:`.colwidths`).
    ``bold_rows`` index body rows printed bold (totals). ``repeat_rows`` first
    body rows also repeat on every page in DOCX, printed as body rows (not shaded):
    a table whose labels are rows rather than a header (the cascade) keeps them.
    """

    header: tuple[Row, ...]
    body: tuple[Row, ...]
    widths: tuple[float, ...]
    label: str | None = None
    number: str | None = None
    caption: str | None = None
    bold_rows: frozenset[int] = frozenset()
    small: bool = False
    borders: bool = True
    repeat_rows: int = 0
    """The first body rows that repeat on every page in DOCX, like the header."""


@dataclass(frozen=True)
class Figure:
    """A chart, a diagram or a planner's picture, numbered like tables; each writer draws it."""

    content: Chart | Diagram | Picture
    label: str
    number: str
    caption: str
    width_cm: float = 15.0
    alt: str = ""


@dataclass(frozen=True)
class PageBreak:
    """Start a new page."""


@dataclass(frozen=True)
class Section:
    """Start a new page section with its orientation and page numbering."""

    orientation: Literal["portrait", "landscape"] = "portrait"
    numbering: Literal["none", "lower-roman", "decimal"] = "decimal"
    restart: bool = False
    """Restart page numbers at 1."""


@dataclass(frozen=True)
class Index:
    """A generated index: table of contents, list of tables or list of figures."""

    kind: Literal["toc", "tables", "figures"]
    title: str
    entries: tuple[tuple[int, str], ...] = ()
    """(level, text) of each entry, for formats that cannot compute pages."""


@dataclass(frozen=True)
class Signature:
    """A signature block: place and date, office, name, rank, NIP."""

    lines_above: tuple[str, ...]
    name: str
    below: tuple[str, ...] = ()
    align: Literal["left", "right", "center"] = "right"
    dated: tuple[tuple[str, str], ...] = ()
    """Label and value lines above the others, aligned on their colons
    (``Ditetapkan di : Sukamaju`` / ``Pada tanggal : 27 September 2024``)."""


@dataclass(frozen=True)
class Signatures:
    """Two signature blocks side by side (both parties of an agreement)."""

    left: Signature
    right: Signature


@dataclass(frozen=True)
class Cover:
    """The cover page: the title in its upper third, the logo in the middle, the agency
    and its address at the foot."""

    title: tuple[str, ...]
    """Its lines: ``LAPORAN KINERJA``, …, ``(LKjIP)``, ``TAHUN ANGGARAN 2024``."""
    issuer: str
    """The government the agency belongs to: ``PEMERINTAH KABUPATEN …``."""
    agency: str
    """The agency's name, as printed at the foot."""
    contact: str = ""
    """Address, telephone, website and e-mail on one line."""
    logo: Picture | None = None


@dataclass(frozen=True)
class Letterhead:
    """A letterhead (kop surat): the logo at the left, the issuer centred, a rule beneath."""

    issuer: str
    """``PEMERINTAH KABUPATEN …``."""
    agency: str
    """The agency's (short) name, printed large and bold."""
    contact: str = ""
    """Address, telephone, website and e-mail on one line."""
    logo: Picture | None = None


Block = (
    Heading
    | Paragraph
    | ListBlock
    | Table
    | Figure
    | Picture
    | PageBreak
    | Section
    | Index
    | Signature
    | Signatures
    | Cover
    | Letterhead
)


@dataclass(frozen=True)
class Dokumen:
    """The whole report: metadata and blocks in order."""

    title: str
    subject: str
    author: str
    date: dt.date
    paper: Literal["A4", "F4"]
    blocks: tuple[Block, ...] = field(default_factory=tuple)

    def tables(self) -> list[Table]:
        """Numbered tables in order."""
        return [b for b in self.blocks if isinstance(b, Table) and b.number]

    def figures(self) -> list[Figure]:
        """Figures in order."""
        return [b for b in self.blocks if isinstance(b, Figure)]

    def headings(self) -> list[Heading]:
        """Headings in order."""
        return [b for b in self.blocks if isinstance(b, Heading)]
