"""Rules over declared tables (``tabel/*.yaml``): rincian, totals, constraints.

Each message names the table, the row by its first text column, the column,
the figure as written and as computed, their difference, the contributing
items and, where one value alone would balance the sum, which.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

from lkjip_cli import rujukan
from lkjip_cli.checks._common import (
    Part,
    Rule,
    balancing,
    count,
    diff_text,
    rp,
    suggestion,
    sum_lines,
    where,
)
from lkjip_cli.findings import Finding, error, warning
from lkjip_cli.loader import Position
from lkjip_cli.model import DataTahun
from lkjip_cli.model.tabel import BarisData, Kolom, TabelData
from lkjip_cli.numbers import format_decimal_id, normalise_words
from lkjip_cli.numbers import terbilang as words_of
from lkjip_cli.report import BarisHasil, Report, TabelHasil
from lkjip_cli.rumus import Operasi, Syarat, columns, evaluate, holds, spelled

Fmt = Callable[[Decimal], str]


def formatter(k: Kolom) -> Fmt:
    """How a column's figures read in a message."""
    if k.jenis == "rupiah":
        return rp
    if k.jenis == "bilangan":
        return count
    places = 2 if k.desimal is None else k.desimal
    suffix = "%" if k.jenis == "persen" else ""
    return lambda v: f"{format_decimal_id(v, max(places, 2))}{suffix}"


def row_name(t: TabelData, row: BarisData, index: str) -> str:
    """A row by its first text column, else its id, else ``ke-<n>``."""
    for k in t.tabel.kolom:
        if k.jenis == "teks" and isinstance(row.nilai.get(k.id), str):
            return str(row.nilai[k.id])
    return row.id or f"ke-{index}"


def row_label(t: TabelData, row: BarisData, index: str) -> str:
    """``baris 'Penyandang Disabilitas'``."""
    return f"baris '{row_name(t, row, index)}'"


def _pairs(t: TabelData, hasil: TabelHasil) -> Iterator[tuple[str, BarisData, BarisHasil]]:
    """Every row and rincian with its label, source and result."""
    for i, (b, h) in enumerate(zip(t.baris, hasil.baris, strict=True), 1):
        yield row_label(t, b, str(i)), b, h
        for j, (sb, sh) in enumerate(zip(b.rincian, h.rincian, strict=True)):
            yield f"rincian {row_label(t, sb, f'{i}{chr(97 + j)}')}", sb, sh


def rincian_tidak_cocok(data: DataTahun, report: Report) -> list[Finding]:
    """A group row whose stated value is not the sum of its rincian."""
    findings = []
    for name, t in data.tabel.items():
        hasil = report.tabel[name]
        for i, (b, h) in enumerate(zip(t.baris, hasil.baris, strict=True)):
            if data.is_incomplete(t.file, ("baris", i, "rincian")):
                continue
            for c, computed in h.dihitung.items():
                stated = b.nilai.get(c)
                if stated is None or stated == computed:
                    continue
                k = t.kolom[c]
                fmt = formatter(k)
                parts = [
                    Part(row_name(t, s, str(j + 1)), _dec(s.nilai[c]))
                    for j, s in enumerate(b.rincian)
                ]
                findings.append(
                    _mismatch(
                        "tabel.rincian-tidak-cocok",
                        f"{c} {row_label(t, b, str(i + 1))} tabel '{name}' tertulis "
                        f"{fmt(_dec(stated))}, sedangkan jumlah {len(parts)} rinciannya "
                        f"{fmt(_dec(computed))}",
                        c,
                        parts,
                        stated,
                        computed,
                        fmt,
                        b.pos(c),
                    )
                )
    return findings


def jumlah_tidak_cocok(data: DataTahun, report: Report) -> list[Finding]:
    """A stated total that is not the sum of the rows."""
    findings = []
    for name, t in data.tabel.items():
        total, hasil = t.jumlah, report.tabel[name].jumlah
        if total is None or hasil is None or data.is_incomplete(t.file, ("baris",)):
            continue
        for c, computed in hasil.dihitung.items():
            stated = total.nilai.get(c)
            if stated is None or stated == computed:
                continue
            fmt = formatter(t.kolom[c])
            parts = [
                Part(
                    row_name(t, b, str(i + 1)),
                    Decimal(h.nilai.get(c) or 0),
                    blank=h.nilai.get(c) is None,
                )
                for i, (b, h) in enumerate(zip(t.baris, report.tabel[name].baris, strict=True))
            ]
            findings.append(
                _mismatch(
                    "tabel.jumlah-tidak-cocok",
                    f"{c} baris {t.label_jumlah} tabel '{name}' tertulis {fmt(_dec(stated))}, "
                    f"sedangkan jumlah {len(parts)} barisnya {fmt(_dec(computed))}",
                    c,
                    parts,
                    stated,
                    computed,
                    fmt,
                    total.pos(c),
                    list_items=len(parts) <= 12,
                )
            )
    return findings


def _dec(value: Any) -> Decimal:
    return Decimal(value)


def _mismatch(
    rule: str,
    head: str,
    column: str,
    parts: list[Part],
    stated: Any,
    computed: Any,
    fmt: Fmt,
    where: Position,
    *,
    list_items: bool = True,
) -> Finding:
    fixes = balancing(parts, Decimal(stated), Decimal(computed))
    lines = [
        f"{head} (selisih {diff_text(stated, computed, fmt)})",
        *(sum_lines(parts, fmt) if list_items else []),
        *suggestion(column, fixes[:3], fmt),
    ]
    return error(rule, "\n".join(lines), where)


def batasan(data: DataTahun, report: Report) -> list[Finding]:
    """A constraint between columns that a row, rincian or the total breaks."""
    findings = []
    for name, t in data.tabel.items():
        hasil = report.tabel[name]
        rows: list[tuple[str, BarisData | None, BarisHasil]] = list(_pairs(t, hasil))
        if hasil.jumlah is not None:
            rows.append((f"baris {t.label_jumlah}", t.jumlah, hasil.jumlah))
        for b in t.batasan:
            broken = False
            for label, source, h in rows:
                found = _broken(t, b.syarat, h.nilai)
                # the total breaking what a row already breaks is no news
                if found is None or (broken and h is hasil.jumlah):
                    continue
                broken = True
                where = source.pos(_first(b.syarat)) if source is not None else b.at
                text = f"tabel '{name}', {label}: {found}"
                if b.pesan:
                    text += f"; {b.pesan}"
                make = warning if b.tingkat == "peringatan" else error
                findings.append(make("tabel.batasan", text, where))
    return findings


def _first(syarat: Syarat) -> str:
    names = columns(syarat.left) or columns(syarat.right)
    return names[0] if names else ""


def _broken(t: TabelData, syarat: Syarat, values: dict[str, Any]) -> str | None:
    """The constraint spelt out with this row's values, or none when it holds or cannot apply."""
    left, right = evaluate(syarat.left, values), evaluate(syarat.right, values)
    if left is None or right is None or holds(syarat.op, left, right):
        return None
    cols = t.kolom

    def fmt_of(node: Any) -> Fmt:
        names = columns(node)
        return formatter(cols[names[0]]) if names else count

    def column(c: str) -> str:
        return f"{c.replace('_', ' ')} {formatter(cols[c])(Decimal(values[c]))}"

    def side(node: Any, total: Decimal) -> str:
        text = spelled(node, column, lambda v: format_decimal_id(v))
        return f"{text} = {fmt_of(node)(total)}" if isinstance(node, Operasi) else text

    lhs, rhs, fmt = side(syarat.left, left), side(syarat.right, right), fmt_of(syarat.left)
    if syarat.op in ("<=", "<"):
        return f"{lhs} melebihi {rhs} (lebih {fmt(left - right)}); syarat: {syarat.text}"
    if syarat.op in (">=", ">"):
        return f"{lhs} kurang dari {rhs} (kurang {fmt(right - left)}); syarat: {syarat.text}"
    return f"{lhs}, sedangkan {rhs} (selisih {fmt(abs(left - right))}); syarat: {syarat.text}"


def terbilang(data: DataTahun, report: Report) -> list[Finding]:
    """A table's figure as printed in words (``terbilang``) that is not the figure."""
    findings = []
    for name, t in data.tabel.items():
        for i, entry in enumerate(t.tabel.terbilang):
            amount = rujukan.value(f"tabel.{name}.{entry.nilai}", report.tabel, report.anggaran)
            if amount is None:
                continue
            expected = words_of(amount)
            if normalise_words(entry.huruf) == normalise_words(expected):
                continue
            findings.append(
                error(
                    "tercetak.terbilang-tidak-cocok",
                    f"{entry.nilai} tabel '{name}' {rp(amount)} tertulis dengan huruf "
                    f'"{entry.huruf}"{where(entry.di)}, seharusnya "{expected}"',
                    data.pos(t.file, ("terbilang", i, "huruf")),
                )
            )
    return findings


def nama_ganda(data: DataTahun, report: Report) -> list[Finding]:
    """A declared table named like a built-in one; a ``judul_tabel`` for no built-in table."""
    from lkjip_cli.render.registry import clashes  # the built-in names live with the tables

    return clashes(data, report)


RULES: tuple[Rule, ...] = (rincian_tidak_cocok, jumlah_tidak_cocok, batasan, terbilang, nama_ganda)
"""The rules of this family, in the order they run."""
