"""Declared tables → :class:`TabelHasil`: sums of rincian and rows, computed columns.

A group row's summed column is the sum of its rincian when every rincian has a
value (a stated value is kept and checked, see :mod:`lkjip_cli.checks.tabel`);
the total row's is the sum of the top-level rows. A computed column is never
summed: in every row it is its formula over that row's values. Exact Decimals;
nothing is rounded.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from lkjip_cli.model.tabel import BarisData, TabelData
from lkjip_cli.report import BarisHasil, TabelHasil
from lkjip_cli.rumus import Ekspresi, Operasi, evaluate

HUNDRED = Decimal(100)


def compute_table(t: TabelData, tahun: int) -> TabelHasil:
    """One declared table with every row, group and total resolved."""
    summed = [k.id for k in t.tabel.kolom if k.summed]
    percent = {k.id for k in t.tabel.kolom if k.jenis == "persen"}
    formulas = [(c, node, c in percent) for c, node in t.rumus.items()]
    rows = [_row(b, summed, formulas) for b in t.baris]
    total = None
    if t.jumlah is not None:
        sums = {c: s for c in summed if (s := _sum([r.nilai.get(c) for r in rows])) is not None}
        values: dict[str, Any] = {**t.jumlah.nilai, **sums}
        total = BarisHasil.model_construct(
            id=None, nilai=_computed(values, formulas), dihitung=sums, rincian=[]
        )
    return TabelHasil.model_construct(
        nama=t.nama,
        judul=t.tabel.judul.replace("{tahun}", str(tahun)),
        sumber=t.tabel.sumber,
        catatan=list(t.tabel.catatan),
        kolom=list(t.tabel.kolom),
        nomor=t.tabel.nomor,
        kecil=t.tabel.kecil,
        label_jumlah=t.label_jumlah,
        baris=rows,
        jumlah=total,
    )


def _row(b: BarisData, summed: list[str], formulas: list[tuple[str, Ekspresi, bool]]) -> BarisHasil:
    subs = [_row(r, [], formulas) for r in b.rincian]
    sums: dict[str, Any] = {}
    if subs:
        for c in summed:
            parts = [s.nilai.get(c) for s in subs]
            if all(v is not None for v in parts):
                sums[c] = _sum(parts)
    values: dict[str, Any] = dict(b.nilai)
    for c, v in sums.items():
        if values.get(c) is None:
            values[c] = v
    return BarisHasil.model_construct(
        id=b.id, nilai=_computed(values, formulas), dihitung=sums, rincian=subs
    )


def _sum(values: Sequence[Any]) -> Any:
    """The sum of the values present (an int stays an int); none when none is."""
    present = [v for v in values if v is not None]
    if not present:
        return None
    return sum(present[1:], present[0])


def _computed(values: dict[str, Any], formulas: list[tuple[str, Ekspresi, bool]]) -> dict[str, Any]:
    for column, node, percent in formulas:
        value = evaluate(node, values)
        if value is not None and percent and isinstance(node, Operasi) and node.op == "/":
            value *= HUNDRED
        values[column] = value
    return values
