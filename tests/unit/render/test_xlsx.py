"""The workbook writer: data/2024's tables read back with openpyxl, and a small table by hand."""

from __future__ import annotations

import re
import zipfile
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from lkjip_cli import api
from lkjip_cli.render.blocks import Cell, Dokumen, Heading, Table
from lkjip_cli.render.cellvalue import read_number
from lkjip_cli.render.document import build_document
from lkjip_cli.render.xlsx import write_xlsx

from .sample import sample_dokumen

DATA = Path(__file__).resolve().parents[3] / "data" / "2024"
LOOKS_NUMERIC = re.compile(
    r"^(Rp\.?\s*)?-?\d{1,3}(\.\d{3})*(,\d+)?%?( [A-Za-z]+)?$|^-?\d+(,\d+)?%?( [A-Za-z]+)?$"
)
"""A cell text that a reader takes for a number (written independently of cellvalue.py)."""


Built = tuple[Dokumen, api.CheckResult, bytes]


@pytest.fixture(scope="module")
def built() -> Built:
    checked = api.check(DATA, narratives=False)
    assert checked.data is not None and checked.report is not None
    dok, _ = build_document(checked.data, checked.report)
    assert dok is not None
    return dok, checked, write_xlsx(dok)


def _book(data: bytes, *, values: bool = False) -> Workbook:
    return load_workbook(BytesIO(data), data_only=values)


def test_every_numbered_table_is_a_sheet_named_by_its_number(built: Built) -> None:
    dok, _, data = built
    book = _book(data)
    numbers = [t.number for t in dok.tables()]
    assert numbers and book.sheetnames[: len(numbers)] == numbers
    for table in dok.tables():
        assert book[table.number]["A1"].value == f"Tabel {table.number} {table.caption}"
    # the appendices' tables follow: the Rencana Aksi among them
    rencana = [n for n in book.sheetnames if n.startswith("Lampiran IV")]
    assert rencana and "Rencana Aksi" in book[rencana[0]]["A1"].value


def test_no_number_is_stored_as_text(built: Built) -> None:
    _, _, data = built
    book = _book(data)
    texts = []
    for ws in book:
        # below the header (where the panes freeze); header labels such as years stay text
        first = ws[ws.freeze_panes].row if ws.freeze_panes else 3
        texts += [
            (ws.title, cell.coordinate, cell.value)
            for row in ws.iter_rows(min_row=first)
            for cell in row
            if isinstance(cell.value, str) and LOOKS_NUMERIC.match(cell.value.strip())
        ]
    assert texts == []


def test_budget_totals_are_sum_formulas_with_the_reports_values(built: Built) -> None:
    _, checked, data = built
    anggaran = checked.report.anggaran
    formulas, values = _book(data)["2.3"], _book(data, values=True)["2.3"]
    last = formulas.max_row
    assert str(formulas.cell(last, 3).value).startswith("=SUM(")
    assert str(formulas.cell(last, 4).value).startswith("=SUM(")
    # the value cached beside the formula is the Report's total
    assert Decimal(str(values.cell(last, 3).value)) == anggaran.pagu_murni
    assert Decimal(str(values.cell(last, 4).value)) == anggaran.pagu_perubahan
    # and each program row it adds holds that program's figure
    terms = re.findall(r"C(\d+)", formulas.cell(last, 3).value)
    got = [Decimal(str(values.cell(int(r), 3).value)) for r in terms]
    assert got == [p.pagu_murni for p in anggaran.program]


def test_sen_and_percentages_are_exact_numbers_with_formats(built: Built) -> None:
    _, checked, data = built
    ws = _book(data)["3.17"]
    program = checked.report.program["penunjang"]
    cells = {c.value: c for row in ws.iter_rows() for c in row if c.value is not None}
    realisasi = next(c for v, c in cells.items() if isinstance(v, float) and v > 5e9)
    assert Decimal(str(realisasi.value)) == program.realisasi == Decimal("5046629436.54")
    assert realisasi.number_format == "#,##0.00"
    assert program.serapan is not None
    percent = [c for c in cells.values() if c.number_format == "0.00%"]
    assert any(Decimal(str(c.value)) == round(program.serapan, 2) / 100 for c in percent)


def test_two_writes_give_the_same_bytes(built: Built, monkeypatch: pytest.MonkeyPatch) -> None:
    dok, _, data = built
    assert write_xlsx(dok) == data
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")  # 2025-01-01
    again = write_xlsx(dok)
    with zipfile.ZipFile(BytesIO(again)) as z:
        assert {i.date_time for i in z.infolist()} == {(2025, 1, 1, 0, 0, 0)}
        core = z.read("docProps/core.xml").decode()
    # the properties carry the document's date, not the clock (openpyxl stamps "modified")
    stamps = re.findall(r"<dcterms:(created|modified)[^>]*>([^<]*)<", core)
    assert sorted(stamps) == [
        ("created", f"{dok.date}T00:00:00Z"),
        ("modified", f"{dok.date}T00:00:00Z"),
    ]
    assert write_xlsx(dok) == again


def test_build_writes_the_workbook(tmp_path: Path) -> None:
    first = api.build(DATA, tmp_path / "a", ("xlsx",))
    second = api.build(DATA, tmp_path / "b", ("xlsx",))
    assert [p.name for p in first.written] == ["lkjip-2024.xlsx"]
    assert first.written[0].read_bytes() == second.written[0].read_bytes()


def test_merged_header_and_hand_checked_total() -> None:
    table = Table(
        header=(
            (Cell("No", rowspan=2), Cell("Uraian", rowspan=2), Cell("Anggaran", colspan=2)),
            (Cell("Pagu"), Cell("Realisasi")),
        ),
        body=(
            (Cell("1"), Cell("A"), Cell("1.550.448"), Cell("775.224,50")),
            (Cell("2"), Cell("B"), Cell("2.000"), Cell("Rp. 1.000,25")),
            (Cell("Jumlah", colspan=2), Cell("1.552.448"), Cell("776.224,75")),
            (Cell("Serapan", colspan=2), Cell("-"), Cell("50%")),
        ),
        widths=(1, 4, 2, 2),
        number="9.1",
        caption="Contoh",
        bold_rows=frozenset({2}),
    )
    dok = sample_dokumen()
    dok = Dokumen(dok.title, dok.subject, dok.author, dok.date, dok.paper, (Heading(1, "X"), table))
    book = _book(write_xlsx(dok))
    ws, values = book["9.1"], _book(write_xlsx(dok), values=True)["9.1"]
    assert {str(r) for r in ws.merged_cells.ranges} >= {"A3:A4", "B3:B4", "C3:D3", "A7:B7"}
    # 1.550.448 + 2.000 = 1.552.448; 775.224,50 + 1.000,25 = 776.224,75
    assert ws["C7"].value == "=SUM(C5:C6)" and ws["D7"].value == "=SUM(D5:D6)"
    assert values["C7"].value == 1552448
    assert Decimal(str(values["D7"].value)) == Decimal("776224.75")
    assert ws["D6"].number_format == '"Rp. "#,##0.00'
    assert ws["D8"].value == 0.5 and ws["D8"].number_format == "0%"
    assert ws["C8"].value == "-"  # no value: text, not zero


@pytest.mark.parametrize(
    ("text", "value", "fmt"),
    [
        ("1.550.448", Decimal("1550448"), "#,##0"),
        ("5.046.629.436,54", Decimal("5046629436.54"), "#,##0.00"),
        ("Rp. 1.550.448,00", Decimal("1550448.00"), '"Rp. "#,##0.00'),
        ("95,38%", Decimal("0.9538"), "0.00%"),
        ("2024", Decimal("2024"), "0"),
        ("7", Decimal("7"), "#,##0"),
        ("40 Orang", Decimal("40"), '#,##0 "Orang"'),
        ("1.925 orang", Decimal("1925"), '#,##0 "orang"'),
    ],
)
def test_cell_text_reads_back_exactly(text: str, value: Decimal, fmt: str) -> None:
    number = read_number(text)
    assert number is not None and number.value == value and number.number_format == fmt


@pytest.mark.parametrize(
    "text",
    ["-", "1.", "Tahun 2024", "1.06.01", "007", "60.15", "", "x ≥ 91%", "95% orang", "dua orang"],
)
def test_text_that_is_not_a_number_stays_text(text: str) -> None:
    assert read_number(text) is None
