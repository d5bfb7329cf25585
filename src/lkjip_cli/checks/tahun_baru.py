"""A year not yet filled in: what is still blank, and where to fill it (warnings only).

``lkjip new`` writes a new year with its amounts and realization emptied; these
rules turn each blank into a to-do at its line. They hold for any year, not only
a scaffold: a DPA row without any allocation, a PK without a date, a report
dated outside the year after its own. An indicator without realization is
``kelengkapan.tanpa-realisasi``, and a sub kegiatan with an allocation but no
spending ``anggaran.tanpa-realisasi``; they are not repeated here.

Rule ids: ``tahun-baru.pagu-belum-diisi``,
``tahun-baru.tanggal-pk-belum-diisi``, ``tahun-baru.tanggal-laporan``,
``tahun-baru.rpjmd-belum-diisi``, ``tahun-baru.tabel-belum-diisi``.
"""

from __future__ import annotations

from lkjip_cli.checks._common import Rule
from lkjip_cli.findings import Finding, warning
from lkjip_cli.model import DataTahun
from lkjip_cli.model.tabel import NUMERIC
from lkjip_cli.numbers import format_tanggal
from lkjip_cli.report import Report


def _and(items: list[str]) -> str:
    """``a``, ``a dan b``, ``a, b dan c``."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} dan {items[-1]}"


def pagu_belum_diisi(data: DataTahun, report: Report) -> list[Finding]:
    """A sub kegiatan whose pagu murni and pagu perubahan are both 0: not yet filled."""
    findings = []
    for i, program in enumerate(data.anggaran.program):
        for j, kegiatan in enumerate(program.kegiatan):
            for k, sub in enumerate(kegiatan.sub_kegiatan):
                if sub.pagu_murni or sub.pagu_perubahan:
                    continue
                unspent = sub.realisasi is None
                findings.append(
                    warning(
                        "tahun-baru.pagu-belum-diisi",
                        f"sub kegiatan '{sub.nama}': pagu_murni dan pagu_perubahan belum diisi "
                        f"(masih 0){', realisasi belum diisi' if unspent else ''}; isi dari DPA "
                        f"tahun {report.tahun}{' dan realisasi anggarannya' if unspent else ''}",
                        data.pos(
                            "anggaran.yaml",
                            ("program", i, "kegiatan", j, "sub_kegiatan", k, "pagu_murni"),
                        ),
                    )
                )
    return findings


def tanggal_pk_belum_diisi(data: DataTahun, report: Report) -> list[Finding]:
    """A PK (or PK Perubahan) without its date of signing: the print would show dots."""
    documents = [("murni", "PK", data.pk.murni)]
    if data.pk.perubahan is not None:
        documents.append(("perubahan", "PK Perubahan", data.pk.perubahan))
    return [
        warning(
            "tahun-baru.tanggal-pk-belum-diisi",
            f"tanggal penandatanganan {title} tahun {report.tahun} belum diisi ({key}.tanggal); "
            f"lampirannya akan mencetak '............ {report.tahun}' di tempatnya",
            data.pos("pk.yaml", (key, "tanggal")),
        )
        for key, title, pk in documents
        if pk.tanggal is None
    ]


def tanggal_laporan(data: DataTahun, report: Report) -> list[Finding]:
    """A report not dated in the year after its own (an LKjIP is signed early that year)."""
    tanggal = data.instansi.laporan.tanggal
    if tanggal.year == report.tahun + 1:
        return []
    return [
        warning(
            "tahun-baru.tanggal-laporan",
            f"tanggal laporan {format_tanggal(tanggal)} tidak di tahun {report.tahun + 1}; "
            f"LKjIP {report.tahun} ditandatangani awal tahun {report.tahun + 1}, "
            "isi tanggal penandatanganannya",
            data.pos("instansi.yaml", ("laporan", "tanggal")),
        )
    ]


def rpjmd_belum_diisi(data: DataTahun, report: Report) -> list[Finding]:
    """An RPJMD indicator (Tabel 3.5) without this year's target or realization."""
    findings = []
    for i, rpjmd in enumerate(data.realisasi.rpjmd):
        blank = [key for key in ("target", "realisasi") if report.tahun not in getattr(rpjmd, key)]
        if blank:
            findings.append(
                warning(
                    "tahun-baru.rpjmd-belum-diisi",
                    f"indikator RPJMD '{rpjmd.nama}': {_and(blank)} tahun {report.tahun} "
                    f"belum diisi (tambahkan '{report.tahun}: ...' di bawah {_and(blank)})",
                    data.pos("realisasi.yaml", ("rpjmd", i)),
                )
            )
    return findings


def tabel_belum_diisi(data: DataTahun, report: Report) -> list[Finding]:
    """A declared table whose typed figures are all blank or 0."""
    findings = []
    for name, t in data.tabel.items():
        numeric = [k.id for k in t.tabel.kolom if k.jenis in NUMERIC and k.rumus is None]
        rows = [*t.baris, *(s for b in t.baris for s in b.rincian)]
        if not numeric or not rows or any(r.nilai.get(c) for r in rows for c in numeric):
            continue
        users = [
            i.nama
            for i in data.iku.indikator
            if i.realisasi_dari is not None
            and any(
                ref.startswith(f"tabel.{name}.")
                for ref in (i.realisasi_dari.pembilang, i.realisasi_dari.penyebut)
            )
        ]
        why = f"; realisasi indikator '{_and(users)}' dihitung dari tabel ini" if users else ""
        findings.append(
            warning(
                "tahun-baru.tabel-belum-diisi",
                f"angka tabel '{name}' tahun {report.tahun} belum diisi (semua kosong atau 0)"
                + why,
                data.pos(t.file, ("baris",)),
            )
        )
    return findings


RULES: tuple[Rule, ...] = (
    pagu_belum_diisi,
    tanggal_pk_belum_diisi,
    tanggal_laporan,
    rpjmd_belum_diisi,
    tabel_belum_diisi,
)
"""The rules of this family, in the order they run."""
