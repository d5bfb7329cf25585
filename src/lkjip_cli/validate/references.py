"""Cross-file references: every id one file names must exist, and ids must be unique."""

from __future__ import annotations

import difflib

from lkjip_cli import rujukan
from lkjip_cli.findings import Finding, error
from lkjip_cli.loader import PathKey
from lkjip_cli.model import DataTahun
from lkjip_cli.validate.messages import format_path


def check_references(data: DataTahun) -> list[Finding]:
    """Every id that one file names in another must exist, and ids must be unique."""
    findings: list[Finding] = []
    rule = "input.referensi-tidak-dikenal"

    def unknown(kind: str, value: str, known: list[str], file: str, path: PathKey) -> None:
        close = difflib.get_close_matches(value, known, n=1)
        hint = f"; maksud Anda '{close[0]}'?" if close else f"; yang dikenal: {', '.join(known)}"
        findings.append(
            error(
                rule,
                f"{format_path(path)}: {kind} '{value}' tidak dikenal{hint}",
                data.pos(file, path),
            )
        )

    def unique(kind: str, ids: list[str], file: str, paths: list[PathKey]) -> None:
        seen: dict[str, PathKey] = {}
        for value, path in zip(ids, paths, strict=True):
            if value in seen:
                first = data.pos(file, seen[value])
                findings.append(
                    error(
                        "input.id-ganda",
                        f"{kind} '{value}' dipakai dua kali (pertama di baris {first.line})",
                        data.pos(file, path),
                    )
                )
            else:
                seen[value] = path

    sasaran_ids: list[str] = []
    sasaran_paths: list[PathKey] = []
    for ti, tujuan in enumerate(data.renstra.tujuan):
        for si, s in enumerate(tujuan.sasaran):
            sasaran_ids.append(s.id)
            sasaran_paths.append(("tujuan", ti, "sasaran", si, "id"))
    unique("sasaran", sasaran_ids, "renstra.yaml", sasaran_paths)
    program_ids = [p.id for p in data.anggaran.program]
    unique(
        "program",
        program_ids,
        "anggaran.yaml",
        [("program", i, "id") for i in range(len(program_ids))],
    )
    indikator_ids = [i.id for i in data.iku.indikator]
    unique(
        "indikator",
        indikator_ids,
        "iku.yaml",
        [("indikator", i, "id") for i in range(len(indikator_ids))],
    )

    for i, p in enumerate(data.anggaran.program):
        if p.sasaran not in sasaran_ids:
            unknown("sasaran", p.sasaran, sasaran_ids, "anggaran.yaml", ("program", i, "sasaran"))
    for i, ind in enumerate(data.iku.indikator):
        if ind.sasaran not in sasaran_ids:
            unknown("sasaran", ind.sasaran, sasaran_ids, "iku.yaml", ("indikator", i, "sasaran"))
        for j, program_id in enumerate(ind.program):
            if program_id not in program_ids:
                unknown(
                    "program", program_id, program_ids, "iku.yaml", ("indikator", i, "program", j)
                )
        if ind.realisasi_dari is not None:
            for key in ("pembilang", "penyebut"):
                why = rujukan.problem(getattr(ind.realisasi_dari, key), data.tabel, program_ids)
                if why is not None:
                    path: PathKey = ("indikator", i, "realisasi_dari", key)
                    findings.append(
                        error(rule, f"{format_path(path)}: {why}", data.pos("iku.yaml", path))
                    )
    for key, agreement in (("murni", data.pk.murni), ("perubahan", data.pk.perubahan)):
        if agreement is None:
            continue
        for j, t in enumerate(agreement.target):
            if t.indikator not in indikator_ids:
                unknown(
                    "indikator",
                    t.indikator,
                    indikator_ids,
                    "pk.yaml",
                    (key, "target", j, "indikator"),
                )
        for j, entry in enumerate(agreement.program):
            if entry.program not in program_ids:
                unknown(
                    "program", entry.program, program_ids, "pk.yaml", (key, "program", j, "program")
                )
    for j, r in enumerate(data.realisasi.indikator):
        if r.indikator not in indikator_ids:
            unknown(
                "indikator",
                r.indikator,
                indikator_ids,
                "realisasi.yaml",
                ("indikator", j, "indikator"),
            )
    return findings
