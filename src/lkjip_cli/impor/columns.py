"""Which column holds what: header names → fields, with defaults for the usual exports.

Exports differ between regions and versions of SIPD and e-SAKIP, so a column
is found by its header, never by its position. The defaults (:data:`HEADERS`)
cover SIPD's field names and their Indonesian headings; ``--kolom`` or a
mapping file replaces a field's names with the header a sheet uses. A header
may span two rows (``Pagu`` merged over ``Murni`` and ``Perubahan``): the
upper and lower texts are read together (``Pagu Murni``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from lkjip_cli.impor.sheet import Sheet

FIELDS = ("kode", "nama", "kegiatan", "pagu_murni", "pagu_perubahan", "realisasi")
"""Fields a sheet may provide, in the words of anggaran.yaml."""
AMOUNTS = ("pagu_murni", "pagu_perubahan", "realisasi")
"""The fields that are amounts (written to anggaran.yaml)."""

HEADERS: dict[str, tuple[str, ...]] = {
    "kode": ("kode_sub_giat", "Kode Sub Kegiatan", "Kode Sub Giat", "Kode"),
    "nama": ("nama_sub_giat", "Nama Sub Kegiatan", "Sub Kegiatan", "Uraian Sub Kegiatan"),
    "kegiatan": ("nama_giat", "Nama Kegiatan", "Kegiatan"),
    "pagu_murni": (
        "pagumurni",
        "pagu_murni",
        "Pagu Murni",
        "Anggaran Murni",
        "Pagu Sebelum Perubahan",
        "Murni",
    ),
    "pagu_perubahan": (
        "pagu",
        "pagu_perubahan",
        "Pagu Perubahan",
        "Anggaran Perubahan",
        "Pagu Setelah Perubahan",
        "Perubahan",
    ),
    "realisasi": ("realisasi", "Realisasi", "Realisasi Anggaran", "Total Realisasi"),
}
"""Default header names of each field (compared without case, spaces, ``_`` or ``(Rp)``)."""

HEADER_ROWS = 30
"""The header is looked for in this many rows from the top (titles may stand above it)."""


class ColumnError(ValueError):
    """The columns cannot be mapped (the message names the sheet and the header)."""


def normalise(text: object) -> str:
    """``Pagu Murni (Rp)`` / ``pagu_murni`` → ``pagu murni``."""
    words = re.sub(r"[^0-9a-z]+", " ", str(text).lower()).split()
    return " ".join(w for w in words if w != "rp")


@dataclass(frozen=True)
class Columns:
    """Where a sheet's fields stand: its header row and each field's column (1-based)."""

    header_row: int
    """The (lower) header row; data start below it."""
    column: Mapping[str, int]
    """Field → column."""


def names_for(overrides: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """Each field's header names: the defaults, a field's override replacing them.

    Two fields given the same header is a :class:`ColumnError` (a column mapped twice).
    """
    unknown = sorted(set(overrides) - set(FIELDS))
    if unknown:
        raise ColumnError(
            f"kolom tidak dikenal: {', '.join(unknown)}; pilih dari {', '.join(FIELDS)}"
        )
    seen: dict[str, str] = {}
    for name, header in overrides.items():
        key = normalise(header)
        if not key:
            raise ColumnError(f"--kolom {name}: nama judul kolom kosong")
        if key in seen:
            raise ColumnError(
                f"judul kolom '{header}' dipetakan dua kali: ke {seen[key]} dan ke {name}; "
                "setiap kolom hanya untuk satu isian"
            )
        seen[key] = name
    return {f: (overrides[f],) if f in overrides else HEADERS[f] for f in FIELDS}


def find_columns(sheet: Sheet, names: Mapping[str, tuple[str, ...]]) -> Columns | None:
    """The first row that heads a sub kegiatan column and an amount column, else None.

    :class:`ColumnError` when a field's header stands in two columns of that row,
    or one column answers to two fields.
    """
    wanted = {f: {normalise(n) for n in names[f]} for f in FIELDS}
    for row in range(1, min(len(sheet.rows), HEADER_ROWS) + 1):
        found = _match_row(sheet, row, wanted)
        if _heads(found):
            # A two-row header: the lower row, read with the upper, may name more.
            below = _match_row(sheet, row + 1, wanted) if row < len(sheet.rows) else {}
            if _heads(below) and len(below) > len(found):
                row, found = row + 1, below
            return _single(sheet, row, found)
    return None


def _heads(found: dict[str, list[int]]) -> bool:
    return ("nama" in found or "kode" in found) and any(a in found for a in AMOUNTS)


def _labels(sheet: Sheet, row: int, col: int) -> list[str]:
    """What a header cell may say: with the text above it (two-row header), then alone."""
    lower = normalise(_own_value(sheet, row, col) or "")
    upper = normalise(sheet.value(row - 1, col) or "") if row > 1 else ""
    labels = [f"{upper} {lower}"] if upper and lower and upper != lower else []
    return [*labels, lower] if lower else labels


def _own_value(sheet: Sheet, row: int, col: int) -> object:
    """A cell's value, or its merged range's when the range comes down from above.

    A range merged across columns (``Pagu`` over two) names only its first
    column in its own row; below it, each column has its own text.
    """
    for r1, c1, r2, c2 in sheet.merged:
        if r1 <= row <= r2 and c1 <= col <= c2:
            return sheet.value(r1, c1) if col == c1 else None
    return sheet.value(row, col)


def _match_row(sheet: Sheet, row: int, wanted: dict[str, set[str]]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    width = max((len(r) for r in sheet.rows[max(row - 2, 0) : row]), default=0)
    for col in range(1, width + 1):
        for label in _labels(sheet, row, col):
            fields = [f for f in FIELDS if label in wanted[f]]
            if fields:
                for f in fields:
                    found.setdefault(f, []).append(col)
                break  # the fuller label decides; "Murni" alone is not asked then
    return found


def _single(sheet: Sheet, row: int, found: dict[str, list[int]]) -> Columns:
    from openpyxl.utils import get_column_letter

    by_column: dict[int, list[str]] = {}
    for field, cols in found.items():
        if len(cols) > 1:
            places = ", ".join(get_column_letter(c) for c in cols)
            raise ColumnError(
                f"{sheet.where(row)}: judul kolom {field} ada di {len(cols)} kolom ({places}); "
                f'pilih satu dengan --kolom {field}="JUDUL"'
            )
        by_column.setdefault(cols[0], []).append(field)
    for col, fields in by_column.items():
        if len(fields) > 1:
            raise ColumnError(
                f"{sheet.where(row, col)}: satu kolom dipetakan dua kali "
                f"({' dan '.join(fields)}); setiap kolom hanya untuk satu isian"
            )
    return Columns(row, {f: cols[0] for f, cols in found.items()})


def from_options(peta: Path | None, kolom: list[str]) -> dict[str, str]:
    """The headers named by ``--peta FILE`` and ``--kolom`` (which wins); ColumnError if wrong."""
    columns = read_mapping_file(peta) if peta else {}
    columns.update(parse_option(kolom))
    return columns


def read_mapping_file(path: Path) -> dict[str, str]:
    """A mapping file (``--peta``) read and parsed; :class:`ColumnError` if it is not one."""
    from lkjip_cli.datafiles import read_data_file
    from lkjip_cli.errors import InputError

    real = path.resolve()
    try:
        raw = read_data_file(real.parent, real, label=str(path), limit=1024 * 1024)
        return read_mapping(raw.decode("utf-8"))
    except InputError as exc:
        raise ColumnError(f"--peta: {exc.message}") from None
    except UnicodeDecodeError:
        raise ColumnError(f"--peta: {path} bukan teks UTF-8") from None


def read_mapping(text: str) -> dict[str, str]:
    """A mapping file's ``field: header`` lines (YAML, a ``kolom:`` mapping or flat)."""
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ColumnError(f"berkas pemetaan bukan YAML yang sah: {exc}") from None
    if isinstance(data, dict) and isinstance(data.get("kolom"), dict):
        data = data["kolom"]
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str | int) for k, v in data.items()
    ):
        raise ColumnError(
            "berkas pemetaan harus berisi 'kolom:' dengan baris isian: judul kolom, "
            "mis. realisasi: Realisasi s.d. Desember"
        )
    return {k: str(v) for k, v in data.items()}


def parse_option(values: list[str]) -> dict[str, str]:
    """``--kolom realisasi="Realisasi s.d. Desember"`` values → field → header."""
    out: dict[str, str] = {}
    for value in values:
        name, sep, header = value.partition("=")
        if not sep:
            raise ColumnError(
                f"--kolom '{value}': tulis ISIAN=JUDUL, mis. realisasi=\"Realisasi s.d. Desember\""
            )
        name = name.strip()
        if name in out:
            raise ColumnError(f"--kolom {name} diberikan dua kali")
        out[name] = header.strip().strip("\"'")
    return out
