"""The report's numbered tables (Tabel 1.1–3.18), each built from the Report.

Every builder returns a :class:`Table` without a number; the document builder
numbers tables by their position. Figures are formatted here and only here, from
exact values (percentages rounded half up when printed).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from lkjip_cli.model import DataTahun
from lkjip_cli.numbers import (
    format_decimal_id,
    format_money_plain,
    format_number,
    format_percent,
)
from lkjip_cli.render.blocks import Cell, Row, Table
from lkjip_cli.report import IndikatorHasil, Report, SasaranHasil

Builder = Callable[[DataTahun, Report, str | None], Table]

METODE_EFISIENSI = {"100-serapan": "100% − serapan", "capaian-serapan": "capaian − serapan"}
"""How each efficiency method is named in the report."""


def c(text: object, align: str = "left", **kw: object) -> Cell:
    """A cell from any value (``None`` → ``-``)."""
    return Cell("-" if text is None else str(text), align=align, **kw)  # type: ignore[arg-type]


def num(text: object, **kw: object) -> Cell:
    """A right-aligned number cell."""
    return c(text, "right", **kw)


def mid(text: object, **kw: object) -> Cell:
    """A centred cell."""
    return c(text, "center", **kw)


def head(*titles: str) -> Row:
    """A header row of centred bold cells."""
    return tuple(Cell(t, align="center", bold=True) for t in titles)


def nilai(ind: IndikatorHasil, value: Decimal | None) -> str:
    """A value in the indicator's unit: ``95,38%`` or ``60,15``."""
    if value is None:
        return "-"
    text = format_decimal_id(value)
    return f"{text}%" if ind.satuan == "%" else text


def _sasaran(report: Report, key: str | None) -> SasaranHasil:
    assert key is not None
    return report.sasaran[key]


def _indikator(report: Report, s: SasaranHasil) -> list[IndikatorHasil]:
    return [report.indikator[i] for i in s.indikator]


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
        parts = []
        if ind.rumus:
            parts.append(f"{ind.rumus.pembilang} ÷ {ind.rumus.penyebut} × 100%")
        if ind.penjelasan:
            parts.append("Penjelasan:\n" + "\n".join(f"- {p}" for p in ind.penjelasan))
        programs = "\n".join(report.program[p].nama for p in ind.program if p in report.program)
        body.append(
            (
                mid(i),
                c(sasaran.get(ind.sasaran, ind.sasaran)),
                c(ind.nama),
                c("\n".join(parts) or ind.definisi),
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
            (mid(f"{i}."), c(sasaran.get(ind.sasaran)), c(ind.nama), mid(nilai(ind, t.target)))
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


def realisasi_sasaran(data: DataTahun, report: Report, key: str | None) -> Table:
    """Tabel 3.3 / 3.14 Target, realisasi and capaian of a sasaran's indicators."""
    s = _sasaran(report, key)
    inds = _indikator(report, s)
    body: list[Row] = []
    for i, ind in enumerate(inds):
        first = (mid(1, rowspan=len(inds)), c(s.nama, rowspan=len(inds))) if i == 0 else ()
        body.append(
            (
                *first,
                c(ind.nama),
                mid(nilai(ind, ind.target)),
                mid(nilai(ind, ind.realisasi)),
                mid(format_percent(ind.capaian)),
            )
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
    s = _sasaran(report, key)
    inds = _indikator(report, s)
    years = sorted({y for ind in inds for y in ind.riwayat} | {report.tahun})
    body: list[Row] = []
    for i, ind in enumerate(inds):
        first = (mid(1, rowspan=len(inds)), c(s.nama, rowspan=len(inds))) if i == 0 else ()
        values = [ind.realisasi if y == report.tahun else ind.riwayat.get(y) for y in years]
        body.append((*first, c(ind.nama), *(mid(nilai(ind, v)) for v in values)))
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
    s = _sasaran(report, key)
    inds = _indikator(report, s)
    body: list[Row] = []
    for i, ind in enumerate(inds):
        first = (mid(1, rowspan=len(inds)), c(s.nama, rowspan=len(inds))) if i == 0 else ()
        body.append(
            (
                *first,
                c(ind.nama),
                mid(nilai(ind, ind.target_renstra)),
                mid(nilai(ind, ind.realisasi)),
                mid(format_percent(ind.capaian_renstra)),
            )
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
    s = _sasaran(report, key)
    inds = [i for i in _indikator(report, s) if i.pembanding]
    daerah = inds[0].pembanding.daerah if inds and inds[0].pembanding else "Daerah Lain"
    body: list[Row] = []
    for i, ind in enumerate(inds):
        first = (mid(1, rowspan=len(inds)), c(s.nama, rowspan=len(inds))) if i == 0 else ()
        b = ind.pembanding
        assert b is not None
        body.append(
            (*first, c(ind.nama), mid(nilai(ind, ind.realisasi)), mid(nilai(ind, b.realisasi)))
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
        caption="Perbandingan Capaian Kinerja di Tingkat Kabupaten",
    )


def rpjmd(data: DataTahun, report: Report, key: str | None) -> Table:
    """Tabel 3.5 Realization of the RPJMD indicator."""
    years = sorted({y for r in report.rpjmd for y in (*r.target, *r.realisasi)})
    titles = ["No", "Indikator Kinerja", "Target Awal RPJMD"]
    for y in years:
        titles += [f"Target {y}", f"Realisasi {y}"]
    body = []
    for i, r in enumerate(report.rpjmd, 1):
        cells = [mid(f"{i}."), c(r.nama), mid(format_decimal_id(r.target_awal))]
        for y in years:
            cells += [
                mid(format_decimal_id(r.target.get(y))),
                mid(format_decimal_id(r.realisasi.get(y))),
            ]
        body.append(tuple(cells))
    return Table(
        header=(head(*titles),),
        body=tuple(body),
        widths=(1, 4, 2, *([2] * (2 * len(years)))),
        caption=f"Realisasi Kinerja berdasarkan Indikator Sasaran RPJMD {data.instansi.daerah} "
        f"Tahun {data.renstra.periode.awal}-{data.renstra.periode.akhir}",
    )


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


def anggaran_sasaran(data: DataTahun, report: Report, key: str | None) -> Table:
    """Tabel 3.13 / 3.17 Budget realization supporting a sasaran, with efisiensi."""
    s = _sasaran(report, key)
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


def realisasi_anggaran(data: DataTahun, report: Report, key: str | None) -> Table:
    """Tabel 3.18 Performance and budget realization per sasaran."""
    body: list[Row] = []
    for i, s in enumerate(report.sasaran.values(), 1):
        inds = _indikator(report, s)
        for j, ind in enumerate(inds or [None]):
            lead = (
                (mid(i, rowspan=max(1, len(inds))), c(s.nama, rowspan=max(1, len(inds))))
                if j == 0
                else ()
            )
            kinerja = (
                (
                    c(ind.nama),
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


TABLES: dict[str, Builder] = {
    "pegawai": pegawai,
    "permasalahan": permasalahan,
    "iku": iku,
    "pk": pk,
    "anggaran": anggaran,
    "predikat": predikat,
    "capaian-sasaran": capaian_sasaran,
    "realisasi-S": realisasi_sasaran,
    "perkembangan-S": perkembangan,
    "renstra-S": renstra,
    "pembanding-S": pembanding,
    "anggaran-S": anggaran_sasaran,
    "rpjmd": rpjmd,
    "pmks": pmks,
    "bansos": bansos,
    "psks": psks,
    "spm": spm,
    "spm-rincian": spm_rincian,
    "realisasi-anggaran": realisasi_anggaran,
}
"""Table builders by directive name; names ending in ``-S`` take a sasaran id suffix."""


def lookup(name: str, report: Report) -> tuple[Builder, str | None] | None:
    """Resolve ``realisasi-S1`` → (builder, "S1"); ``pmks`` → (builder, None)."""
    if name in TABLES and not name.endswith("-S"):
        return TABLES[name], None
    for key in report.sasaran:
        suffix = f"-{key}"
        if name.endswith(suffix) and f"{name[: -len(suffix)]}-S" in TABLES:
            return TABLES[f"{name[: -len(suffix)]}-S"], key
    return None
