"""BAB III budget table per sasaran: alokasi, realisasi and efisiensi (Tabel 3.13 / 3.17)."""

from __future__ import annotations

from decimal import Decimal

from lkjip_cli.model import DataTahun
from lkjip_cli.numbers import format_money_plain, format_percent
from lkjip_cli.render.blocks import Row, Table
from lkjip_cli.render.tables._cells import c, mid, num, sasaran_of
from lkjip_cli.report import Report

METODE_EFISIENSI = {"100-serapan": "100% − serapan", "capaian-serapan": "capaian − serapan"}
"""How each efficiency method is named in the report."""


def anggaran_sasaran(data: DataTahun, report: Report, key: str | None) -> Table:
    """Tabel 3.13 / 3.17 Budget realization supporting a sasaran, with efisiensi."""
    s = sasaran_of(report, key)
    rows: list[tuple[str, Decimal, Decimal, Decimal | None, bool]] = []
    for pid in s.program:
        p = report.program[pid]
        rows.append((p.nama.upper(), p.pagu_perubahan, p.realisasi, p.serapan, True))
        for k in p.kegiatan:
            rows.append((k.nama, k.pagu_perubahan, k.realisasi, k.serapan, False))
            rows.extend(
                (sk.nama, sk.pagu_perubahan, sk.realisasi, sk.serapan, False)
                for sk in k.sub_kegiatan
            )
    body: list[Row] = []
    span = len(rows) + 2
    bold: set[int] = set()
    for i, (nama, pagu, real, serapan, is_program) in enumerate(rows):
        first = (
            (
                mid(1, rowspan=span),
                c(s.nama, rowspan=span),
                mid(format_percent(s.capaian), rowspan=span),
            )
            if i == 0
            else ()
        )
        if is_program:
            bold.add(i)
        body.append(
            (
                *first,
                c(nama),
                num(format_money_plain(pagu)),
                num(format_money_plain(real)),
                num(format_percent(serapan, compact=True)),
            )
        )
    bold |= {len(body), len(body) + 1}
    body.append(
        (
            c("Realisasi Anggaran", bold=True),
            num(format_money_plain(s.pagu)),
            num(format_money_plain(s.realisasi)),
            num(format_percent(s.serapan, compact=True)),
        )
    )
    method = METODE_EFISIENSI.get(report.metode_efisiensi, report.metode_efisiensi)
    body.append(
        (
            c(f"Tingkat efisiensi ({method})", bold=True),
            c("", colspan=2),
            num(format_percent(s.efisiensi)),
        )
    )
    header = (
        (
            mid("No.", rowspan=2, bold=True),
            mid("Sasaran", rowspan=2, bold=True),
            mid("Capaian Kinerja", rowspan=2, bold=True),
            mid("Program/ Kegiatan/ Sub Kegiatan", rowspan=2, bold=True),
            mid("Anggaran", colspan=3, bold=True),
        ),
        (mid("Alokasi (Rp)", bold=True), mid("Realisasi (Rp)", bold=True), mid("%", bold=True)),
    )
    return Table(
        header=header,
        body=tuple(body),
        widths=(0.8, 2.4, 1.7, 6.4, 3.1, 3.1, 1.9),
        caption=f"Realisasi Anggaran dalam Mendukung Pencapaian Sasaran {s.nama}",
        bold_rows=frozenset(bold),
        small=True,
    )
