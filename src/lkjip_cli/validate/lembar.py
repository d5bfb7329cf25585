"""Rows of a declared table read from a CSV or XLSX file (``baris_dari``).

Every cell keeps its place for messages: ``puskesmas.xlsx!Sheet1!C12`` or
``puskesmas.csv:12``. Number cells are read exactly (a float by its shortest
repr, so 0.1 stays 0.1), a formula or a merged cell is refused rather than
guessed, and the header row must name the table's columns.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path, PurePosixPath
from typing import Any

from lkjip_cli.datafiles import read_data_file
from lkjip_cli.errors import InputError
from lkjip_cli.findings import Finding, error
from lkjip_cli.loader import MAX_FILE_BYTES, Document, Position
from lkjip_cli.model.tabel import BarisDari, Kolom

_RULE = "tabel.berkas-baris"


def read_sheet(
    spec: BarisDari, kolom: Sequence[Kolom], folder: Path, doc: Document, findings: list[Finding]
) -> list[Any]:
    """The rows of ``spec.berkas`` as raw rows, or none (and a finding) when unusable."""
    where = doc.position(("baris_dari", "berkas"))
    name = PurePosixPath(spec.berkas.replace("\\", "/"))
    if name.is_absolute() or ".." in name.parts:
        findings.append(
            error(_RULE, f"berkas '{spec.berkas}' harus berada di direktori data", where)
        )
        return []
    path = folder / Path(*name.parts)
    label = str(Path(doc.file).parent / Path(*name.parts))
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        findings.append(error(_RULE, f"berkas '{spec.berkas}' bukan .csv atau .xlsx", where))
        return []
    try:
        raw = read_data_file(folder, path, label=label, limit=MAX_FILE_BYTES)
    except InputError as exc:
        findings.append(error(_RULE, f"baris_dari: {exc.message}", where))
        return []
    if suffix == ".csv":
        grid = _csv(raw, spec, label, findings, where)
    else:
        grid = _xlsx(raw, spec, label, findings, where)
    if grid is None:
        return []
    return _rows(grid, spec, kolom, findings, where)


Grid = list[list[tuple[Any, Position]]]
"""Rows of (value, position) from the header row on."""


def _csv(
    raw: bytes, spec: BarisDari, label: str, findings: list[Finding], where: Position
) -> Grid | None:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        findings.append(
            error(_RULE, f"berkas '{spec.berkas}' bukan teks UTF-8 (bita ke-{exc.start})", where)
        )
        return None
    lines = text.splitlines()
    head = lines[spec.baris_judul - 1] if len(lines) >= spec.baris_judul else ""
    delimiter = ";" if head.count(";") > head.count(",") else ","
    grid: Grid = []
    for n, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), 1):
        if n < spec.baris_judul:
            continue
        grid.append([(v, Position(label, n, c)) for c, v in enumerate(row, 1)])
    return grid


def _xlsx(
    raw: bytes, spec: BarisDari, label: str, findings: list[Finding], where: Position
) -> Grid | None:
    import openpyxl  # imported here: only tables read from XLSX need it

    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), data_only=False)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        findings.append(
            error(_RULE, f"berkas '{spec.berkas}' tidak dapat dibaca sebagai XLSX: {exc}", where)
        )
        return None
    if spec.lembar is not None and spec.lembar not in book.sheetnames:
        findings.append(
            error(
                _RULE,
                f"lembar '{spec.lembar}' tidak ada di '{spec.berkas}'; yang ada: "
                + ", ".join(book.sheetnames),
                where,
            )
        )
        return None
    sheet = book[spec.lembar] if spec.lembar is not None else book.worksheets[0]
    title = sheet.title
    merged = list(sheet.merged_cells.ranges)
    if merged:
        first = merged[0]
        findings.append(
            error(
                _RULE,
                f"sel {first.coord} digabung (merge); pisahkan sel-sel itu dan isi setiap sel",
                Position(label, first.min_row, first.min_col, f"{title}!{first.coord}"),
            )
        )
        return None
    grid: Grid = []
    for row in sheet.iter_rows(min_row=spec.baris_judul):
        line = []
        for cell in row:
            at = Position(label, cell.row, cell.column, f"{title}!{cell.coordinate}")
            value = cell.value
            if cell.data_type == "f" or (isinstance(value, str) and value.startswith("=")):
                findings.append(
                    error(
                        _RULE,
                        f"sel {cell.coordinate} berisi rumus ({value}); tempel nilainya saja "
                        "(Paste Special → Values)",
                        at,
                    )
                )
                value = None
            line.append((_exact(value), at))
        grid.append(line)
    return grid


def _exact(value: Any) -> Any:
    """A spreadsheet value without binary noise: 1550448.0 → 1550448, 0.1 → Decimal('0.1')."""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, float):
        return int(value) if value.is_integer() else Decimal(repr(value))
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def _norm(text: object) -> str:
    return " ".join(str(text).lower().split())


def _rows(
    grid: Grid, spec: BarisDari, kolom: Sequence[Kolom], findings: list[Finding], where: Position
) -> list[Any]:
    from lkjip_cli.validate.sel import RawRow

    if not grid:
        findings.append(
            error(_RULE, f"baris judul {spec.baris_judul} tidak ada di '{spec.berkas}'", where)
        )
        return []
    header = grid[0]
    wanted = {
        **{_norm(k.judul): k.id for k in kolom if k.rumus is None},
        **{_norm(k.id): k.id for k in kolom if k.rumus is None},
    }
    mapping: dict[int, str] = {}
    for i, (value, at) in enumerate(header):
        if value is None or not str(value).strip():
            continue
        key = wanted.get(_norm(value))
        if key is None:
            findings.append(
                error(
                    _RULE,
                    f"judul kolom '{value}' tidak cocok dengan kolom tabel mana pun; yang ada: "
                    + ", ".join(k.judul for k in kolom if k.rumus is None),
                    at,
                )
            )
            return []
        mapping[i] = key
    missing = [k for k in kolom if k.rumus is None and k.id not in mapping.values()]
    if missing:
        findings.append(
            error(
                _RULE,
                f"baris judul {spec.baris_judul} '{spec.berkas}' tidak memuat kolom "
                + ", ".join(f"'{k.judul}'" for k in missing),
                header[0][1] if header else where,
            )
        )
        return []
    rows = []
    for line in grid[1:]:
        cells = {mapping[i]: (v, at) for i, (v, at) in enumerate(line) if i in mapping}
        if all(v is None or not str(v).strip() for v, _ in cells.values()):
            break
        rows.append(
            RawRow(
                {k: v for k, (v, _) in cells.items()},
                line[0][1],
                {k: at for k, (_, at) in cells.items()},
            )
        )
    return rows
