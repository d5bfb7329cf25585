"""A DOCX table's rows: which may split across pages, and what moves with a signature."""

from __future__ import annotations

from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from lkjip_cli.render.blocks import Cell, Row, Signature, Table
from lkjip_cli.render.docx.tables import SHORT_LINES, TALL_LINES, build_table

WIDTH = 8788
"""A4 portrait text width in twips."""
HEADER: tuple[Row, ...] = ((Cell("Uraian"), Cell("Keterangan")),)
SIGNATURE = Signature(("Blitar, 26 Februari 2024", "KEPALA DINAS,"), "NAMA KEPALA")
TOTAL: Row = (Cell("TOTAL", bold=True), Cell("1.000", bold=True))


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


def test_a_row_taller_than_a_page_may_split_anywhere() -> None:
    # held whole, Word cuts a row taller than the page off at its foot
    body = (_lines(1), _lines(TALL_LINES + 1), _lines(TALL_LINES), _lines(1))
    table = Table(header=(), body=body, widths=(2, 1))
    assert [_splits(r) for r in _rows(build_table(table, WIDTH))] == [False, True, False, False]


def test_a_row_taller_than_a_page_is_not_carried_with_the_signature() -> None:
    # the signature row never splits: it would hold the tall row whole
    table = Table(header=HEADER, body=(_lines(2), _lines(TALL_LINES + 1), TOTAL), widths=(2, 1))
    rows, cell = _signed(table)
    assert _texts(rows) == ["Uraian", "baris 0", "baris 0"]
    assert _texts(cell.xpath("./w:tbl/w:tr")) == ["TOTAL"]


def _text(element: BaseOxmlElement) -> str:
    return "".join(element.xpath(".//w:t/text()")).replace("\u00a0", " ")


def _texts(rows: list[BaseOxmlElement]) -> list[str]:
    """Each row's first piece of text."""
    return [r.xpath(".//w:t/text()")[0] for r in rows]


def _signed(table: Table) -> tuple[list[BaseOxmlElement], BaseOxmlElement]:
    """The table's own rows, and the cell of its signature row."""
    rows = _rows(build_table(table, WIDTH, signature=SIGNATURE))
    cell: BaseOxmlElement = rows[-1].xpath("./w:tc")[0]
    assert "NAMA KEPALA" in _text(cell)
    return rows[:-1], cell


def test_a_total_goes_to_the_signature_with_the_row_before_it() -> None:
    # the signature never stands on a page under the repeated header with a total alone
    table = Table(header=HEADER, body=(_lines(8), _lines(6), TOTAL), widths=(2, 1))
    rows, cell = _signed(table)
    assert _texts(rows) == ["Uraian", "baris 0"]
    assert _texts(cell.xpath("./w:tbl/w:tr")) == ["baris 0", "TOTAL"]


def test_a_long_last_row_goes_to_the_signature_alone() -> None:
    table = Table(header=HEADER, body=(_lines(2), _lines(2), _lines(6)), widths=(2, 1))
    rows, cell = _signed(table)
    assert len(rows) == 3 and len(cell.xpath("./w:tbl/w:tr")) == 1


def test_the_nested_rows_continue_the_tables_grid_and_rules() -> None:
    table = Table(header=HEADER, body=(_lines(8), _lines(6), TOTAL), widths=(2, 1))
    tbl = build_table(table, WIDTH, signature=SIGNATURE)
    cell = _rows(tbl)[-1].xpath("./w:tc")[0]
    nested = cell.xpath("./w:tbl")[0]
    assert nested.xpath("./w:tblGrid/w:gridCol/@w:w") == tbl.xpath("./w:tblGrid/w:gridCol/@w:w")
    assert nested.xpath("./w:tblPr/w:tblStyle/@w:val") == tbl.xpath("./w:tblPr/w:tblStyle/@w:val")
    # the row above draws the rule over them; no header look on their first row
    assert nested.xpath("./w:tblPr/w:tblBorders/w:top/@w:val") == ["nil"]
    assert nested.xpath("./w:tblPr/w:tblLook/@w:firstRow") == ["0"]
    # no cell margins around them: their sides fall on the table's
    assert set(cell.xpath("./w:tcPr/w:tcMar/*/@w:w")) == {"0"}
    # a cell ends with a paragraph: the signature's lines, below the nested rows
    assert cell[-1].tag == qn("w:p") and cell.index(nested) == 1
    assert all(tc[-1].tag == qn("w:p") for tc in nested.iter(qn("w:tc")))


def test_repeated_rows_and_a_rowspan_from_above_stay_in_the_table() -> None:
    # the rows under the repeated ones only: here one, short
    repeated = Table(header=(), body=(*HEADER, _lines(1)), widths=(2, 1), repeat_rows=1)
    rows, cell = _signed(repeated)
    assert _texts(rows) == ["Uraian"] and len(cell.xpath("./w:tbl/w:tr")) == 1
    # a cell spanning down from above holds its rows in the table
    spanned = (Cell("gabung", rowspan=3), Cell("isi"))
    body = (_lines(2), spanned, (Cell("x"),), (Cell("y"),))
    rows, cell = _signed(Table(header=HEADER, body=body, widths=(2, 1)))
    assert len(rows) == 5 and not cell.xpath("./w:tbl")
    # unless it starts among them
    body = (_lines(2), _lines(2), (Cell("gabung", rowspan=2), Cell("x")), (Cell("y"),))
    rows, cell = _signed(Table(header=HEADER, body=body, widths=(2, 1)))
    assert len(rows) == 3 and len(cell.xpath("./w:tbl/w:tr")) == 2


def test_a_web_address_in_a_cell_carries_its_break_opportunities() -> None:
    """LibreOffice broke ``https://simonev.sukamajukab.exa`` / ``mple/…`` inside a word."""
    from lkjip_cli.render.colwidths import ZWSP

    table = Table(header=(), body=((Cell("https://simonev.example/jalan_mantap"),),), widths=(1,))
    text = "".join(t.text for t in build_table(table, 3000).iter(qn("w:t")))
    assert text == f"https://{ZWSP}simonev.example/{ZWSP}jalan_mantap"
