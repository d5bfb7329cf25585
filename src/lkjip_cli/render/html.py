"""The HTML writer: a :class:`Dokumen` → one self-contained, printable HTML file.

``templates/laporan.html.j2`` autoescapes every value, so text from the data
(a ``<script>`` typed into a cell) prints as text. CSS is inline with A4/F4
``@page`` rules and a named landscape page; figures are inline SVG (see
:mod:`.svg`); the indexes link to headings, table captions and figures by id.
"""

from __future__ import annotations

import base64
import functools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment
from markupsafe import Markup, escape

from lkjip_cli.render.blocks import (
    Block,
    Cover,
    Dokumen,
    Figure,
    Heading,
    Index,
    Letterhead,
    ListBlock,
    PageBreak,
    Paragraph,
    Section,
    Signature,
    Signatures,
    Table,
)
from lkjip_cli.render.grid import grid
from lkjip_cli.render.jinja import writer_env
from lkjip_cli.render.pictures import Picture
from lkjip_cli.render.svg import figure_svg

TEMPLATE = "laporan.html.j2"

PAPER_MM = {"A4": (210, 297), "F4": (215, 330)}
"""Portrait paper sizes in millimetres (F4 is the Indonesian folio)."""
MARGINS_MM = {"portrait": (25, 20, 20, 30), "landscape": (20, 20, 20, 25)}
"""Page margins (top, right, bottom, left) by orientation."""

KEEP_ROWS = 15
"""Captioned tables with at most this many body rows are not split across pages."""
WIDE_COLUMNS = 7
"""Tables with this many columns or more print in a smaller font (9 pt)."""
CELL_PADDING_PT = 8.0
"""Horizontal padding and border of a cell, with room to spare."""
BOLD_FACTOR = 1.1
PT_PER_MM = 72 / 25.4
_ARIAL_EM: dict[str, float] = {
    **dict.fromkeys("0123456789abdeghnopqu", 0.556),
    **dict.fromkeys("ckvxyzsJ", 0.5),
    **dict.fromkeys("ftI.,:;", 0.278),
    **dict.fromkeys("ijl", 0.222),
    **dict.fromkeys("r-()", 0.333),
    **dict.fromkeys("mM", 0.833),
    **dict.fromkeys("w", 0.722),
    **dict.fromkeys("ABEKPSVXY", 0.667),
    **dict.fromkeys("CDHNRU", 0.722),
    **dict.fromkeys("FTZ", 0.611),
    **dict.fromkeys("GOQ", 0.778),
    **dict.fromkeys("L", 0.556),
    **dict.fromkeys("W", 0.944),
    **dict.fromkeys("%", 0.889),
}
"""Advance widths of Arial (and the metric-compatible Liberation Sans), in em."""


def lines(text: object) -> Markup:
    """Escape text and turn its newlines into ``<br>``."""
    return Markup("<br>\n").join(escape(part) for part in str(text).split("\n"))


def cell_lines(text: object) -> Markup:
    """:func:`lines` for a table cell, which may also break after a ``/``."""
    plain = str(text)
    if "\n" not in plain and "/" not in plain:  # most cells: nothing to join
        return escape(plain)
    return Markup("<br>\n").join(
        Markup("/<wbr>").join(escape(piece) for piece in part.split("/"))
        for part in str(text).split("\n")
    )


def slug(text: str) -> str:
    """``BAB I PENDAHULUAN`` → ``bab-i-pendahuluan`` (ASCII, for ids)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "bagian"


@dataclass
class _Ids:
    """Unique element ids for one document."""

    taken: set[str] = field(default_factory=set)
    suffix: dict[str, int] = field(default_factory=dict)
    """The last suffix given to each base: the ones below it are taken (a narrative
    can repeat one heading 100,000 times; trying 2, 3, … each time was quadratic)."""

    def new(self, text: str) -> str:
        base = slug(text)
        n = self.suffix.get(base, 1)
        name = base if n == 1 else f"{base}-{n}"
        while name in self.taken:
            n += 1
            name = f"{base}-{n}"
        self.taken.add(name)
        self.suffix[base] = n
        return name


@dataclass(frozen=True)
class Target:
    """Something an index entry can link to."""

    text: str
    id: str
    level: int = 1


def heading_text(heading: Heading) -> str:
    """``BAB I PENDAHULUAN`` as the table of contents names a chapter."""
    return f"{heading.label} {heading.text}" if heading.label else heading.text


def _targets(dok: Dokumen, ids: dict[int, str]) -> dict[str, list[Target]]:
    found: dict[str, list[Target]] = {"toc": [], "tables": [], "figures": []}
    for block in dok.blocks:
        if isinstance(block, Heading) and block.in_toc:
            found["toc"].append(Target(heading_text(block), ids[id(block)], block.level))
        elif isinstance(block, Table) and block.number:
            text = f"Tabel {block.number} {block.caption or ''}".strip()
            found["tables"].append(Target(text, ids[id(block)]))
        elif isinstance(block, Figure):
            text = f"Gambar {block.number} {block.caption}".strip()
            found["figures"].append(Target(text, ids[id(block)]))
    return found


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def index_entries(index: Index, targets: list[Target]) -> list[dict[str, Any]]:
    """The index's entries, each linked to the first matching target after the previous."""
    if not index.entries:
        return [{"level": t.level, "text": t.text, "href": f"#{t.id}"} for t in targets]
    out = []
    position = 0
    for level, text in index.entries:
        href = None
        for j in range(position, len(targets)):
            if _key(targets[j].text) == _key(text):
                href, position = f"#{targets[j].id}", j + 1
                break
        out.append({"level": level, "text": text, "href": href})
    return out


def _assign_ids(blocks: Iterable[Block]) -> dict[int, str]:
    ids = _Ids()
    out: dict[int, str] = {}
    for block in blocks:
        if isinstance(block, Heading):
            out[id(block)] = ids.new(heading_text(block))
        elif isinstance(block, Table) and block.number:
            out[id(block)] = ids.new(f"tabel {block.number}")
        elif isinstance(block, Figure):
            out[id(block)] = ids.new(f"gambar {block.number or block.label}")
    return out


def img(picture: Picture, alt: str) -> Markup:
    """A picture as an ``<img>`` embedding its bytes: the HTML file stands alone."""
    return Markup(
        '<img src="{}" alt="{}" width="{}" height="{}" style="max-width: 100%; height: auto">'
    ).format(_data_url(picture), alt, picture.width, picture.height)


def _percentages(widths: tuple[float, ...], columns: int) -> list[str]:
    if len(widths) != columns or not widths or sum(widths) <= 0:
        return []
    total = sum(widths)
    return [f"{w * 100 / total:.2f}%" for w in widths]


def _columns(table: Table) -> int:
    rows = (*table.header, *table.body)
    return max([len(table.widths), *(sum(max(c.colspan, 1) for c in r) for r in rows[:1])])


_EM = defaultdict(lambda: 0.6, _ARIAL_EM)
_WIDEST_EM = max(0.6, *_ARIAL_EM.values())


def _word_em(word: str) -> float:
    """A word's width in em, from Arial's advance widths (others count 0.6 em)."""
    return sum(map(_EM.__getitem__, word))


def _longest_words(table: Table, columns: int) -> list[float]:
    """Per column, the width (em) of the longest word in its own (unspanned) cells."""
    longest = [0.0] * columns
    bold_rows = {len(table.header) + r for r in table.bold_rows}
    for r, line in enumerate(grid((*table.header, *table.body), columns)):
        for col, slot in enumerate(line[:columns]):
            if slot is None or not slot.origin or slot.cell.colspan > 1:
                continue
            bold = slot.cell.bold or r < len(table.header) or r in bold_rows
            factor = BOLD_FACTOR if bold else 1.0
            for word in slot.cell.text.replace("/", " ").split():
                # a word too short to be the widest, whatever its letters, is not measured
                if len(word) * _WIDEST_EM * factor > longest[col]:
                    longest[col] = max(longest[col], _word_em(word) * factor)
    return longest


def _layout(table: Table, columns: int, font_pt: float, width_mm: float) -> str:
    """How the browser should size the columns without running past the page edge.

    A browser gives each column at least its longest word and, in auto layout,
    at least its percentage share. ``hinted``: both fit, keep the shares as
    hints; ``auto``: only the words fit, let the browser share the width;
    ``fixed``: even the words do not fit, keep the shares and break words.
    """
    width_pt = width_mm * PT_PER_MM
    words = [em * font_pt + CELL_PADDING_PT for em in _longest_words(table, columns)]
    total = sum(table.widths) if len(table.widths) == columns else 0
    shares = [w / total * width_pt for w in table.widths] if total > 0 else [0.0] * columns
    if sum(max(s, w) for s, w in zip(shares, words, strict=True)) <= width_pt:
        return "hinted"
    return "auto" if sum(words) <= width_pt else "fixed"


def _table_view(
    table: Table, ids: dict[int, str], width_mm: float, turn_mm: float | None = None
) -> dict[str, Any]:
    """``turn_mm``: the text width of a landscape page, for a table on a portrait one.

    A table whose words cannot sit side by side on the portrait page turns to a
    landscape page of its own, as in the DOCX, rather than breaking ``33,54%``
    into ``33,54`` and ``%``; on screen it keeps that width and scrolls sideways.
    """
    columns = _columns(table)
    wide = columns >= WIDE_COLUMNS
    font_pt = 9 if wide else 10 if table.small else 12
    layout = _layout(table, columns, font_pt, width_mm)
    turn = None
    if layout == "fixed" and turn_mm is not None:
        turn, layout = f"{turn_mm:g}mm", _layout(table, columns, font_pt, turn_mm)
    return {
        "kind": "table",
        "id": ids.get(id(table)),
        "widths": [] if layout == "auto" else _percentages(table.widths, columns),
        "keep": bool(table.caption) and len(table.body) <= KEEP_ROWS,
        "wide": wide,
        "fixed": layout == "fixed",
        "turn": turn,
        "lead": None,  # the section heading above a turned table, moved to its page
    }


def block_view(
    block: Block,
    ids: dict[int, str],
    targets: dict[str, list[Target]],
    width_mm: float,
    turn_mm: float | None = None,
) -> dict[str, Any] | None:
    """One block as a view for the template (the block itself plus ids and links)."""
    if isinstance(block, Table):
        return {"b": block, **_table_view(block, ids, width_mm, turn_mm)}
    view: dict[str, Any] = {"b": block}
    if isinstance(block, Heading):
        view.update(kind="heading", id=ids[id(block)], level=min(max(block.level, 1), 6))
    elif isinstance(block, Paragraph):
        view["kind"] = "paragraph"
    elif isinstance(block, ListBlock):
        view["kind"] = "list"
    elif isinstance(block, Figure):
        ident = ids[id(block)]
        content = block.content
        drawing = (
            img(content, block.alt or block.caption)
            if isinstance(content, Picture)
            else Markup(figure_svg(block, f"{ident}-svg"))
        )
        view.update(kind="figure", id=ident, svg=drawing)
    elif isinstance(block, Picture):  # embedded: the HTML file stands alone
        view.update(kind="picture", src=_data_url(block))
    elif isinstance(block, Cover | Letterhead):
        logo = _data_url(block.logo) if block.logo is not None else None
        view.update(kind="cover" if isinstance(block, Cover) else "letterhead", logo=logo)
    elif isinstance(block, Index):
        view.update(kind="index", entries=index_entries(block, targets[block.kind]))
    elif isinstance(block, Signature):
        view["kind"] = "signature"
    elif isinstance(block, Signatures):
        view["kind"] = "signatures"
    elif isinstance(block, PageBreak):
        view["kind"] = "pagebreak"
    else:
        return None
    return view


def _data_url(picture: Picture) -> str:
    """The picture embedded in a ``data:`` URL: the HTML file stands alone."""
    return f"data:{picture.mime};base64,{base64.b64encode(picture.data).decode('ascii')}"


@dataclass
class _SectionView:
    orientation: str
    numbering: str
    blocks: list[dict[str, Any]] = field(default_factory=list)

    @property
    def page(self) -> str:
        """The named ``@page`` this section prints on."""
        return f"{self.orientation}-{self.numbering}"


def text_width_mm(paper: str, orientation: str) -> float:
    """Width of the text between the page margins."""
    width, height = PAPER_MM[paper]
    _top, right, _bottom, left = MARGINS_MM[orientation]
    return (width if orientation == "portrait" else height) - left - right


def sections(dok: Dokumen) -> list[_SectionView]:
    """Blocks grouped by the :class:`Section` markers that start them."""
    ids = _assign_ids(dok.blocks)
    targets = _targets(dok, ids)
    out: list[_SectionView] = []
    for block in dok.blocks:
        if isinstance(block, Section):
            out.append(_SectionView(block.orientation, block.numbering))
            continue
        if not out:
            out.append(_SectionView("portrait", "decimal"))
        width = text_width_mm(dok.paper, out[-1].orientation)
        portrait = out[-1].orientation == "portrait"
        turn = text_width_mm(dok.paper, "landscape") if portrait else None
        view = block_view(block, ids, targets, width, turn)
        if view is not None and view.get("turn"):
            view["turn_page"] = f"landscape-{out[-1].numbering}"
            blocks = out[-1].blocks
            if blocks and blocks[-1].get("kind") == "heading" and blocks[-1]["level"] >= 2:
                # a section heading goes to the landscape page with its table, as in the DOCX
                view["lead"] = blocks.pop()
        if view is not None:
            out[-1].blocks.append(view)
    return [s for s in out if s.blocks]


@functools.cache
def _env() -> Environment:
    env = writer_env()
    env.filters["lines"] = lines
    env.filters["cell_lines"] = cell_lines
    return env


def write_html(dok: Dokumen) -> str:
    """The report as one HTML file with inline CSS and inline SVG figures."""
    width, height = PAPER_MM[dok.paper]
    text = (
        _env()
        .get_template(TEMPLATE)
        .render(
            dok=dok,
            sections=sections(dok),
            paper={"width": width, "height": height},
            margins={k: " ".join(f"{m}mm" for m in v) for k, v in MARGINS_MM.items()},
            landscape_width=f"{text_width_mm(dok.paper, 'landscape'):g}mm",
        )
    )
    # The markup holds no <pre>: blank lines and trailing spaces carry nothing.
    kept = (line.rstrip() for line in text.splitlines())
    return "\n".join(line for line in kept if line) + "\n"
