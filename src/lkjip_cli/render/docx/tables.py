"""Tables, written row by row as WordprocessingML text and parsed once.

python-docx's ``table.cell(i, j)`` recomputes the cell grid on every call,
so filling a table through it is quadratic. Here each ``w:tr`` and its
``w:tc`` are written once, in order, and merged cells are written directly:
``gridSpan`` for a colspan, ``vMerge`` restart/continue for a rowspan. The
report's tables are most of the document's elements; building them as text
and letting lxml parse it costs a fifth of creating each element in Python.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from xml.sax.saxutils import escape

from docx.enum.text import WD_LINE_SPACING
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import parse_xml
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Twips

from lkjip_cli.render.blocks import Cell, Row, Signature, Signatures, Table
from lkjip_cli.render.colwidths import (
    MARGIN_TWIPS,
    SMALL_PT,
    Layout,
    bind_rupiah,
    break_urls,
    cell_lines,
    layout,
    lines_at_most,
)
from lkjip_cli.render.docx import styles
from lkjip_cli.render.docx.ooxml import JC, el, paragraph, sub
from lkjip_cli.render.docx.signatures import signature_paragraphs, signatures_table

SIGNATURE_GAP = 120
"""Twips above a signature signed in a table's last cell (6 pt)."""
HEADER_FILL = "D9D9D9"
"""Header shading; the table style's header row has the same fill (see below)."""
SHORT_LINES = 3
"""A row of at most this many lines (about) is short: it never splits across pages."""
TALL_LINES = 30
"""A row of more lines (about) may split wherever it stands: it could be taller than a
landscape page's text (some 38 lines of 10 pt), and Word cuts off a row that may not
split at the foot of the page (LibreOffice splits it anyway)."""


@dataclass(frozen=True)
class _Written:
    """What the writer knows of a row it wrote: about how many lines, and its spans."""

    lines: int
    continues: bool
    """Continues a rowspan opened in a row above."""


@dataclass
class _Span:
    """A rowspan still open in a grid column: rows left to cover and its colspan."""

    rows_left: int
    colspan: int


def table_name(table: Table) -> str:
    """How an error message names a table."""
    return f"Tabel {table.number}" if table.number else "tabel tanpa nomor"


def build_table(
    table: Table,
    text_width: int,
    *,
    signature: Signature | Signatures | None = None,
    fitted: Layout | None = None,
) -> BaseOxmlElement:
    """The ``w:tbl`` of ``table``, as wide as ``text_width`` twips.

    ``signature``: signed in a last borderless row of the table that holds the
    table's last rows too, so that it never stands alone on a page (LibreOffice
    too): when the row does not fit it moves to the next page under the repeated
    header, with them. Two blocks side by side (``Signatures``, a PK's) likewise.
    ``fitted``: its layout at ``text_width`` when already computed.
    """
    fitted = layout(table, text_width) if fitted is None else fitted
    widths = list(fitted.widths)
    out: list[str] = [
        f"<w:tbl {_NAMESPACE}>",
        _table_properties(table, sum(widths), fitted),
        "<w:tblGrid>",
    ]
    out.extend(f'<w:gridCol w:w="{w}"/>' for w in widths)
    out.append("</w:tblGrid>")
    writer = _RowWriter(table, widths, out, fitted)
    for row in table.header:
        writer.write(row, header=True, bold=False)
    for index, row in enumerate(table.body):
        # The repeated first body rows (column names) look and behave like a header.
        repeat = index < table.repeat_rows
        # the last two may go with a signature (``_carried``): their lines count
        last = index >= len(table.body) - 2
        writer.write(row, header=repeat, bold=index in table.bold_rows, count=last)
    out.append("</w:tbl>")
    # Written as text and parsed once: lxml builds the tree in C, five times faster
    # than creating the (tens of thousands of) elements one by one from Python.
    tbl: BaseOxmlElement = parse_xml("".join(out))
    if signature is not None and not (
        isinstance(signature, Signature)
        and not table.borders
        and _sign_in_last_row(tbl, signature, widths, fitted.margin)
    ):
        repeated = len(table.header) + table.repeat_rows
        count = _carried(writer.rows[repeated:])
        carried = tbl.findall(qn("w:tr"))[len(writer.rows) - count :] if count else []
        nested = _table_properties(table, sum(widths), fitted, nested=True)
        tbl.append(_signature_row(signature, widths, fitted.margin, carried, nested))
    return tbl


def _carried(body: list[_Written]) -> int:
    """How many last rows of ``body`` (its rows under any repeated ones) go with the signature.

    The last row, and the one before it when the last is short (a total): the
    signature's page then always shows some of the table's content. Fewer when
    a row continues a rowspan from above, which cannot leave its first row.
    """
    count = 2 if len(body) >= 2 and body[-1].lines <= SHORT_LINES else min(len(body), 1)
    while count and body[-count].continues:
        count -= 1
    # the signature row never splits: a row that may not be held whole stays in the table
    while count and any(row.lines > TALL_LINES for row in body[-count:]):
        count -= 1
    return count


def _sign_in_last_row(
    tbl: BaseOxmlElement, signature: Signature, widths: list[int], margin: int
) -> bool:
    """Sign in the last cell of a borderless table, where a page-wide block would stand.

    A row of its own could move alone to the next page (a layout table repeats no
    header); in the last row, which never splits, the signature keeps its last
    line of text. False (nothing done) when that cell does not reach from the
    left of the block, or only continues a merged cell.
    """
    if signature.align != "right":
        return False
    cell = tbl.findall(qn("w:tr"))[-1].findall(qn("w:tc"))[-1]
    props = cell.find(qn("w:tcPr"))
    span = props.find(qn("w:gridSpan")) if props is not None else None
    merged = props.find(qn("w:vMerge")) if props is not None else None
    if merged is not None and merged.get(qn("w:val")) != "restart":
        return False
    columns = int(span.get(qn("w:val"))) if span is not None else 1
    offset = sum(widths[: len(widths) - columns]) + margin
    # As on the page (the table is the text's width), less where the cell's text starts.
    lines = signature_paragraphs(signature, sum(widths))
    indents = [p.find(f"{qn('w:pPr')}/{qn('w:ind')}") for p in lines]
    if any(ind is None or int(ind.get(qn("w:left"), "0")) < offset for ind in indents):
        return False
    # half the line a spacer paragraph would leave above it
    lines[0].get_or_add_pPr().spacing_before = Twips(SIGNATURE_GAP)
    for p, ind in zip(lines, indents, strict=True):
        assert ind is not None  # checked above
        ind.set(qn("w:left"), str(int(ind.get(qn("w:left"), "0")) - offset))
        for tab in p.iter(qn("w:tab")):
            if tab.get(qn("w:pos")) is not None:
                tab.set(qn("w:pos"), str(int(tab.get(qn("w:pos"))) - offset))
        cell.append(p)
    return True


def _signature_row(
    signature: Signature | Signatures,
    widths: list[int],
    margin: int,
    carried: list[BaseOxmlElement],
    nested: str,
) -> BaseOxmlElement:
    """A row spanning the table, without side or bottom rules, holding ``signature``.

    The ``carried`` rows (the table's last) move into it, as a table of the same
    grid nested in its cell, above the signature: the row never splits, so they
    go to a new page together, and the signature never stands there under the
    repeated header alone. LibreOffice ignores keep-with-next in a table; Word
    honours it, but one structure serves both. ``nested``: that table's ``w:tblPr``.
    """
    tr = el("w:tr")
    sub(sub(tr, "w:trPr"), "w:cantSplit")
    tc = sub(tr, "w:tc")
    tc_pr = sub(tc, "w:tcPr")
    sub(tc_pr, "w:tcW", w=sum(widths), type="dxa")
    sub(tc_pr, "w:gridSpan", val=len(widths))
    borders = sub(tc_pr, "w:tcBorders")
    for side in ("left", "bottom", "right"):
        sub(borders, f"w:{side}", val="nil")
    width = sum(widths) - 2 * margin
    if carried:
        # No cell margins: the nested table's rules continue the table's above.
        cell_margins = sub(tc_pr, "w:tcMar")
        for side in ("top", "left", "bottom", "right"):
            sub(cell_margins, f"w:{side}", w=0, type="dxa")
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        inner = parse_xml(f"<w:tbl {_NAMESPACE}>{nested}<w:tblGrid>{grid}</w:tblGrid></w:tbl>")
        for row in carried:
            inner.append(row)  # moved from the table
        tc.append(inner)
        width = sum(widths)
    for element in _signed(signature, width, gap=bool(carried)):
        tc.append(element)
    return tr


def _signed(signature: Signature | Signatures, width: int, *, gap: bool) -> list[BaseOxmlElement]:
    """What a signature row holds under any carried rows, ``gap``: space above it.

    Two blocks side by side are their own borderless table, between an empty line
    (as after a table on the page) and the paragraph a cell must end with.
    """
    if isinstance(signature, Signatures):
        end = paragraph(styles.TABLE_TEXT)
        end.get_or_add_pPr().spacing_line = Twips(20)  # one point: a cell ends in a paragraph
        end.pPr.spacing_lineRule = WD_LINE_SPACING.EXACTLY
        block = [signatures_table(signature, width), end]
        return [paragraph(styles.TABLE_TEXT), *block] if gap else block
    lines = signature_paragraphs(signature, width)
    if gap:
        lines[0].get_or_add_pPr().spacing_before = Twips(SIGNATURE_GAP)
    return lines


def _table_properties(table: Table, width: int, fitted: Layout, *, nested: bool = False) -> str:
    """The ``w:tblPr``; ``nested``: of the last rows nested in a signature row.

    A nested table has no header row, and no top rule: the row above draws it
    (or, on a new page, the repeated header's).
    """
    style = styles.TABLE if table.borders else styles.LAYOUT_TABLE
    headed = bool(table.header or table.repeat_rows) and not nested
    first_row = "1" if headed else "0"
    top = '<w:tblBorders><w:top w:val="nil"/></w:tblBorders>' if nested else ""
    margins = ""
    if fitted.margin != MARGIN_TWIPS[table.borders]:
        # A dense table: narrower cell margins than the style's, so no word breaks.
        m = fitted.margin
        margins = (
            f'<w:tblCellMar><w:left w:w="{m}" w:type="dxa"/>'
            f'<w:right w:w="{m}" w:type="dxa"/></w:tblCellMar>'
        )
    return (
        f'<w:tblPr><w:tblStyle w:val="{_attr(style)}"/><w:tblW w:w="{width}" w:type="dxa"/>'
        f'<w:jc w:val="center"/>{top}'
        # Fixed layout: Word keeps the given widths instead of fitting to content.
        '<w:tblLayout w:type="fixed"/>'
        f"{margins}"
        # Legacy bit mask of the attributes after it: firstRow 0x20, noHBand 0x200,
        # noVBand 0x400.
        f'<w:tblLook w:val="{"0620" if headed else "0600"}" w:firstRow="{first_row}" '
        'w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
        "</w:tblPr>"
    )


class _RowWriter:
    """Writes rows into a grid, carrying open rowspans from row to row."""

    def __init__(self, table: Table, widths: list[int], out: list[str], fitted: Layout) -> None:
        self.table = table
        self.widths = widths
        self.out = out
        self.open: list[_Span | None] = [None] * len(widths)
        self.style = _attr(styles.TABLE_TEXT_SMALL if fitted.small else styles.TABLE_TEXT)
        # Below the small style's size the runs carry the size themselves.
        self.size = None if fitted.size_pt >= SMALL_PT else round(fitted.size_pt * 2)
        self.fitted = fitted
        self.count = 0
        self.rows: list[_Written] = []
        """Every row written, in order."""

    def write(self, row: Row, *, header: bool, bold: bool, count: bool = False) -> None:
        """A ``w:tr`` with the cells of ``row`` and continuations of open rowspans.

        ``count``: count the row's lines (see :meth:`_lines`) even when it is surely
        shorter than ``TALL_LINES``.
        """
        self.count += 1
        start = len(self.out)
        continues = any(span is not None for span in self.open)
        repeated = len(self.table.header) + self.table.repeat_rows
        first_body = not header and self.count == repeated + 1 and repeated > 0
        sized: list[tuple[str, int, bool]] = []
        cells: Iterator[Cell] = iter(row)
        column = 0
        while column < len(self.widths):
            span = self.open[column]
            if span is not None:
                self._continuation(column, span, header)
                span.rows_left -= 1
                if span.rows_left == 0:
                    self.open[column] = None
                column += span.colspan
                continue
            cell = next(cells, None)
            if cell is None:
                # A short row is padded so the grid stays rectangular.
                cell = Cell("")
            if column + cell.colspan > len(self.widths):
                raise ValueError(
                    f"{table_name(self.table)}, baris {self.count}: sel melebihi "
                    f"{len(self.widths)} kolom tabel"
                )
            self._cell(column, cell, header=header, bold=bold)
            width = sum(self.widths[column : column + cell.colspan])
            sized.append((cell.text, width, cell.bold or bold or header))
            if cell.rowspan > 1:
                self.open[column] = _Span(cell.rowspan - 1, cell.colspan)
            column += cell.colspan
        if next(cells, None) is not None:
            raise ValueError(
                f"{table_name(self.table)}, baris {self.count}: lebih banyak sel daripada "
                f"{len(self.widths)} kolom tabel"
            )
        lines = 1 if header else self._lines(sized, count=count or first_body)
        self.out.insert(start, self._row_start(header, first_body, lines))
        self.out.append("</w:tr>")
        self.rows.append(_Written(lines, continues))

    def _lines(self, sized: list[tuple[str, int, bool]], *, count: bool) -> int:
        """About how many lines the row takes: counted word by word when ``count``
        or when it may be tall; otherwise a bound by length alone, at most ``TALL_LINES``.

        Counting every cell of a big report cost a build 0.3 s at 50 times 2024's tree.
        """
        if not count:
            bound = max((lines_at_most(t, w, self.fitted) for t, w, _ in sized), default=1)
            if bound <= TALL_LINES:
                return bound
        return max((cell_lines(t, w, self.fitted, bold=b) for t, w, b in sized), default=1)

    def _row_start(self, header: bool, first_body: bool, lines: int) -> str:
        """``<w:tr>`` and its properties: whether it may split, whether it repeats."""
        # A row never breaks across pages; header rows repeat on each page. Except
        # a long first body row under a repeated header: LibreOffice 7.4 keeps it
        # with the header, and when the two overflow the page it silently drops the
        # rows after it (Tabel 2.1 of examples/dinkes-2024 lost three of four rows).
        # A short one may not split: a line or two would stand apart from the rest.
        # A tall one anywhere may (TALL_LINES): held whole, Word would cut it off.
        if header:
            return "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
        if (first_body and lines > SHORT_LINES) or lines > TALL_LINES:
            return "<w:tr>"
        return "<w:tr><w:trPr><w:cantSplit/></w:trPr>"

    def _cell_properties(self, column: int, colspan: int, merge: str | None, header: bool) -> str:
        width = sum(self.widths[column : column + colspan])
        parts = [f'<w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>']
        if colspan > 1:
            parts.append(f'<w:gridSpan w:val="{colspan}"/>')
        if merge == "restart":
            parts.append('<w:vMerge w:val="restart"/>')
        elif merge == "continue":
            parts.append("<w:vMerge/>")
        if header and self.table.borders:
            # Every header row is shaded, not only the first one the style covers
            # in LibreOffice (Word applies the style's header row to all of them).
            parts.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/>')
        if header or merge is not None:
            parts.append('<w:vAlign w:val="center"/>')
        parts.append("</w:tcPr>")
        return "".join(parts)

    def _paragraph(self, align: str | None) -> str:
        """A cell paragraph's start and properties (what ``ooxml.paragraph`` writes)."""
        jc = f'<w:jc w:val="{JC[align]}"/>' if align is not None else ""
        return f'<w:p><w:pPr><w:pStyle w:val="{self.style}"/>{jc}</w:pPr>'

    def _cell(self, column: int, cell: Cell, *, header: bool, bold: bool) -> None:
        merge = "restart" if cell.rowspan > 1 else None
        self.out.append("<w:tc>")
        self.out.append(self._cell_properties(column, cell.colspan, merge, header))
        self.out.append(self._paragraph(cell.align))
        if cell.text:
            self.out.append(
                run_xml(
                    break_urls(bind_rupiah(cell.text)),
                    bold=cell.bold or bold or header,
                    half_points=self.size,
                )
            )
        self.out.append("</w:p></w:tc>")

    def _continuation(self, column: int, span: _Span, header: bool) -> None:
        self.out.append("<w:tc>")
        self.out.append(self._cell_properties(column, span.colspan, "continue", header))
        self.out.append(self._paragraph(None))
        self.out.append("</w:p></w:tc>")


_NAMESPACE = nsdecls("w")
_BREAKS = re.compile(r"(\t|\r|\n)")


def _attr(value: str) -> str:
    return escape(value, {'"': "&quot;"})


def run_xml(text: str, *, bold: bool = False, half_points: int | None = None) -> str:
    """A ``w:r`` holding ``text`` as XML text, as :func:`.ooxml.add_text` would build it.

    A tab becomes ``<w:tab/>``, a line break ``<w:br/>``; a piece of text with
    space at either end keeps it (``xml:space="preserve"``).
    """
    props = "<w:b/><w:bCs/>" if bold else ""
    if half_points is not None:
        props += f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'
    parts = [f"<w:r><w:rPr>{props}</w:rPr>" if props else "<w:r>"]
    for piece in _BREAKS.split(text):
        if piece == "\t":
            parts.append("<w:tab/>")
        elif piece in ("\r", "\n"):
            parts.append("<w:br/>")
        elif piece:
            space = ' xml:space="preserve"' if piece != piece.strip() else ""
            parts.append(f"<w:t{space}>{escape(piece)}</w:t>")
    parts.append("</w:r>")
    return "".join(parts)
