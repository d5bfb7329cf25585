"""A spreadsheet file (.xlsx or .csv) → sheets of raw cell values with their places.

Nothing is interpreted here but the file itself: which sheets it has, the value
of every cell (a formula's last computed value), and which cells are merged.
A file that cannot be read (not a spreadsheet, encrypted, corrupt, too big) is
a :class:`SheetError` naming the file and why.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.utils import get_column_letter

MAX_BYTES = 32 * 1024 * 1024
"""Largest file read: far beyond a budget export, small enough to refuse a wrong file."""

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""An OLE compound file: a password-protected .xlsx or an old .xls."""


class SheetError(Exception):
    """The file cannot be read as a spreadsheet at all."""


@dataclass
class Sheet:
    """One sheet: its rows of raw values (row 1 first) and its merged ranges."""

    file: str
    """The file's path as given."""
    name: str
    """The sheet's name; empty for a CSV file."""
    rows: list[list[object]]
    """Cell values; ``None`` for an empty cell."""
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    """Merged ranges as (first row, first column, last row, last column), 1-based."""
    lines: list[int] = field(default_factory=list)
    """CSV only: the line each row starts on."""

    def value(self, row: int, col: int) -> object:
        """The value at a 1-based place; a merged cell shows its range's value."""
        for r1, c1, r2, c2 in self.merged:
            if r1 <= row <= r2 and c1 <= col <= c2:
                row, col = r1, c1
                break
        if row > len(self.rows) or col > len(self.rows[row - 1]):
            return None
        return self.rows[row - 1][col - 1]

    def where(self, row: int, col: int | None = None) -> str:
        """A place in words: ``lembar 'Realisasi' sel D7`` or ``baris 7 kolom 4``."""
        if not self.name:
            line = self.lines[row - 1] if row - 1 < len(self.lines) else row
            return f"baris {line}" + (f" kolom {col}" if col else "")
        cell = f" sel {get_column_letter(col)}{row}" if col else f" baris {row}"
        return f"lembar '{self.name}'{cell}"

    def line(self, row: int) -> int:
        """The file line (CSV) or sheet row of a 1-based row."""
        return self.lines[row - 1] if self.lines and row - 1 < len(self.lines) else row


def read_sheets(path: Path) -> list[Sheet]:
    """Every sheet of ``path`` (.xlsx, .xlsm or .csv); :class:`SheetError` if unreadable."""
    from lkjip_cli.datafiles import read_data_file
    from lkjip_cli.errors import InputError

    if not path.exists() and not path.is_symlink():
        raise SheetError(f"{path}: berkas tidak ditemukan")
    real = path.resolve()
    try:
        # a regular file of bounded size: a FIFO or a device must not hang the import
        data = read_data_file(real.parent, real, label=str(path), limit=MAX_BYTES)
    except InputError as exc:
        raise SheetError(exc.message) from None
    suffix = path.suffix.lower()
    if data.startswith(_OLE):
        raise SheetError(
            f"{path}: berkas dilindungi kata sandi atau berformat Excel lama (.xls); "
            "buka di Excel, hapus kata sandinya, lalu simpan sebagai .xlsx"
        )
    if data.startswith(_ZIP) or suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, data)
    if suffix in (".csv", ".txt"):
        return [_read_csv(path, data)]
    raise SheetError(f"{path}: bukan lembar kerja; gunakan berkas .xlsx atau .csv")


def _read_xlsx(path: Path, data: bytes) -> list[Sheet]:
    if not data.startswith(_ZIP):
        raise SheetError(f"{path}: bukan berkas .xlsx (isinya bukan buku kerja Excel)")
    from openpyxl import load_workbook

    try:
        # data_only: a formula cell gives the value Excel last computed for it
        book = load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, EOFError) as exc:
        raise SheetError(
            f"{path}: buku kerja rusak atau tidak lengkap ({type(exc).__name__}); "
            "buka di Excel lalu simpan ulang"
        ) from None
    except Exception as exc:  # openpyxl raises many kinds on a malformed package
        raise SheetError(f"{path}: buku kerja tidak dapat dibaca: {exc}") from None
    sheets = []
    for ws in book.worksheets:
        rows = [list(row) for row in ws.iter_rows(values_only=True)]
        merged = [(m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges]
        sheets.append(Sheet(str(path), ws.title, rows, merged))
    return sheets


def _read_csv(path: Path, data: bytes) -> Sheet:
    if b"\0" in data[:4096]:
        raise SheetError(f"{path}: bukan berkas CSV (berisi data biner)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on Windows saves CSV in the ANSI code page
        text = data.decode("cp1252", errors="replace")
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(
            text[:8192], delimiters=";,\t"
        )
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    rows: list[list[object]] = []
    lines: list[int] = []
    try:
        start = 1
        for row in reader:
            rows.append([cell if cell.strip() else None for cell in row])
            lines.append(start)
            start = reader.line_num + 1
    except csv.Error as exc:
        raise SheetError(f"{path}: baris {reader.line_num}: CSV tidak sah: {exc}") from None
    return Sheet(str(path), "", rows, lines=lines)
