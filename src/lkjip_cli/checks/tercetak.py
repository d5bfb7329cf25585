"""Figures as printed (``tercetak``) against the figures computed from the data.

Each comparison keeps the precision the figure was printed with (see
:func:`lkjip_cli.checks._common.matches`). A sasaran's amounts are taken from
its programs' printed totals where the data records them, so a program row
that contradicts its sub kegiatan is reported once, by ``anggaran``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from lkjip_cli import rujukan
from lkjip_cli.checks._common import Rule, num, rp, where
from lkjip_cli.checks._printed import Printed, Unit, compare, entries, plain
from lkjip_cli.checks._tree import Node, build, program_nodes
from lkjip_cli.compute import efisiensi, percent
from lkjip_cli.findings import Finding, error
from lkjip_cli.loader import PathKey
from lkjip_cli.model import DataTahun
from lkjip_cli.model.renstra import Sasaran
from lkjip_cli.numbers import format_decimal_id
from lkjip_cli.report import IndikatorHasil, Report
from lkjip_cli.satuan import persen


def _same_word(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split())


def _efisiensi_how(metode: str, cap: Decimal | None, serapan: Decimal | None) -> str:
    if serapan is None:
        return ""
    if metode == "capaian-serapan":
        return "" if cap is None else f"{num(cap, 2)}% − {num(serapan, 2)}% = "
    return f"100% − {num(serapan, 2)}% = "


def _amounts(programs: dict[str, Node], ids: list[str]) -> tuple[Decimal | None, Decimal | None]:
    """Pagu perubahan and realisasi of these programs, as their rows print them."""
    nodes = [programs[p] for p in ids if p in programs]
    pagus = [n.known("pagu_perubahan") for n in nodes]
    reals = [n.known("realisasi") for n in nodes]
    pagu = None if None in pagus else sum((v for v in pagus if v is not None), Decimal(0))
    real = None if None in reals else sum((v for v in reals if v is not None), Decimal(0))
    return pagu, real


def _one_sasaran(
    data: DataTahun, report: Report, owner: PathKey, s: Sasaran, programs: dict[str, Node]
) -> list[Finding]:
    t, hasil = s.tercetak, report.sasaran.get(s.id)
    if t is None or hasil is None:
        return []

    def at(key: str, what: str) -> Printed:
        return Printed("renstra.yaml", owner, key, f"{what} sasaran '{s.nama}'")

    pagu, real = _amounts(programs, hasil.program)
    serapan = percent(real, pagu) if pagu is not None and real is not None else None
    eff = efisiensi(hasil.capaian, serapan, report.metode_efisiensi)
    findings = [
        *compare(
            data,
            at("capaian", "capaian"),
            t.capaian,
            hasil.capaian,
            "%",
            "rata-rata capaian indikatornya ",
            "tidak ada indikatornya yang memiliki capaian",
        ),
        *compare(data, at("pagu", "pagu"), t.pagu, pagu, "Rp", "jumlah pagu perubahan programnya "),
        *compare(
            data,
            at("realisasi", "realisasi"),
            t.realisasi,
            real,
            "Rp",
            "jumlah realisasi programnya ",
        ),
        *compare(
            data,
            at("serapan", "serapan"),
            t.serapan,
            serapan,
            "%",
            f"{rp(real or 0)} ÷ {rp(pagu or 0)} × 100 = ",
        ),
        *compare(
            data,
            at("efisiensi", "efisiensi"),
            t.efisiensi,
            eff,
            "%",
            _efisiensi_how(report.metode_efisiensi, hasil.capaian, serapan),
        ),
    ]
    if hasil.predikat is None or hasil.capaian is None:
        return findings
    spot = at("predikat", "predikat")
    for word, di, path in entries(t.predikat, spot):
        if _same_word(str(word), hasil.predikat):
            continue
        findings.append(
            error(
                "tercetak.predikat-tidak-cocok",
                f"{spot.subject} tertulis '{word}'{where(di)}, sedangkan capaian "
                f"{num(hasil.capaian, 2)}% pada skala predikat adalah '{hasil.predikat}'",
                data.pos(spot.file, path),
            )
        )
    return findings


def sasaran(data: DataTahun, report: Report) -> list[Finding]:
    """A sasaran's printed capaian, predikat, pagu, realisasi, serapan and efisiensi."""
    programs = program_nodes(build(data), data)
    return [
        finding
        for ti, tujuan in enumerate(data.renstra.tujuan)
        for si, s in enumerate(tujuan.sasaran)
        for finding in _one_sasaran(data, report, ("tujuan", ti, "sasaran", si), s, programs)
    ]


def _capaian_how(hasil: IndikatorHasil) -> str:
    if hasil.realisasi is None or not hasil.target:
        return ""
    real, target = format_decimal_id(hasil.realisasi, 4), format_decimal_id(hasil.target)
    if hasil.polaritas == "naik":
        return f"{real} ÷ {target} × 100 = "
    return ""


def _capaian_missing(hasil: IndikatorHasil) -> str:
    if hasil.target is None:
        return "indikator ini tidak diberi target di PK"
    if hasil.realisasi is None:
        return "indikator ini belum memiliki realisasi"
    return "targetnya 0"


def _realisasi_how(data: DataTahun, report: Report, entry_id: str) -> str:
    """``pembilang <ref> 105.582 ÷ penyebut <ref> 110.692 × 100 = `` for a computed realization."""
    ind = next((i for i in data.iku.indikator if i.id == entry_id), None)
    if ind is None or ind.realisasi_dari is None:
        return ""
    spec = ind.realisasi_dari
    top = rujukan.value(spec.pembilang, report.tabel, report.anggaran)
    bottom = rujukan.value(spec.penyebut, report.tabel, report.anggaran)
    if top is None or bottom is None:
        return ""
    factor = rujukan.faktor(ind)
    times = f" × {format_decimal_id(factor)}" if factor != 1 else ""
    return (
        f"pembilang {spec.pembilang} {format_decimal_id(top)} ÷ penyebut {spec.penyebut} "
        f"{format_decimal_id(bottom)}{times} = "
    )


def indikator(data: DataTahun, report: Report) -> list[Finding]:
    """An indicator's printed realisasi, capaian, capaian Renstra and differences."""
    findings: list[Finding] = []
    for j, entry in enumerate(data.realisasi.indikator):
        t, hasil = entry.tercetak, report.indikator.get(entry.indikator)
        if t is None or hasil is None:
            continue
        owner: PathKey = ("indikator", j)
        name = f"indikator '{hasil.nama}'"
        unit: Unit = "%" if persen(hasil.satuan) else ""
        checks: list[tuple[str, str, Any, Decimal | None, Unit, str, str]] = [
            (
                "realisasi",
                "realisasi",
                t.realisasi,
                hasil.realisasi,
                unit,
                _realisasi_how(data, report, entry.indikator),
                "indikator ini belum memiliki realisasi",
            ),
            (
                "capaian",
                "capaian",
                t.capaian,
                hasil.capaian,
                "%",
                _capaian_how(hasil),
                _capaian_missing(hasil),
            ),
            (
                "capaian_renstra",
                "capaian terhadap target Renstra",
                t.capaian_renstra,
                hasil.capaian_renstra,
                "%",
                "",
                "indikator ini tidak memiliki target Renstra (target_renstra)"
                if hasil.target_renstra is None
                else _capaian_missing(hasil),
            ),
            (
                "selisih_pembanding",
                "selisih dengan daerah pembanding",
                t.selisih_pembanding,
                hasil.selisih_pembanding,
                "",
                "",
                "indikator ini tidak memiliki pembanding",
            ),
        ]
        for key, what, value, computed, u, how, missing in checks:
            at = Printed("realisasi.yaml", owner, key, f"{what} {name}")
            findings += compare(data, at, value, computed, u, how, missing)
        for year, value in t.selisih_tahun.items():
            if data.is_incomplete("realisasi.yaml", (*owner, "riwayat", str(year))):
                continue  # that year's figure was unreadable: already a finding
            spot = Printed(
                "realisasi.yaml",
                (*owner, "tercetak", "selisih_tahun"),
                str(year),
                f"selisih realisasi {report.tahun} dengan {year} {name}",
            )
            findings += plain(
                data,
                spot,
                value,
                hasil.selisih_tahun.get(year),
                f"tidak ada realisasi tahun {year} (riwayat)",
            )
    for j, r in enumerate(data.realisasi.rpjmd):
        if r.tercetak is None or j >= len(report.rpjmd):
            continue
        spot = Printed(
            "realisasi.yaml",
            ("rpjmd", j),
            "selisih",
            f"selisih {report.tahun - 1} dengan {report.tahun} indikator RPJMD '{r.nama}'",
        )
        findings += compare(
            data,
            spot,
            r.tercetak.selisih,
            report.rpjmd[j].selisih,
            "",
            "",
            f"realisasi {report.tahun - 1} atau {report.tahun} tidak ada",
        )
    return findings


def instansi(data: DataTahun, report: Report) -> list[Finding]:
    """The printed number of staff and of civil servants (Tabel 1.1)."""
    t = data.instansi.tercetak
    if t is None:
        return []
    findings = []
    for key, what, actual in (
        ("jumlah_pegawai", "jumlah pegawai", report.pegawai.jumlah),
        ("jumlah_asn", "jumlah ASN", report.pegawai.asn),
    ):
        spot = Printed("instansi.yaml", (), key, what)
        for stated, di, path in entries(getattr(t, key), spot):
            if stated == actual:
                continue
            findings.append(
                error(
                    "tercetak.jumlah-tidak-cocok",
                    f"{what} tertulis {stated}{where(di)}, sedangkan jumlah baris Tabel 1.1 "
                    f"(pegawai) {actual} (selisih {stated - actual:+d})",
                    data.pos(spot.file, path),
                )
            )
    return findings


RULES: tuple[Rule, ...] = (sasaran, indikator, instansi)
"""The rules of this family, in the order they run."""
