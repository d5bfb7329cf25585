"""``lkjip impor anggaran``: pagu and realisasi from a spreadsheet into anggaran.yaml.

read the file → find the header → read the rows exactly → match them to the
budget tree → plan the changes → write anggaran.yaml once, atomically, and only
when no row has an error. Nothing here prints: the result says what changed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from lkjip_cli.findings import Finding, exit_code
from lkjip_cli.impor.columns import AMOUNTS, ColumnError, Columns, find_columns, names_for
from lkjip_cli.impor.match import Path3, match_rows, sub_kegiatan
from lkjip_cli.impor.rows import read_rows
from lkjip_cli.impor.sheet import Sheet, SheetError, read_sheets
from lkjip_cli.loader import Position
from lkjip_cli.model import DataTahun

FILE = "anggaran.yaml"


@dataclass(frozen=True)
class Change:
    """One amount of one sub kegiatan: before and after."""

    path: Path3
    nama: str
    field: str
    old: Decimal | None
    new: Decimal


@dataclass
class ImportResult:
    """What an import found and did."""

    findings: list[Finding] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    totals: dict[str, tuple[Decimal, Decimal]] = field(default_factory=dict)
    """Field → (sum of the sub kegiatan before, after)."""
    matched: int = 0
    """Sub kegiatan the sheet had a row for."""
    sheet: str = ""
    """The sheet read (empty for CSV)."""
    written: Path | None = None
    """anggaran.yaml, when it was written."""


def _unreadable(message: str, file: str) -> Finding:
    return Finding("impor.tidak-terbaca", "error", message, Position(file, 1, 1), unreadable=True)


def plan_import(
    data: DataTahun,
    source: Path,
    columns: Mapping[str, str] | None = None,
    sheet_name: str | None = None,
) -> ImportResult:
    """Read ``source`` and work out every change to the budget tree; write nothing."""
    result = ImportResult()
    try:
        names = names_for(columns or {})
        sheets = read_sheets(source)
    except (SheetError, ColumnError) as exc:
        result.findings.append(_unreadable(str(exc), str(source)))
        return result
    try:
        sheet, cols = _choose(sheets, names, sheet_name, str(source))
    except (SheetError, ColumnError) as exc:
        result.findings.append(_unreadable(str(exc), str(source)))
        return result
    result.sheet = sheet.name
    rows, findings = read_rows(sheet, cols)
    matched = match_rows(data.anggaran, rows)
    result.findings = findings + matched.findings
    result.matched = len(matched.rows)
    totals = {a: [Decimal(0), Decimal(0)] for a in AMOUNTS if a in cols.column}
    for pi, p in enumerate(data.anggaran.program):
        for ki, k in enumerate(p.kegiatan):
            for si in range(len(k.sub_kegiatan)):
                path = (pi, ki, si)
                sk = sub_kegiatan(data.anggaran, path)
                row = matched.rows.get(path)
                for name, pair in totals.items():
                    old: Decimal | None = getattr(sk, name)
                    new = row.amounts.get(name, old) if row else old
                    pair[0] += old or 0
                    pair[1] += new or 0
                    if new is not None and new != old:
                        result.changes.append(Change(path, sk.nama, name, old, new))
    result.totals = {name: (a, b) for name, (a, b) in totals.items()}
    return result


def _choose(
    sheets: list[Sheet], names: Mapping[str, tuple[str, ...]], wanted: str | None, file: str
) -> tuple[Sheet, Columns]:
    """The sheet to read (the one named, else the first with a header) and its columns."""
    if wanted is not None:
        chosen = [s for s in sheets if s.name == wanted]
        if not chosen:
            raise SheetError(
                f"{file}: lembar '{wanted}' tidak ada; yang ada: "
                + ", ".join(f"'{s.name}'" for s in sheets)
            )
        sheets = chosen
    for sheet in sheets:
        columns = find_columns(sheet, names)
        if columns is not None:
            return sheet, columns
    where = f"lembar '{sheets[0].name}'" if wanted else "lembar mana pun"
    raise SheetError(
        f"{file}: judul kolom sub kegiatan dan angka tidak ditemukan di {where} "
        f"(dicari di 30 baris teratas: {', '.join(names['nama'][:3])} / "
        f"{', '.join(names['realisasi'][:2])} ...); sebutkan judulnya dengan --kolom, "
        'mis. --kolom realisasi="Realisasi s.d. Desember"'
    )


def apply_import(path: Path, result: ImportResult) -> ImportResult:
    """Write the planned changes into ``path/anggaran.yaml`` when the plan has no error."""
    if exit_code(result.findings) or not result.changes:
        return result
    from lkjip_cli.impor.yamledit import set_amounts
    from lkjip_cli.output import write_outputs

    target = path / FILE
    changes: dict[Path3, dict[str, Decimal]] = {}
    for change in result.changes:
        changes.setdefault(change.path, {})[change.field] = change.new
    raw = target.read_bytes()
    text = set_amounts(raw.decode("utf-8-sig"), changes)
    if b"\r\n" in raw:  # a file saved on Windows keeps its line ends
        text = text.replace("\n", "\r\n")
    bom = "\ufeff" if raw.startswith(b"\xef\xbb\xbf") else ""
    write_outputs(path, {FILE: (bom + text).encode("utf-8")})
    result.written = target
    return result
