"""Tables, built row by row in raw WordprocessingML.

python-docx's ``table.cell(i, j)`` recomputes the cell grid on every call,
so filling a table through it is quadratic. Here each ``w:tr`` and its
``w:tc`` are created once, in order, and merged cells are written directly:
``gridSpan`` for a colspan, ``vMerge`` restart/continue for a rowspan.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from docx.oxml.xmlchemy import BaseOxmlElement

from lkjip_cli.render.blocks import Cell, Row, Table
from lkjip_cli.render.docx import styles
from lkjip_cli.render.docx.ooxml import add_text, el, paragraph, sub

HEADER_FILL = "D9D9D9"
"""Header shading; the table style's header row has the same fill (see below)."""


@dataclass
class _Span:
    """A rowspan still open in a grid column: rows left to cover and its colspan."""

    rows_left: int
    colspan: int


def column_widths(relative: Sequence[float], text_width: int) -> list[int]:
    """Relative widths → twips summing exactly to ``text_width``."""
    if not relative:
        raise ValueError("tabel tanpa kolom: `widths` kosong")
    total = sum(relative)
    shares = [w / total for w in relative] if total > 0 else [1 / len(relative)] * len(relative)
    widths = [int(text_width * s) for s in shares]
    widths[-1] += text_width - sum(widths)
    return widths


def table_name(table: Table) -> str:
    """How an error message names a table."""
    return f"Tabel {table.number}" if table.number else "tabel tanpa nomor"


def build_table(table: Table, text_width: int) -> BaseOxmlElement:
    """The ``w:tbl`` of ``table``, as wide as ``text_width`` twips."""
    widths = column_widths(table.widths, text_width)
    tbl = el("w:tbl")
    _table_properties(tbl, table, sum(widths))
    grid = sub(tbl, "w:tblGrid")
    for w in widths:
        sub(grid, "w:gridCol", w=w)

    writer = _RowWriter(table, widths)
    for row in table.header:
        writer.write(sub(tbl, "w:tr"), row, header=True, bold=False)
    for index, row in enumerate(table.body):
        writer.write(sub(tbl, "w:tr"), row, header=False, bold=index in table.bold_rows)
    return tbl


def _table_properties(tbl: BaseOxmlElement, table: Table, width: int) -> None:
    tbl_pr = sub(tbl, "w:tblPr")
    sub(tbl_pr, "w:tblStyle", val=styles.TABLE if table.borders else styles.LAYOUT_TABLE)
    sub(tbl_pr, "w:tblW", w=width, type="dxa")
    sub(tbl_pr, "w:jc", val="center")
    # Fixed layout: Word keeps the given widths instead of fitting to content.
    sub(tbl_pr, "w:tblLayout", type="fixed")
    sub(
        tbl_pr,
        "w:tblLook",
        # Legacy bit mask of the attributes below: firstRow 0x20, noHBand 0x200, noVBand 0x400.
        val="0620" if table.header else "0600",
        firstRow="1" if table.header else "0",
        lastRow="0",
        firstColumn="0",
        lastColumn="0",
        noHBand="1",
        noVBand="1",
    )


class _RowWriter:
    """Writes rows into a grid, carrying open rowspans from row to row."""

    def __init__(self, table: Table, widths: list[int]) -> None:
        self.table = table
        self.widths = widths
        self.open: list[_Span | None] = [None] * len(widths)
        self.style = styles.TABLE_TEXT_SMALL if table.small else styles.TABLE_TEXT
        self.count = 0

    def write(self, tr: BaseOxmlElement, row: Row, *, header: bool, bold: bool) -> None:
        """Fill ``tr`` with the cells of ``row`` and continuations of open rowspans."""
        self.count += 1
        tr_pr = sub(tr, "w:trPr")
        # A row never breaks across pages; header rows repeat on each page.
        sub(tr_pr, "w:cantSplit")
        if header:
            sub(tr_pr, "w:tblHeader")
        cells: Iterator[Cell] = iter(row)
        column = 0
        while column < len(self.widths):
            span = self.open[column]
            if span is not None:
                self._continuation(tr, column, span, header)
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
            self._cell(tr, column, cell, header=header, bold=bold)
            if cell.rowspan > 1:
                self.open[column] = _Span(cell.rowspan - 1, cell.colspan)
            column += cell.colspan
        if next(cells, None) is not None:
            raise ValueError(
                f"{table_name(self.table)}, baris {self.count}: lebih banyak sel daripada "
                f"{len(self.widths)} kolom tabel"
            )

    def _cell_properties(
        self, tc: BaseOxmlElement, column: int, colspan: int, merge: str | None, header: bool
    ) -> None:
        tc_pr = sub(tc, "w:tcPr")
        sub(tc_pr, "w:tcW", w=sum(self.widths[column : column + colspan]), type="dxa")
        if colspan > 1:
            sub(tc_pr, "w:gridSpan", val=colspan)
        if merge == "restart":
            sub(tc_pr, "w:vMerge", val="restart")
        elif merge == "continue":
            sub(tc_pr, "w:vMerge")
        if header and self.table.borders:
            # Every header row is shaded, not only the first one the style covers
            # in LibreOffice (Word applies the style's header row to all of them).
            sub(tc_pr, "w:shd", val="clear", color="auto", fill=HEADER_FILL)
        if header or merge is not None:
            sub(tc_pr, "w:vAlign", val="center")

    def _cell(
        self, tr: BaseOxmlElement, column: int, cell: Cell, *, header: bool, bold: bool
    ) -> None:
        tc = sub(tr, "w:tc")
        merge = "restart" if cell.rowspan > 1 else None
        self._cell_properties(tc, column, cell.colspan, merge, header)
        p = paragraph(self.style, cell.align)
        tc.append(p)
        if cell.text:
            add_text(p, cell.text, bold=cell.bold or bold or header)

    def _continuation(self, tr: BaseOxmlElement, column: int, span: _Span, header: bool) -> None:
        tc = sub(tr, "w:tc")
        self._cell_properties(tc, column, span.colspan, "continue", header)
        tc.append(paragraph(self.style))
