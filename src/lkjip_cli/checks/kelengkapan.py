"""SAKIP completeness: what an evaluator would miss in the report (warnings only).

An indicator counts as *analysed* when the narrative of BAB III
(``narasi/bab-3.md``) names it: its name, case and spacing aside, or a
placeholder ``indikator.<id>``. That is deliberately simple; it catches an
indicator the chapter never discusses, not a weak discussion.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lkjip_cli.checks._common import Rule
from lkjip_cli.findings import Finding, warning
from lkjip_cli.loader import Position
from lkjip_cli.model import DataTahun
from lkjip_cli.model.iku import Indikator
from lkjip_cli.numbers import format_percent
from lkjip_cli.report import Report

NARRATIVE = "bab-3"
"""The chapter whose text must discuss each indicator's achievement."""


def _reported(data: DataTahun) -> Iterator[tuple[int, Indikator]]:
    """Indicators the report measures: those with a PK target, and every IKU."""
    targeted = {t.indikator for t in data.pk.berlaku().target}
    for i, ind in enumerate(data.iku.indikator):
        if ind.id in targeted or ind.utama:
            yield i, ind


def _entry_index(data: DataTahun, indikator_id: str) -> int | None:
    return next(
        (j for j, r in enumerate(data.realisasi.indikator) if r.indikator == indikator_id), None
    )


def tanpa_target_renstra(data: DataTahun, report: Report) -> list[Finding]:
    """An indicator without the Renstra's medium-term target."""
    return [
        warning(
            "kelengkapan.tanpa-target-renstra",
            f"indikator '{ind.nama}' tidak memiliki target Renstra (target_renstra), sehingga "
            "capaiannya terhadap target jangka menengah tidak dapat disajikan",
            data.pos("iku.yaml", ("indikator", i)),
        )
        for i, ind in _reported(data)
        if ind.target_renstra is None
    ]


def tanpa_realisasi(data: DataTahun, report: Report) -> list[Finding]:
    """An indicator with no realization this year: it has no capaian."""
    findings = []
    for i, ind in _reported(data):
        hasil = report.indikator.get(ind.id)
        if hasil is None or hasil.realisasi is not None:
            continue
        spec = ind.realisasi_dari
        where = (
            f"angka yang dirujuk {spec.pembilang} dan {spec.penyebut} (penyebut bukan 0)"
            if spec is not None
            else "'realisasi' di realisasi.yaml"
        )
        findings.append(
            warning(
                "kelengkapan.tanpa-realisasi",
                f"indikator '{ind.nama}' belum memiliki realisasi tahun {report.tahun}; isi "
                f"{where} agar capaiannya dapat dihitung",
                data.pos("iku.yaml", ("indikator", i)),
            )
        )
    return findings


def _target_pos(data: DataTahun, indikator_id: str) -> Position | None:
    """The indicator's target in the PK in force."""
    key = "perubahan" if data.pk.perubahan is not None else "murni"
    for j, t in enumerate(data.pk.berlaku().target):
        if t.indikator == indikator_id:
            return data.pos("pk.yaml", (key, "target", j, "target"))
    return None


def tanpa_capaian(data: DataTahun, report: Report) -> list[Finding]:
    """An indicator with a target and a realization whose formula is undefined (a 0)."""
    findings = []
    for i, ind in _reported(data):
        hasil = report.indikator.get(ind.id)
        if hasil is None or hasil.target is None or hasil.realisasi is None:
            continue
        if hasil.capaian is not None:
            continue
        if ind.polaritas == "turun" and ind.metode == "target/realisasi":
            why = "realisasinya 0, sehingga target ÷ realisasi × 100 tidak dapat dihitung"
        elif ind.polaritas == "turun":
            why = (
                "targetnya 0, sehingga (2 × target − realisasi) ÷ target × 100 tidak dapat dihitung"
            )
        else:
            why = "targetnya 0, sehingga realisasi ÷ target × 100 tidak dapat dihitung"
        findings.append(
            warning(
                "kelengkapan.tanpa-capaian",
                f"indikator '{ind.nama}' tidak memiliki capaian: {why}; tabel mencetak '-' "
                f"dan indikator ini tidak ikut dalam rata-rata capaian sasaran {ind.sasaran}. "
                "Bila angka itu memang ditetapkan, jelaskan di narasi dan akui peringatan "
                "ini (diakui di lkjip.yaml)",
                _target_pos(data, ind.id) or data.pos("iku.yaml", ("indikator", i)),
            )
        )
    return findings


def tanpa_riwayat(data: DataTahun, report: Report) -> list[Finding]:
    """An indicator without realization of earlier years to compare with."""
    findings = []
    for i, ind in _reported(data):
        j = _entry_index(data, ind.id)
        if j is not None and data.realisasi.indikator[j].riwayat:
            continue
        pos = _realisasi_pos(data, i, j)
        findings.append(
            warning(
                "kelengkapan.tanpa-riwayat",
                f"indikator '{ind.nama}' tidak memiliki realisasi tahun-tahun sebelumnya "
                "(riwayat); "
                "perbandingan antartahun tidak dapat disajikan",
                pos,
            )
        )
    return findings


def _realisasi_pos(data: DataTahun, i: int, j: int | None) -> Position:
    """The indicator's entry in realisasi.yaml, or its IKU entry when it has none."""
    if j is not None:
        return data.pos("realisasi.yaml", ("indikator", j))
    return data.pos("iku.yaml", ("indikator", i))


def tanpa_pembanding(data: DataTahun, report: Report) -> list[Finding]:
    """An indicator without another district's realization as a benchmark."""
    findings = []
    for i, ind in _reported(data):
        j = _entry_index(data, ind.id)
        if j is not None and data.realisasi.indikator[j].pembanding is not None:
            continue
        pos = _realisasi_pos(data, i, j)
        findings.append(
            warning(
                "kelengkapan.tanpa-pembanding",
                f"indikator '{ind.nama}' tidak memiliki pembanding (realisasi daerah lain); "
                "perbandingan dengan daerah lain tidak dapat disajikan",
                pos,
            )
        )
    return findings


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def discussed(data: DataTahun, ind: Indikator) -> bool:
    """Whether the BAB III narrative names the indicator (name or ``indikator.<id>``)."""
    narasi = data.narasi.get(NARRATIVE)
    if narasi is None:
        return False
    text = _norm(narasi.text)
    if re.search(rf"\bindikator\.{re.escape(ind.id.lower())}\b", text):
        return True
    return _norm(ind.nama) in text


def tanpa_analisis(data: DataTahun, report: Report) -> list[Finding]:
    """An indicator (at or above target) that BAB III does not discuss."""
    findings = []
    for i, ind in _reported(data):
        hasil = report.indikator.get(ind.id)
        below = hasil is not None and hasil.capaian is not None and hasil.capaian < 100
        if below or discussed(data, ind):
            continue
        findings.append(
            warning(
                "kelengkapan.tanpa-analisis",
                f"narasi {NARRATIVE} tidak membahas indikator '{ind.nama}'; uraikan analisis "
                "capaiannya (sebut nama indikatornya)",
                data.pos("iku.yaml", ("indikator", i)),
            )
        )
    return findings


def capaian_tanpa_penjelasan(data: DataTahun, report: Report) -> list[Finding]:
    """An indicator below target whose causes BAB III does not explain."""
    findings = []
    for i, ind in _reported(data):
        hasil = report.indikator.get(ind.id)
        if hasil is None or hasil.capaian is None or hasil.capaian >= 100:
            continue
        if discussed(data, ind):
            continue
        findings.append(
            warning(
                "kelengkapan.capaian-tanpa-penjelasan",
                f"capaian indikator '{ind.nama}' {format_percent(hasil.capaian)} di bawah target, "
                f"tetapi narasi {NARRATIVE} tidak menyebut indikator ini; jelaskan penyebab dan "
                "upaya perbaikannya",
                data.pos("iku.yaml", ("indikator", i)),
            )
        )
    return findings


def _sasaran_positions(data: DataTahun) -> dict[str, tuple[int, int]]:
    return {
        s.id: (ti, si) for ti, t in enumerate(data.renstra.tujuan) for si, s in enumerate(t.sasaran)
    }


def sasaran_tanpa_anggaran(data: DataTahun, report: Report) -> list[Finding]:
    """A sasaran that no program of the DPA serves: it has no budget."""
    places = _sasaran_positions(data)
    return [
        warning(
            "kelengkapan.sasaran-tanpa-anggaran",
            f"sasaran '{s.nama}' tidak didukung program mana pun di anggaran.yaml, sehingga "
            "tidak memiliki anggaran; isi 'sasaran: " + s.id + "' pada program yang mendukungnya",
            data.pos("renstra.yaml", ("tujuan", places[s.id][0], "sasaran", places[s.id][1])),
        )
        for s in report.sasaran.values()
        if not s.program and s.id in places
    ]


def sasaran_tanpa_indikator(data: DataTahun, report: Report) -> list[Finding]:
    """A sasaran with no indicator targeted in the PK: its capaian cannot be measured."""
    places = _sasaran_positions(data)
    return [
        warning(
            "kelengkapan.sasaran-tanpa-indikator",
            f"sasaran '{s.nama}' tidak memiliki indikator yang diberi target di PK, sehingga "
            "capaiannya tidak dapat diukur",
            data.pos("renstra.yaml", ("tujuan", places[s.id][0], "sasaran", places[s.id][1])),
        )
        for s in report.sasaran.values()
        if not s.indikator and s.id in places
    ]


RULES: tuple[Rule, ...] = (
    tanpa_target_renstra,
    tanpa_realisasi,
    tanpa_capaian,
    tanpa_riwayat,
    tanpa_pembanding,
    tanpa_analisis,
    capaian_tanpa_penjelasan,
    sasaran_tanpa_anggaran,
    sasaran_tanpa_indikator,
)
"""The rules of this family, in the order they run."""
