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

from lkjip_cli.findings import Finding, error, exit_code
from lkjip_cli.impor.columns import AMOUNTS, ColumnError, Columns, find_columns, names_for
from lkjip_cli.impor.match import Path3, find_kegiatan, match_rows, sub_kegiatan
from lkjip_cli.impor.rows import SheetRow, read_rows
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


@dataclass(frozen=True)
class Added:
    """A sub kegiatan new to the tree, added under a kegiatan the user named."""

    kegiatan: tuple[int, int]
    """(program, kegiatan) indexes."""
    kegiatan_nama: str
    nama: str
    kode: str
    amounts: dict[str, Decimal]


@dataclass
class ImportResult:
    """What an import found and did."""

    findings: list[Finding] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    added: list[Added] = field(default_factory=list)
    """New sub kegiatan (``--tambah-ke``)."""
    totals: dict[str, tuple[Decimal, Decimal]] = field(default_factory=dict)
    """Field → (sum of the sub kegiatan before, after)."""
    matched: int = 0
    """Sub kegiatan the sheet had a row for."""
    sheet: str = ""
    """The sheet read (empty for CSV)."""
    columns: dict[str, int] = field(default_factory=dict)
    """Amount field → the sheet's column it was read from (1-based); a field absent
    here had no column and is left as it is."""
    written: Path | None = None
    """anggaran.yaml, when it was written."""


def _unreadable(message: str, file: str) -> Finding:
    return Finding("impor.tidak-terbaca", "error", message, Position(file, 1, 1), unreadable=True)


def plan_import(
    data: DataTahun,
    source: Path,
    columns: Mapping[str, str] | None = None,
    sheet_name: str | None = None,
    add_to: str | None = None,
) -> ImportResult:
    """Read ``source`` and work out every change to the budget tree; write nothing.

    ``add_to`` names the kegiatan under which rows of unknown sub kegiatan are
    added; without it they are reported and left out.
    """
    result = ImportResult()
    try:
        names = names_for(columns or {})
        target = _kegiatan(data, add_to) if add_to is not None else None
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
    result.columns = {a: cols.column[a] for a in AMOUNTS if a in cols.column}
    rows, findings = read_rows(sheet, cols)
    matched = match_rows(data.anggaran, rows, adding=target is not None)
    result.findings = findings + matched.findings
    result.matched = len(matched.rows)
    if target is not None:
        result.added, more = _new_rows(data, target, matched.unknown)
        result.findings += more
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
    for added in result.added:
        for name, pair in totals.items():
            pair[1] += added.amounts.get(name, 0)
    result.totals = {name: (a, b) for name, (a, b) in totals.items()}
    return result


def _kegiatan(data: DataTahun, name: str) -> tuple[int, int]:
    found = find_kegiatan(data.anggaran, name)
    if len(found) != 1:
        where = "tidak ada" if not found else f"ada di {len(found)} program"
        raise ColumnError(f"--tambah-ke: kegiatan '{name}' {where} di anggaran.yaml")
    return found[0]


def _new_rows(
    data: DataTahun, target: tuple[int, int], rows: list[SheetRow]
) -> tuple[list[Added], list[Finding]]:
    """The rows to add as sub kegiatan; a row without both pagu cannot be one."""
    kegiatan = data.anggaran.program[target[0]].kegiatan[target[1]].nama
    added: list[Added] = []
    findings: list[Finding] = []
    for row in rows:
        missing = [a for a in ("pagu_murni", "pagu_perubahan") if a not in row.amounts]
        if missing or not row.nama:
            findings.append(
                error(
                    "impor.baru-tidak-lengkap",
                    f"{row.where()}: sub kegiatan baru '{row.nama or row.kode}' tidak dapat "
                    f"ditambahkan tanpa {' dan '.join(missing) or 'nama'}",
                    row.position(),
                )
            )
            continue
        added.append(Added(target, kegiatan, row.nama, row.kode, dict(row.amounts)))
    return added, findings


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
    if exit_code(result.findings) or not (result.changes or result.added):
        return result
    from lkjip_cli.datafiles import read_data_file
    from lkjip_cli.impor.yamledit import set_amounts
    from lkjip_cli.loader import MAX_FILE_BYTES
    from lkjip_cli.output import write_outputs

    target = path / FILE
    changes: dict[Path3, dict[str, Decimal]] = {}
    for change in result.changes:
        changes.setdefault(change.path, {})[change.field] = change.new
    raw = read_data_file(path, target, label=str(target), limit=MAX_FILE_BYTES)
    new: list[tuple[tuple[int, int], dict[str, str | Decimal]]] = [
        (a.kegiatan, {"kode": a.kode, "nama": a.nama, **a.amounts}) for a in result.added
    ]
    text = set_amounts(raw.decode("utf-8-sig"), changes, new)
    if b"\r\n" in raw:  # a file saved on Windows keeps its line ends
        text = text.replace("\n", "\r\n")
    bom = "\ufeff" if raw.startswith(b"\xef\xbb\xbf") else ""
    write_outputs(path, {FILE: (bom + text).encode("utf-8")})
    result.written = target
    return result
