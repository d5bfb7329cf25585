"""References to figures of the data (``realisasi_dari``): check, resolve, describe.

A reference names one figure: ``tabel.<nama>.jumlah.<kolom>``,
``tabel.<nama>.baris.<id baris>.<kolom>``, ``anggaran.<field>`` or
``program.<id>.<field>`` (field: pagu_murni, pagu_perubahan, realisasi). An
indicator's realization is pembilang ÷ penyebut × faktor, faktor from its unit.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from lkjip_cli.model.iku import Indikator
from lkjip_cli.model.tabel import NUMERIC, TabelData
from lkjip_cli.report import AnggaranHasil, BarisHasil, TabelHasil

AMOUNTS = ("pagu_murni", "pagu_perubahan", "realisasi")
"""The budget figures a reference may name."""


def faktor(ind: Indikator) -> Decimal:
    """The multiplier of an indicator's ratio: ``realisasi_dari.faktor``, else the indicator's."""
    spec = ind.realisasi_dari
    if spec is not None and spec.faktor is not None:
        return spec.faktor
    return ind.faktor()


def _hint(value: str, known: Iterable[str]) -> str:
    names = list(known)
    close = difflib.get_close_matches(value, names, n=1)
    if close:
        return f"; maksud Anda '{close[0]}'?"
    return f"; yang ada: {', '.join(names)}" if names else ""


def problem(ref: str, tables: Mapping[str, TabelData], programs: Iterable[str]) -> str | None:
    """Why ``ref`` names no figure (Indonesian, with a suggestion), or none when it does."""
    parts = ref.strip().split(".")
    head = parts[0]
    if head == "anggaran":
        if len(parts) != 2 or parts[1] not in AMOUNTS:
            return f"rujukan '{ref}' tidak dikenal: tulis anggaran.<{'|'.join(AMOUNTS)}>"
        return None
    if head == "program":
        ids = list(programs)
        if len(parts) != 3:
            return f"rujukan '{ref}' tidak dikenal: tulis program.<id>.<{'|'.join(AMOUNTS)}>"
        if parts[1] not in ids:
            return f"program '{parts[1]}' tidak dikenal{_hint(parts[1], ids)}"
        if parts[2] not in AMOUNTS:
            return f"'{parts[2]}' bukan angka anggaran{_hint(parts[2], AMOUNTS)}"
        return None
    if head != "tabel":
        return (
            f"rujukan '{ref}' tidak dikenal{_hint(head, ('tabel', 'anggaran', 'program'))} "
            "(tabel.<nama>.jumlah.<kolom>, tabel.<nama>.baris.<id>.<kolom>, anggaran.<angka>, "
            "program.<id>.<angka>)"
        )
    if len(parts) < 2 or parts[1] not in tables:
        name = parts[1] if len(parts) > 1 else ""
        return f"tabel '{name}' tidak ada di tabel/{_hint(name, tables)}"
    t = tables[parts[1]]
    numeric = [k.id for k in t.tabel.kolom if k.jenis in NUMERIC]
    if len(parts) == 4 and parts[2] == "jumlah":
        if t.jumlah is None:
            return f"tabel '{t.nama}' tidak memiliki baris jumlah (isi 'jumlah:')"
        column = parts[3]
    elif len(parts) == 5 and parts[2] == "baris":
        ids = [r.id for r in t.baris if r.id] + [s.id for r in t.baris for s in r.rincian if s.id]
        if parts[3] not in ids:
            return f"baris '{parts[3]}' tidak ada di tabel '{t.nama}'{_hint(parts[3], ids)}"
        column = parts[4]
    else:
        return (
            f"rujukan '{ref}' tidak lengkap: tulis tabel.{t.nama}.jumlah.<kolom> "
            f"atau tabel.{t.nama}.baris.<id baris>.<kolom>"
        )
    if column not in numeric:
        return f"kolom angka '{column}' tidak ada di tabel '{t.nama}'{_hint(column, numeric)}"
    return None


def value(ref: str, tables: Mapping[str, TabelHasil], anggaran: AnggaranHasil) -> Decimal | None:
    """The figure ``ref`` names (already checked by :func:`problem`); none when empty."""
    parts = ref.strip().split(".")
    found: Any = None
    if parts[0] == "anggaran":
        found = getattr(anggaran, parts[1])
    elif parts[0] == "program":
        program = next((p for p in anggaran.program if p.id == parts[1]), None)
        found = getattr(program, parts[2]) if program is not None else None
    elif parts[1] in tables:
        t = tables[parts[1]]
        row: BarisHasil | None = t.jumlah if parts[2] == "jumlah" else _row(t, parts[3])
        found = row.nilai.get(parts[-1]) if row is not None else None
    return None if found is None else Decimal(found)


def _row(t: TabelHasil, row_id: str) -> BarisHasil | None:
    for r in t.baris:
        if r.id == row_id:
            return r
        for s in r.rincian:
            if s.id == row_id:
                return s
    return None


def realisasi(
    ind: Indikator, tables: Mapping[str, TabelHasil], anggaran: AnggaranHasil
) -> Decimal | None:
    """pembilang ÷ penyebut × faktor; none without data or with a penyebut of 0."""
    spec = ind.realisasi_dari
    if spec is None:
        return None
    top, bottom = value(spec.pembilang, tables, anggaran), value(spec.penyebut, tables, anggaran)
    if top is None or bottom is None or bottom == 0:
        return None
    return top * faktor(ind) / bottom
