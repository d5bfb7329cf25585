"""A declared table (``tabel/<nama>.yaml``) → a :class:`Table`, like the built-in ones.

The header has two rows when columns share a ``kelompok``; numbers are right-
aligned in their column's format; group rows and the total row print bold; the
rincian are lettered ``a)``, ``b)`` before their first text. The source line and
the notes are returned beside the table, to print under it.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from lkjip_cli.model.tabel import NUMERIC, Kolom
from lkjip_cli.numbers import format_number, format_percent, format_tanggal
from lkjip_cli.render.blocks import Cell, Row, Table
from lkjip_cli.render.tables._cells import c, mid, num
from lkjip_cli.report import BarisHasil, Report, TabelHasil

_WIDTH = {"teks": 7.0, "program": 6.0, "tanggal": 3.0}
"""Default relative widths by kind; numbers get 3, the No column 1."""


def format_value(k: Kolom, value: Any, report: Report | None = None) -> str:
    """A cell's text in its column's format (``-`` when empty)."""
    if value is None:
        return "-"
    unit = f" {k.satuan}" if k.satuan else ""
    if k.jenis == "bilangan":
        return f"{format_number(value, k.desimal or 0)}{unit}"
    if k.jenis == "rupiah":
        return f"Rp. {format_number(value, 2 if k.desimal is None else k.desimal)}"
    if k.jenis == "persen":
        return format_percent(Decimal(value), 2 if k.desimal is None else k.desimal)
    if k.jenis == "desimal":
        return f"{format_number(value, 2 if k.desimal is None else k.desimal)}{unit}"
    if k.jenis == "tanggal":
        return format_tanggal(value)
    if k.jenis == "program" and report is not None and value in report.program:
        return report.program[value].nama
    return f"{value}{unit}"


def build(t: TabelHasil, report: Report) -> tuple[Table, list[str]]:
    """The table and the lines to print under it (source, notes)."""
    cols = [k for k in t.kolom if k.tampil]
    first_text = next((i for i, k in enumerate(cols) if k.jenis == "teks"), None)
    body: list[Row] = []
    bold: set[int] = set()
    for i, row in enumerate(t.baris, 1):
        if row.rincian:
            bold.add(len(body))
        body.append(_row(cols, row, f"{i}." if t.nomor else None, None, first_text, report))
        for j, sub in enumerate(row.rincian):
            letter = f"{chr(ord('a') + j % 26)})"
            body.append(_row(cols, sub, "" if t.nomor else None, letter, first_text, report))
    if t.jumlah is not None:
        bold.add(len(body))
        body.append(_total(cols, t, first_text, report))
    widths = ((1.0,) if t.nomor else ()) + tuple(_width(k) for k in cols)
    notes = [f"Sumber: {t.sumber}"] if t.sumber else []
    table = Table(
        header=_header(cols, t.nomor),
        body=tuple(body),
        widths=widths,
        caption=t.judul,
        bold_rows=frozenset(bold),
        small=t.kecil,
    )
    return table, [*notes, *t.catatan]


def _width(k: Kolom) -> float:
    if k.lebar is not None:
        return float(k.lebar)
    return _WIDTH.get(k.jenis, 3.0)


def _cell(k: Kolom, value: Any, report: Report, *, bold: bool = False) -> Cell:
    text = format_value(k, value, report)
    if k.jenis in NUMERIC:
        return num(text, bold=bold)
    if k.jenis == "tanggal":
        return mid(text, bold=bold)
    return c(text, bold=bold)


def _row(
    cols: Sequence[Kolom],
    row: BarisHasil,
    number: str | None,
    letter: str | None,
    first_text: int | None,
    report: Report,
) -> Row:
    cells = []
    for i, k in enumerate(cols):
        cell = _cell(k, row.nilai.get(k.id), report)
        if letter is not None and i == first_text:
            cell = c(f"{letter} {cell.text}")
        cells.append(cell)
    return ((mid(number),) if number is not None else ()) + tuple(cells)


def _total(cols: Sequence[Kolom], t: TabelHasil, first_text: int | None, report: Report) -> Row:
    assert t.jumlah is not None
    values = t.jumlah.nilai
    cells: list[Cell] = []
    label_at = first_text if first_text is not None else 0
    for i, k in enumerate(cols):
        if i == label_at:
            span = 2 if t.nomor and i == 0 else 1
            cells.append(c(t.label_jumlah, colspan=span, align="center", bold=True))
        elif k.id in values and values[k.id] is not None:
            cells.append(_cell(k, values[k.id], report, bold=True))
        else:
            cells.append(c(""))
    lead = (mid(""),) if t.nomor and label_at != 0 else ()
    return lead + tuple(cells)


def _header(cols: Sequence[Kolom], nomor: bool) -> tuple[Row, ...]:
    if not any(k.kelompok for k in cols):
        titles = (["No"] if nomor else []) + [k.judul for k in cols]
        return (tuple(Cell(x, align="center", bold=True) for x in titles),)
    top: list[Cell] = [mid("No", rowspan=2, bold=True)] if nomor else []
    bottom: list[Cell] = []
    i = 0
    while i < len(cols):
        group = cols[i].kelompok
        if group is None:
            top.append(mid(cols[i].judul, rowspan=2, bold=True))
            i += 1
            continue
        j = i
        while j < len(cols) and cols[j].kelompok == group:
            bottom.append(mid(cols[j].judul, bold=True))
            j += 1
        top.append(mid(group, colspan=j - i, bold=True))
        i = j
    return tuple(top), tuple(bottom)
