"""A placeholder without a value in a year not filled yet: which data is missing, and where.

``'indikator.x.pembanding.daerah' belum ada nilainya`` is true but does not say
what to do. When an indicator's figure is missing because its data is (this
year's realization, an earlier year's, the benchmark, the PK or Renstra
target), the message names exactly that data, its file and the completeness
warning that lists it: not the realization when the benchmark is what is
missing.
"""

from __future__ import annotations

import re

from lkjip_cli.report import IndikatorHasil, Report

_NEEDS = {
    "realisasi": ("realisasi",),
    "capaian": ("realisasi", "target"),
    "predikat": ("realisasi", "target"),
    "target": ("target",),
    "riwayat": ("riwayat",),
    "selisih_tahun": ("realisasi", "riwayat"),
    "pembanding": ("pembanding",),
    "selisih_pembanding": ("realisasi", "pembanding"),
    "target_renstra": ("target_renstra",),
    "capaian_renstra": ("realisasi", "target_renstra"),
}
"""A computed field of an indicator → the data it comes from."""

_FIELD = re.compile(r"^indikator\.(?P<key>[^.\[]+)\.(?P<field>\w+)(?:\[(?P<year>\d+)\])?")


def unfilled(path: str, message: str, report: Report) -> str:
    """``message`` about the missing ``path``, naming the data that is missing when known."""
    if not message.endswith(("isi datanya atau sesuaikan narasinya", "isi datanya")):
        return message
    match = _FIELD.match(path)
    ind = report.indikator.get(match["key"]) if match else None
    if match is not None and ind is not None:
        year = int(match["year"]) if match["year"] else None
        missing = [what for what in _NEEDS.get(match["field"], ()) if _is_missing(ind, what, year)]
        if missing:
            said = " dan ".join(_what(ind, what, year, report.tahun) for what in missing)
            return f"'{path}' belum ada nilainya: {said} atau sesuaikan narasinya"
    if path.startswith("rpjmd[") and path.endswith(f".realisasi[{report.tahun}]"):
        return (
            f"'{path}' belum ada nilainya: realisasi indikator RPJMD tahun {report.tahun} "
            "belum diisi; isi data tahun ini (realisasi.yaml, 'rpjmd', yang ditandai # ISI, "
            "lihat peringatan tahun-baru.rpjmd-belum-diisi) atau sesuaikan narasinya"
        )
    return message


def _is_missing(ind: IndikatorHasil, what: str, year: int | None) -> bool:
    if what == "riwayat":
        return year is not None and year not in ind.riwayat
    return getattr(ind, what) is None


def _what(ind: IndikatorHasil, what: str, year: int | None, tahun: int) -> str:
    """The missing data in words, with where to fill it."""
    name = f"indikator '{ind.nama}'"
    if what == "realisasi":
        return (
            f"realisasi {name} tahun {tahun} belum diisi; isi data tahun ini (realisasi.yaml "
            "dan yang ditandai # ISI, lihat peringatan kelengkapan.tanpa-realisasi)"
        )
    if what == "riwayat":
        return (
            f"realisasi {name} tahun {year} belum diisi; isi 'riwayat' indikator ini di "
            "realisasi.yaml (lihat peringatan kelengkapan.tanpa-riwayat)"
        )
    if what == "pembanding":
        return (
            f"pembanding {name} (realisasi daerah lain) tahun {tahun} belum diisi; isi "
            "'pembanding' indikator ini di realisasi.yaml (yang ditandai # ISI bila ada, lihat "
            "peringatan kelengkapan.tanpa-pembanding)"
        )
    if what == "target":
        return f"target PK {name} tahun {tahun} belum diisi; isi targetnya di pk.yaml"
    return (
        f"target Renstra {name} belum diisi; isi 'target_renstra' indikator ini di iku.yaml "
        "(lihat peringatan kelengkapan.tanpa-target-renstra)"
    )
