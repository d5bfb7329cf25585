"""BAB III performance tables: predikat, capaian and realisasi of the sasaran.

Tabel 3.1–3.7, 3.14–3.16 and 3.18: the predikat scale, each sasaran's
indicators against target, over the years, against the Renstra and another
district, the RPJMD indicator, and performance beside budget per sasaran.
"""

from __future__ import annotations

from collections.abc import Callable

from lkjip_cli.model import DataTahun
from lkjip_cli.numbers import format_decimal_id, format_money_plain, format_percent
from lkjip_cli.render.blocks import Row, Table
from lkjip_cli.render.tables._cells import (
    c,
    head,
    indikator_of,
    mid,
    nama,
    nilai,
    nilai_satuan,
    num,
    sasaran_of,
)
from lkjip_cli.report import IndikatorHasil, Report, SasaranHasil


def predikat(data: DataTahun, report: Report, key: str | None) -> Table:
    """Tabel 3.1 The predikat scale, as configured (half-open, gap-free)."""
    body = []
    for i, band in enumerate(report.skala, 1):
        if band.dari is None:
            text = f"x < {format_decimal_id(band.sampai)}%"
        elif band.sampai is None:
            text = f"x ≥ {format_decimal_id(band.dari)}%"
        else:
            text = f"{format_decimal_id(band.dari)}% ≤ x < {format_decimal_id(band.sampai)}%"
        body.append((mid(f"{i}."), mid(text), c(band.predikat)))
    return Table(
        header=(head("No", "Interval Nilai Realisasi Kinerja (x)", "Kategori"),),
        body=tuple(body),
        widths=(1, 6, 4),
        caption="Pengelompokan Nilai dan Predikat Kinerja",
    )


def capaian_sasaran(data: DataTahun, report: Report, key: str | None) -> Table:
    """Tabel 3.2 Mean achievement and predikat per sasaran."""
    body = [
        (mid(f"{i}."), c(s.nama), mid(format_percent(s.capaian)), mid(s.predikat))
        for i, s in enumerate(report.sasaran.values(), 1)
    ]
    return Table(
        header=(head("No.", "Sasaran", "Rata-rata Capaian Kinerja", "Predikat Kinerja"),),
        body=tuple(body),
        widths=(1, 7, 3, 3),
        caption="Capaian dan Predikat Kinerja Sasaran",
    )


def sasaran_rows(
    s: SasaranHasil, inds: list[IndikatorHasil], cells: Callable[[IndikatorHasil], Row]
) -> list[Row]:
    """One row per indicator, led by the sasaran's number and name spanning them all."""
    rows: list[Row] = []
    for i, ind in enumerate(inds):
        lead = (mid(1, rowspan=len(inds)), c(s.nama, rowspan=len(inds))) if i == 0 else ()
        rows.append((*lead, c(nama(ind.nama, ind.satuan)), *cells(ind)))
    return rows


def realisasi_sasaran(data: DataTahun, report: Report, key: str | None) -> Table:
    """Tabel 3.3 / 3.14 Target, realisasi and capaian of a sasaran's indicators."""
    s = sasaran_of(report, key)
    inds = indikator_of(report, s)
    body = sasaran_rows(
        s,
        inds,
        lambda ind: (
            mid(nilai(ind, ind.target)),
            mid(nilai(ind, ind.realisasi)),
            mid(format_percent(ind.capaian)),
        ),
    )
    body.append(
        (
            c("Capaian Kinerja", colspan=5, align="center", bold=True),
            mid(format_percent(s.capaian), bold=True),
        )
    )
    return Table(
        header=(head("No.", "Sasaran Strategis", "Indikator Kinerja", "Target", "Realisasi", "%"),),
        body=tuple(body),
        widths=(1, 5, 5, 2, 2, 2),
        caption=f"Realisasi Kinerja Sasaran {s.nama}",
        bold_rows=frozenset({len(body) - 1}),
    )


def perkembangan(data: DataTahun, report: Report, key: str | None) -> Table:
    """Tabel 3.4 / 3.15 Realization over the years."""
    s = sasaran_of(report, key)
    inds = indikator_of(report, s)
    years = sorted({y for ind in inds for y in ind.riwayat} | {report.tahun})
    body = sasaran_rows(
        s,
        inds,
        lambda ind: tuple(
            mid(nilai(ind, ind.realisasi if y == report.tahun else ind.riwayat.get(y)))
            for y in years
        ),
    )
    header = (
        (
            mid("No.", rowspan=2, bold=True),
            mid("Sasaran Strategis", rowspan=2, bold=True),
            mid("Indikator Kinerja", rowspan=2, bold=True),
            mid("Realisasi", colspan=len(years), bold=True),
        ),
        tuple(mid(f"Tahun {y}", bold=True) for y in years),
    )
    return Table(
        header=header,
        body=tuple(body),
        widths=(1, 5, 4, *([2] * len(years))),
        caption=f"Perkembangan Kinerja Sasaran {s.nama}",
    )


def renstra(data: DataTahun, report: Report, key: str | None) -> Table:
    """Tabel 3.6 / 3.16 Realization against the Renstra's medium-term target."""
    s = sasaran_of(report, key)
    inds = indikator_of(report, s)
    body = sasaran_rows(
        s,
        inds,
        lambda ind: (
            mid(nilai(ind, ind.target_renstra)),
            mid(nilai(ind, ind.realisasi)),
            mid(format_percent(ind.capaian_renstra)),
        ),
    )
    return Table(
        header=(
            head(
                "No.",
                "Sasaran Strategis",
                "Indikator Kinerja",
                "Target Jangka Menengah Renstra",
                f"Realisasi Tahun {report.tahun}",
                "Persentase Capaian",
            ),
        ),
        body=tuple(body),
        widths=(1, 5, 4, 3, 3, 3),
        caption=f"Pencapaian Kinerja Sasaran {s.nama} terhadap Target Jangka Menengah Renstra",
    )


def pembanding(data: DataTahun, report: Report, key: str | None) -> Table:
    """Tabel 3.7 Comparison with another district."""
    s = sasaran_of(report, key)
    inds = [i for i in indikator_of(report, s) if i.pembanding]
    daerah = inds[0].pembanding.daerah if inds and inds[0].pembanding else "Daerah Lain"
    body = sasaran_rows(
        s,
        inds,
        lambda ind: (
            mid(nilai(ind, ind.realisasi)),
            mid(nilai(ind, ind.pembanding.realisasi if ind.pembanding else None)),
        ),
    )
    short = daerah.replace("Kabupaten", "Kab.")
    return Table(
        header=(
            head(
                "No.",
                "Sasaran Strategis",
                "Indikator Kinerja",
                f"Realisasi Tahun {report.tahun}",
                f"Realisasi {short} Tahun {report.tahun}",
            ),
        ),
        body=tuple(body),
        widths=(1, 5, 4, 3, 3),
        caption=f"Perbandingan Capaian Kinerja dengan {daerah}",
    )


def rpjmd(data: DataTahun, report: Report, key: str | None) -> Table:
    """Tabel 3.5 Realization of the RPJMD indicator."""
    years = sorted({y for r in report.rpjmd for y in (*r.target, *r.realisasi)})
    titles = ["No", "Indikator Kinerja", "Target Awal RPJMD"]
    for y in years:
        titles += [f"Target {y}", f"Realisasi {y}"]
    body = []
    for i, r in enumerate(report.rpjmd, 1):
        # Percentages go bare here, as the reference prints this table; other units as elsewhere.
        values = [r.target_awal]
        for y in years:
            values += [r.target.get(y), r.realisasi.get(y)]
        cells = [
            mid(f"{i}."),
            c(nama(r.nama, r.satuan)),
            *(mid(nilai_satuan(r.satuan, v, tanda_persen=False)) for v in values),
        ]
        body.append(tuple(cells))
    return Table(
        header=(head(*titles),),
        body=tuple(body),
        widths=(1, 4, 2, *([2] * (2 * len(years)))),
        caption=f"Realisasi Kinerja berdasarkan Indikator Sasaran RPJMD {data.instansi.daerah} "
        f"Tahun {data.renstra.periode.awal}-{data.renstra.periode.akhir}",
    )


def realisasi_anggaran(data: DataTahun, report: Report, key: str | None) -> Table:
    """Tabel 3.18 Performance and budget realization per sasaran."""
    body: list[Row] = []
    for i, s in enumerate(report.sasaran.values(), 1):
        inds = indikator_of(report, s)
        for j, ind in enumerate(inds or [None]):
            lead = (
                (mid(i, rowspan=max(1, len(inds))), c(s.nama, rowspan=max(1, len(inds))))
                if j == 0
                else ()
            )
            kinerja = (
                (
                    c(nama(ind.nama, ind.satuan)),
                    mid(nilai(ind, ind.target)),
                    mid(nilai(ind, ind.realisasi)),
                    mid(format_decimal_id(ind.capaian)),
                )
                if ind
                else (c("-"), c("-"), c("-"), c("-"))
            )
            money = (
                (
                    num(format_money_plain(s.pagu), rowspan=max(1, len(inds))),
                    num(format_money_plain(s.realisasi), rowspan=max(1, len(inds))),
                    mid(format_decimal_id(s.serapan), rowspan=max(1, len(inds))),
                )
                if j == 0
                else ()
            )
            body.append((*lead, *kinerja, *money))
    header = (
        (
            mid("No.", rowspan=2, bold=True),
            mid("Sasaran", rowspan=2, bold=True),
            mid("Indikator Kinerja", rowspan=2, bold=True),
            mid("Kinerja", colspan=3, bold=True),
            mid("Anggaran", colspan=3, bold=True),
        ),
        head("Target", "Realisasi", "%", "Pagu (Rp)", "Realisasi (Rp)", "%"),
    )
    return Table(
        header=header,
        body=tuple(body),
        widths=(0.8, 3.2, 2.6, 1.5, 1.6, 1.5, 3.2, 3.2, 1.5),
        caption="Realisasi Kinerja dan Keuangan",
        small=True,
    )
