"""A DOCX table's rows: which may split across pages, and what moves with a signature."""

from __future__ import annotations

from docx.oxml.xmlchemy import BaseOxmlElement

from lkjip_cli.render.blocks import Cell, Row, Table
from lkjip_cli.render.docx.tables import SHORT_LINES, build_table

WIDTH = 8788
"""A4 portrait text width in twips."""
HEADER: tuple[Row, ...] = ((Cell("Uraian"), Cell("Keterangan")),)


def _lines(count: int) -> Row:
    return (Cell("\n".join(f"baris {i}" for i in range(count))), Cell("isi"))


def _rows(tbl: BaseOxmlElement) -> list[BaseOxmlElement]:
    return tbl.xpath("./w:tr")


def _splits(row: BaseOxmlElement) -> bool:
    return not row.xpath("./w:trPr/w:cantSplit")


def test_a_short_first_row_under_a_repeated_header_never_splits() -> None:
    # a line or three would stand apart from the rest of the row on the next page
    table = Table(header=HEADER, body=(_lines(SHORT_LINES), _lines(1)), widths=(2, 1))
    assert [_splits(r) for r in _rows(build_table(table, WIDTH))] == [False, False, False]


def test_a_long_first_row_under_a_repeated_header_may_split() -> None:
    # kept with the header, it made LibreOffice 7.4 drop the rows after it when the
    # two overflowed the page (Tabel 2.1 of examples/dinkes-2024)
    table = Table(header=HEADER, body=(_lines(SHORT_LINES + 1), _lines(1)), widths=(2, 1))
    assert [_splits(r) for r in _rows(build_table(table, WIDTH))] == [False, True, False]


def test_without_a_repeated_header_every_row_stays_whole() -> None:
    table = Table(header=(), body=(_lines(SHORT_LINES + 5), _lines(1)), widths=(2, 1))
    assert not any(_splits(r) for r in _rows(build_table(table, WIDTH)))
