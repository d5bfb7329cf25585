"""BAB I–II tables: the organisation and its plan (Tabel 1.1–1.2, 2.1–2.3).

Pegawai, permasalahan, IKU, Perjanjian Kinerja and the DPA budget tree.
"""

from __future__ import annotations

from lkjip_cli.model import DataTahun
from lkjip_cli.numbers import format_money_plain, format_number
from lkjip_cli.render.blocks import Row, Table
from lkjip_cli.render.tables._cells import c, definisi_rumus, head, mid, nama, nilai, num
from lkjip_cli.report import Report


def pegawai(data: DataTahun, report: Report, key: str | None) -> Table:
    """Tabel 1.1 Komposisi pegawai berdasarkan jabatan."""
    body = [
        (mid(i), c(p.jabatan), num(format_number(p.jumlah)))
        for i, p in enumerate(data.instansi.pegawai, 1)
    ]
    body.append(
        (
            c(""),
            c("Total", bold=True),
            num(f"{format_number(report.pegawai.jumlah)} Orang", bold=True),
        )
    )
    return Table(
        header=(head("No", "Jenis Jabatan", "Jumlah"),),
        body=tuple(body),
        widths=(1, 8, 3),
        caption="Komposisi Pegawai berdasarkan Jabatan",
        bold_rows=frozenset({len(body) - 1}),
    )


def permasalahan(data: DataTahun, report: Report, key: str | None) -> Table:
    """Tabel 1.2 Pemetaan permasalahan pokok, masalah dan akar masalah."""
    body: list[Row] = []
    for i, p in enumerate(data.instansi.permasalahan, 1):
        akar = p.akar or [""]
        span = len(akar)
        for j, a in enumerate(akar):
            if j == 0:
                body.append(
                    (
                        mid(i, rowspan=span),
                        c(p.pokok, rowspan=span),
                        c("\n".join(p.masalah), rowspan=span),
                        c(a),
                    )
                )
            else:
                body.append((c(a),))
    return Table(
        header=(head("No.", "Permasalahan Pokok", "Permasalahan", "Akar Permasalahan"),),
        body=tuple(body),
        widths=(1, 4, 4, 5),
        caption="Pemetaan Permasalahan Pokok, Masalah dan Akar Masalah",
    )


def iku(data: DataTahun, report: Report, key: str | None) -> Table:
    """Tabel 2.1 Indikator Kinerja Utama."""
    sasaran = {s.id: s.nama for s in data.renstra.all_sasaran()}
    body: list[Row] = []
    for i, ind in enumerate((x for x in data.iku.indikator if x.utama), 1):
        parts = definisi_rumus(ind)
        if ind.penjelasan:
            parts.append("Penjelasan:\n" + "\n".join(f"- {p}" for p in ind.penjelasan))
        programs = "\n".join(report.program[p].nama for p in ind.program if p in report.program)
        body.append(
            (
                mid(i),
                c(sasaran.get(ind.sasaran, ind.sasaran)),
                c(ind.nama),
                c("\n".join(parts) or None),
                c(ind.sumber_data),
                c(programs),
            )
        )
    return Table(
        header=(
            head(
                "No.",
                "Tujuan/Sasaran",
                "Indikator Kinerja Utama",
                "Definisi Operasional Indikator",
                "Sumber Data",
                "Penanggung Jawab",
            ),
        ),
        body=tuple(body),
        widths=(1, 3, 3, 6, 4, 4),
        caption="Indikator Kinerja Utama",
        small=True,
    )


def pk(data: DataTahun, report: Report, key: str | None) -> Table:
    """Tabel 2.2 Perjanjian Kinerja (the agreement in force)."""
    agreement = data.pk.berlaku()
    sasaran = {s.id: s.nama for s in data.renstra.all_sasaran()}
    body = []
    for i, t in enumerate(agreement.target, 1):
        ind = report.indikator[t.indikator]
        body.append(
            (
                mid(f"{i}."),
                c(sasaran.get(ind.sasaran)),
                c(nama(ind.nama, ind.satuan)),
                mid(nilai(ind, t.target)),
            )
        )
    caption = f"Perjanjian Kinerja Tahun {report.tahun}"
    if data.pk.perubahan is not None:
        caption = f"Perjanjian Kinerja Perubahan Tahun {report.tahun}"
    return Table(
        header=(head("No", "Sasaran", "Indikator Kinerja", "Target"),),
        body=tuple(body),
        widths=(1, 6, 5, 2),
        caption=caption,
    )


def anggaran(data: DataTahun, report: Report, key: str | None) -> Table:
    """Tabel 2.3 Rincian anggaran murni and perubahan over the DPA tree."""
    body: list[Row] = []
    bold: set[int] = set()
    for i, p in enumerate(report.anggaran.program, 1):
        bold.add(len(body))
        body.append(
            (
                mid(i, bold=True),
                c(p.nama, bold=True),
                num(format_money_plain(p.pagu_murni)),
                num(format_money_plain(p.pagu_perubahan)),
            )
        )
        for k in p.kegiatan:
            body.append(
                (
                    c(""),
                    c(k.nama, bold=True),
                    num(format_money_plain(k.pagu_murni)),
                    num(format_money_plain(k.pagu_perubahan)),
                )
            )
            for s in k.sub_kegiatan:
                body.append(
                    (
                        c(""),
                        c(s.nama),
                        num(format_money_plain(s.pagu_murni)),
                        num(format_money_plain(s.pagu_perubahan)),
                    )
                )
    a = report.anggaran
    bold.add(len(body))
    body.append(
        (
            c(""),
            mid("TOTAL", bold=True),
            num(format_money_plain(a.pagu_murni)),
            num(format_money_plain(a.pagu_perubahan)),
        )
    )
    return Table(
        header=(
            head("No", "Program/Kegiatan/Sub Kegiatan", "Anggaran (Rp)", "Anggaran Perubahan (Rp)"),
        ),
        body=tuple(body),
        widths=(1, 8, 3, 3),
        caption=f"Rincian Anggaran Pada Tahun {report.tahun}",
        bold_rows=frozenset(bold),
        small=True,
    )
