"""Rules across documents: the PK and PK Perubahan against the DPA and the IKU."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal

from lkjip_cli.checks._common import (
    Part,
    Rule,
    balancing,
    matches,
    rp,
    rp_diff,
    suggestion,
    sum_lines,
)
from lkjip_cli.checks._tree import build, program_nodes
from lkjip_cli.findings import Finding, error, warning
from lkjip_cli.model import DataTahun
from lkjip_cli.model.pk import PerjanjianKinerja
from lkjip_cli.numbers import format_decimal_id
from lkjip_cli.report import Report

FILE = "pk.yaml"
_AMOUNT = {"murni": "pagu_murni", "perubahan": "pagu_perubahan"}
_TITLE = {"murni": "PK", "perubahan": "PK Perubahan"}
_AMOUNT_LABEL = {"murni": "pagu murni", "perubahan": "pagu perubahan"}


def _documents(data: DataTahun) -> Iterator[tuple[str, PerjanjianKinerja]]:
    yield "murni", data.pk.murni
    if data.pk.perubahan is not None:
        yield "perubahan", data.pk.perubahan


def _program_name(data: DataTahun, program_id: str) -> str:
    return next((p.nama for p in data.anggaran.program if p.id == program_id), program_id)


def anggaran_tidak_cocok(data: DataTahun, report: Report) -> list[Finding]:
    """A program amount printed in a PK that is not the DPA's (murni or perubahan)."""
    programs = program_nodes(build(data), data)
    findings = []
    for key, pk in _documents(data):
        for j, entry in enumerate(pk.program):
            node = programs.get(entry.program)
            dpa = node.known(_AMOUNT[key]) if node is not None else None
            if entry.anggaran is None or dpa is None or matches(entry.anggaran, dpa):
                continue
            findings.append(
                error(
                    "pk.anggaran-tidak-cocok",
                    f"anggaran program '{_program_name(data, entry.program)}' di {_TITLE[key]} "
                    f"tertulis {rp(entry.anggaran)}, sedangkan {_AMOUNT_LABEL[key]} DPA-nya "
                    f"{rp(dpa)} (selisih {rp_diff(entry.anggaran, dpa)})",
                    data.pos(FILE, (key, "program", j, "anggaran")),
                )
            )
    return findings


def _equals(expected: Decimal) -> Callable[[Decimal], bool]:
    return lambda value: value == expected


def jumlah_tidak_cocok(data: DataTahun, report: Report) -> list[Finding]:
    """A PK's printed total that is not the sum of its program amounts."""
    programs = program_nodes(build(data), data)
    findings = []
    for key, pk in _documents(data):
        if pk.jumlah is None or not pk.program:
            continue
        parts: list[Part] = []
        for entry in pk.program:
            node = programs.get(entry.program)
            dpa = node.known(_AMOUNT[key]) if node is not None else None
            value = entry.anggaran if entry.anggaran is not None else dpa
            if value is None:
                break
            confirm = None if dpa is None else _equals(dpa)
            parts.append(Part(_program_name(data, entry.program), value, confirm))
        else:
            computed = sum((p.value for p in parts), Decimal(0))
            if matches(pk.jumlah, computed):
                continue
            lines = [
                f"jumlah anggaran {_TITLE[key]} tertulis {rp(pk.jumlah)}, sedangkan jumlah "
                f"{len(parts)} programnya {rp(computed)} (selisih {rp_diff(pk.jumlah, computed)})",
                *sum_lines(parts),
                *suggestion("anggaran", balancing(parts, pk.jumlah, computed)),
            ]
            findings.append(
                error("pk.jumlah-tidak-cocok", "\n".join(lines), data.pos(FILE, (key, "jumlah")))
            )
    return findings


def program_ganda(data: DataTahun, report: Report) -> list[Finding]:
    """A program listed twice in a PK's program table."""
    findings = []
    for key, pk in _documents(data):
        listed: dict[str, int] = {}
        for j, entry in enumerate(pk.program):
            if entry.program in listed:
                line = data.pos(FILE, (key, "program", listed[entry.program])).line
                findings.append(
                    error(
                        "pk.program-ganda",
                        f"program '{_program_name(data, entry.program)}' tertulis dua kali di "
                        f"{_TITLE[key]} (pertama di baris {line}); hapus salah satunya",
                        data.pos(FILE, (key, "program", j, "program")),
                    )
                )
            listed.setdefault(entry.program, j)
    return findings


def program_tidak_ada(data: DataTahun, report: Report) -> list[Finding]:
    """A DPA program missing from a PK's program table (when the PK has one)."""
    findings = []
    for key, pk in _documents(data):
        listed = {entry.program for entry in pk.program}
        for p in data.anggaran.program:
            if not listed or p.id in listed:
                continue
            findings.append(
                error(
                    "pk.program-tidak-ada",
                    f"program '{p.nama}' ada di DPA (anggaran.yaml) tetapi tidak ada di tabel "
                    f"program {_TITLE[key]}; tambahkan {{program: {p.id}}} atau periksa DPA-nya",
                    data.pos(FILE, (key, "program")),
                )
            )
    return findings


def indikator_tidak_sama(data: DataTahun, report: Report) -> list[Finding]:
    """An indicator targeted in the PK but not in the PK Perubahan, or the other way."""
    perubahan = data.pk.perubahan
    if perubahan is None:
        return []
    names = {i.id: i.nama for i in data.iku.indikator}
    findings = []
    sides = (
        ("murni", data.pk.murni, "perubahan", perubahan),
        ("perubahan", perubahan, "murni", data.pk.murni),
    )
    for key, pk, other_key, other in sides:
        others = {t.indikator for t in other.target}
        for j, t in enumerate(pk.target):
            if t.indikator in others:
                continue
            findings.append(
                warning(
                    "pk.indikator-tidak-sama",
                    f"indikator '{names.get(t.indikator, t.indikator)}' memiliki target di "
                    f"{_TITLE[key]} tetapi tidak di {_TITLE[other_key]}; bila memang dihapus atau "
                    "ditambahkan saat perubahan, jelaskan di narasi",
                    data.pos(FILE, (key, "target", j, "indikator")),
                )
            )
    return findings


def indikator_ganda(data: DataTahun, report: Report) -> list[Finding]:
    """One indicator given two targets in one PK."""
    names = {i.id: i.nama for i in data.iku.indikator}
    findings = []
    for key, pk in _documents(data):
        seen: dict[str, int] = {}
        for j, t in enumerate(pk.target):
            if t.indikator not in seen:
                seen[t.indikator] = j
                continue
            first = pk.target[seen[t.indikator]]
            line = data.pos(FILE, (key, "target", seen[t.indikator])).line
            findings.append(
                error(
                    "pk.indikator-ganda",
                    f"indikator '{names.get(t.indikator, t.indikator)}' diberi target dua kali di "
                    f"{_TITLE[key]}: {format_decimal_id(first.target)} (baris {line}) dan "
                    f"{format_decimal_id(t.target)}; sisakan satu",
                    data.pos(FILE, (key, "target", j, "indikator")),
                )
            )
    return findings


def iku_tanpa_target(data: DataTahun, report: Report) -> list[Finding]:
    """An IKU (``utama: ya``) with no target in the PK in force: it has no capaian."""
    key = "perubahan" if data.pk.perubahan is not None else "murni"
    targeted = {t.indikator for t in data.pk.berlaku().target}
    findings = []
    for i, ind in enumerate(data.iku.indikator):
        if not ind.utama or ind.id in targeted:
            continue
        findings.append(
            error(
                "pk.iku-tanpa-target",
                f"indikator kinerja utama '{ind.nama}' tidak diberi target di {_TITLE[key]}, "
                "sehingga capaiannya tidak dapat dihitung; tambahkan "
                f"{{indikator: {ind.id}, target: ...}} ke pk.yaml",
                data.pos("iku.yaml", ("indikator", i, "id")),
            )
        )
    return findings


RULES: tuple[Rule, ...] = (
    anggaran_tidak_cocok,
    jumlah_tidak_cocok,
    program_ganda,
    program_tidak_ada,
    indikator_tidak_sama,
    indikator_ganda,
    iku_tanpa_target,
)
"""The rules of this family, in the order they run."""
