"""The headline figures of a year as aligned text tables (``lkjip show``)."""

from __future__ import annotations

from decimal import Decimal

from lkjip_cli.model import DataTahun
from lkjip_cli.numbers import format_decimal_id, format_number, format_percent, format_rupiah
from lkjip_cli.render.tables.deklarasi import format_value
from lkjip_cli.report import IndikatorHasil, Report

NONE = "-"
"""Shown where a figure is undefined (no target, nothing allocated)."""


def table(headers: list[str], rows: list[list[str]], right: set[int], indent: int = 2) -> list[str]:
    """Rows under headers, columns padded to their widest cell; ``right`` aligns numbers."""
    widths = [max(len(r[i]) for r in [headers, *rows]) for i in range(len(headers))]
    lines = []
    for row in [headers, *rows]:
        cells = [
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        lines.append((" " * indent + "  ".join(cells)).rstrip())
    return lines


def _pairs(rows: list[tuple[str, str]]) -> list[str]:
    """Label and value, values right-aligned in one column."""
    label = max(len(k) for k, _ in rows)
    value = max(len(v) for _, v in rows)
    return [f"  {k.ljust(label)}  {v.rjust(value)}" for k, v in rows]


def _rupiah(value: Decimal | None) -> str:
    return NONE if value is None else format_rupiah(value)


def _measure(value: Decimal | None, satuan: str) -> str:
    """A target or realization in its unit: ``95,38%`` or ``60,15``."""
    if value is None:
        return NONE
    text = format_decimal_id(value, 2)
    return f"{text}%" if satuan == "%" else text


def summary(data: DataTahun, report: Report) -> str:
    """The text ``lkjip show`` prints."""
    a = report.anggaran
    lines = [f"LKjIP {report.tahun} — {data.instansi.nama}", "", "Anggaran"]
    lines += _pairs(
        [
            ("Pagu murni", format_rupiah(a.pagu_murni)),
            ("Pagu perubahan", format_rupiah(a.pagu_perubahan)),
            ("Realisasi", format_rupiah(a.realisasi)),
            ("Serapan", format_percent(a.serapan)),
            ("Jumlah program", format_number(a.jumlah_program)),
            ("Jumlah kegiatan", format_number(a.jumlah_kegiatan)),
            ("Jumlah sub kegiatan", format_number(a.jumlah_sub_kegiatan)),
        ]
    )
    lines += ["", "Sasaran"]
    sasaran = list(report.sasaran.values())
    lines += table(
        ["Sasaran", "Capaian", "Predikat", "Pagu perubahan", "Realisasi", "Serapan", "Efisiensi"],
        [
            [
                s.id,
                format_percent(s.capaian),
                s.predikat or NONE,
                _rupiah(s.pagu),
                _rupiah(s.realisasi),
                format_percent(s.serapan),
                format_percent(s.efisiensi),
            ]
            for s in sasaran
        ],
        right={1, 3, 4, 5, 6},
    )
    lines += [f"  {s.id}: {s.nama}" for s in sasaran]
    lines += ["", "Indikator"]
    lines += table(
        ["Indikator", "Sasaran", "Target", "Realisasi", "Capaian", "Predikat"],
        [_indikator_row(i) for i in report.indikator.values()],
        right={2, 3, 4},
    )
    for t in report.tabel.values():
        if t.jumlah is None:
            continue
        lines += ["", t.judul]
        lines += _pairs(
            [
                (k.judul, format_value(k, t.jumlah.nilai.get(k.id), report))
                for k in t.kolom
                if k.tampil and k.jenis != "teks" and t.jumlah.nilai.get(k.id) is not None
            ]
        )
    return "\n".join(lines) + "\n"


def _indikator_row(i: IndikatorHasil) -> list[str]:
    return [
        i.nama,
        i.sasaran,
        _measure(i.target, i.satuan),
        _measure(i.realisasi, i.satuan),
        format_percent(i.capaian),
        i.predikat or NONE,
    ]
