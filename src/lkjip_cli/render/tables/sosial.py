"""BAB III social-welfare tables: PMKS, bansos, PSKS and SPM (Tabel 3.8–3.12)."""

from __future__ import annotations

from lkjip_cli.model import DataTahun
from lkjip_cli.numbers import format_number, format_percent
from lkjip_cli.render.blocks import Row, Table
from lkjip_cli.render.tables._cells import c, head, mid, num
from lkjip_cli.report import Report


def pmks(data: DataTahun, report: Report, key: str | None) -> Table:
    """Tabel 3.8 PMKS per category with handled counts."""
    assert report.pmks is not None
    body: list[Row] = []
    for i, k in enumerate(report.pmks.kategori, 1):
        body.append(
            (
                mid(f"{i}."),
                c(k.nama),
                num(format_number(k.jumlah)),
                num(format_number(k.tertangani)),
            )
        )
        for j, (nama, jumlah) in enumerate(k.rincian):
            body.append(
                (c(""), c(f"{chr(ord('a') + j)}) {nama}"), num(format_number(jumlah)), mid("-"))
            )
    body.append(
        (
            c("Jumlah", colspan=2, align="center", bold=True),
            num(format_number(report.pmks.jumlah), bold=True),
            num(format_number(report.pmks.tertangani), bold=True),
        )
    )
    return Table(
        header=(head("No", "Jenis PMKS", "Jumlah (orang)", "Jumlah Tertangani (orang)"),),
        body=tuple(body),
        widths=(1, 7, 3, 3),
        caption=f"Data PMKS di {data.instansi.daerah} Tahun {report.tahun}",
        bold_rows=frozenset({len(body) - 1}),
    )


def bansos(data: DataTahun, report: Report, key: str | None) -> Table:
    """Tabel 3.9 Social assistance to the poor."""
    body = [
        (mid(f"{i}."), c(b.nama), num(format_number(b.penerima)), mid(b.satuan), c(b.sumber))
        for i, b in enumerate(data.bansos.bansos, 1)
    ]
    return Table(
        header=(head("No", "Jenis Bansos", "Penerima", "Satuan", "Keterangan"),),
        body=tuple(body),
        widths=(1, 7, 2, 1.5, 4),
        caption=f"Bantuan Sosial yang Disalurkan kepada Fakir Miskin di {data.instansi.daerah} "
        f"pada Tahun {report.tahun}",
    )


def psks(data: DataTahun, report: Report, key: str | None) -> Table:
    """Tabel 3.10 Social-welfare potential and resources."""
    body = [
        (mid(f"{i}."), c(p.nama), num(f"{format_number(p.jumlah)} {p.satuan}"))
        for i, p in enumerate(data.psks.psks, 1)
    ]
    return Table(
        header=(head("No.", "Potensi dan Sumber Kesejahteraan Sosial", "Jumlah"),),
        body=tuple(body),
        widths=(1, 8, 3),
        caption="Jumlah Potensi Sumber Kesejahteraan Sosial (PSKS)",
    )


def spm(data: DataTahun, report: Report, key: str | None) -> Table:
    """Tabel 3.11 SPM index targets and realization per year."""
    years = sorted(
        {
            y
            for lay in data.spm.layanan
            if lay.indeks
            for y in (*lay.indeks.target, *lay.indeks.realisasi)
        }
    )
    header = (
        (
            mid("No", rowspan=2, bold=True),
            mid("Kategori Indeks Pencapaian SPM", rowspan=2, bold=True),
            mid("Target", colspan=len(years), bold=True),
            mid("Realisasi", colspan=len(years), bold=True),
        ),
        tuple(mid(str(y), bold=True) for y in years) * 2,
    )
    body = []
    for i, lay in enumerate(data.spm.layanan, 1):
        idx = lay.indeks
        targets = [format_percent(idx.target.get(y), 0) if idx else "-" for y in years]
        reals = [format_percent(idx.realisasi.get(y), 0) if idx else "-" for y in years]
        body.append((mid(i), c(lay.nama), *(mid(t) for t in targets), *(mid(r) for r in reals)))
    return Table(
        header=header,
        body=tuple(body),
        widths=(1, 7, *([1.5] * (2 * len(years)))),
        caption="Capaian SPM Bidang Sosial",
    )


def spm_rincian(data: DataTahun, report: Report, key: str | None) -> Table:
    """Tabel 3.12 People served per SPM service."""
    body: list[Row] = []
    bold: set[int] = set()
    for lay in data.spm.layanan:
        bold.add(len(body))
        body.append(
            (
                c(""),
                c(lay.nama, bold=True),
                c(""),
                num(format_number(lay.target) if lay.target is not None else "-"),
                num(format_number(lay.realisasi) if lay.realisasi is not None else "-"),
            )
        )
        for j, r in enumerate(lay.rincian, 1):
            body.append(
                (
                    mid(j),
                    c(r.nama),
                    mid(r.satuan),
                    num(format_number(r.target)),
                    num(format_number(r.realisasi)),
                )
            )
    return Table(
        header=(head("No", "Kategori Indeks Pencapaian SPM", "Satuan", "Target", "Realisasi"),),
        body=tuple(body),
        widths=(1, 8, 2, 2, 2),
        bold_rows=frozenset(bold),
        small=True,
        caption=f"Rincian Jumlah yang Terlayani Tahun {report.tahun} "
        "berdasarkan Penerapan SPM Bidang Sosial",
    )
