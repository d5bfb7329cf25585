"""The data rows of a sheet: each sub kegiatan row's code, names and amounts.

Every amount is read exactly (:mod:`lkjip_cli.impor.amounts`); a cell that is
not one is a finding naming the sheet and cell. Rows with no amount at all
are kept as headings (a kegiatan row tells which kegiatan the rows below
belong to); total rows (``Jumlah``, ``Total``) are passed over.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from lkjip_cli.findings import Finding, error
from lkjip_cli.impor.amounts import AmountError, read_amount
from lkjip_cli.impor.columns import AMOUNTS, Columns, normalise
from lkjip_cli.impor.sheet import Sheet
from lkjip_cli.loader import Position

_TOTAL_WORDS = ("jumlah", "total", "grand total", "sub total", "subtotal")


@dataclass(frozen=True)
class SheetRow:
    """One data row of a sheet."""

    sheet: Sheet
    row: int
    """1-based row in the sheet."""
    kode: str
    nama: str
    kegiatan: str
    amounts: dict[str, Decimal] = field(default_factory=dict)
    """Field → amount, only the cells that hold one."""
    blank: bool = False
    """No amount cell is filled: a heading (program, kegiatan) or a title."""

    def where(self) -> str:
        """``lembar 'Realisasi' baris 7`` / ``baris 7``."""
        return self.sheet.where(self.row)

    def position(self) -> Position:
        """The row's place for a finding."""
        return Position(self.sheet.file, self.sheet.line(self.row), 1)


def read_rows(sheet: Sheet, columns: Columns) -> tuple[list[SheetRow], list[Finding]]:
    """The rows below the header that carry an amount, and a finding per bad cell."""
    rows: list[SheetRow] = []
    findings: list[Finding] = []
    col = columns.column
    for r in range(columns.header_row + 1, len(sheet.rows) + 1):

        def text(name: str, r: int = r) -> str:
            value = sheet.value(r, col[name]) if name in col else None
            return "" if value is None else _text(value)

        nama, kode = text("nama"), text("kode")
        if normalise(nama) in _TOTAL_WORDS or normalise(kode) in _TOTAL_WORDS:
            continue
        amounts: dict[str, Decimal] = {}
        for name in AMOUNTS:
            if name not in col:
                continue
            try:
                value = read_amount(_cell(sheet, r, col[name]))
            except AmountError as exc:
                findings.append(
                    error(
                        "impor.bukan-angka",
                        f"{sheet.where(r, col[name])} ({name}): {exc}",
                        Position(sheet.file, sheet.line(r), col[name]),
                    )
                )
                continue
            if value is not None:
                amounts[name] = value
        if not nama and not kode:
            continue  # a units or blank row
        blank = all(_cell(sheet, r, col[n]) is None for n in AMOUNTS if n in col)
        rows.append(SheetRow(sheet, r, kode, nama, text("kegiatan"), amounts, blank))
    return rows, findings


def _cell(sheet: Sheet, row: int, col: int) -> object:
    """The cell's own value (an amount is never read from a merged neighbour)."""
    line = sheet.rows[row - 1]
    return line[col - 1] if col <= len(line) else None


def _text(value: object) -> str:
    """A code or name cell as text; a whole float (``5.0``) as ``5``."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())
