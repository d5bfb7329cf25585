"""Rules over the PMKS table (``pmks.yaml``, Tabel 3.8)."""

from __future__ import annotations

from decimal import Decimal

from lkjip_cli.checks._common import (
    Part,
    Rule,
    balancing,
    count,
    diff_text,
    suggestion,
    sum_lines,
)
from lkjip_cli.findings import Finding, error
from lkjip_cli.model import DataTahun
from lkjip_cli.report import Report

FILE = "pmks.yaml"


def rincian_tidak_cocok(data: DataTahun, report: Report) -> list[Finding]:
    """Sub-categories that do not add up to their category's jumlah (or tertangani)."""
    if data.pmks is None:
        return []
    findings = []
    for i, k in enumerate(data.pmks.kategori):
        if not k.rincian or data.is_incomplete(FILE, ("kategori", i, "rincian")):
            continue
        for name, total in (("jumlah", k.jumlah), ("tertangani", k.tertangani)):
            values = [getattr(r, name) for r in k.rincian]
            if any(v is None for v in values):
                continue
            parts = [Part(r.nama, Decimal(v)) for r, v in zip(k.rincian, values, strict=True)]
            computed = sum((p.value for p in parts), Decimal(0))
            if computed == total:
                continue
            lines = [
                f"{name} kategori PMKS '{k.nama}' tertulis {count(total)}, sedangkan jumlah "
                f"{len(parts)} rinciannya {count(computed)} "
                f"(selisih {diff_text(total, computed, count)})",
                *sum_lines(parts, count),
                *suggestion(name, balancing(parts, Decimal(total), computed), count),
            ]
            findings.append(
                error(
                    "pmks.rincian-tidak-cocok",
                    "\n".join(lines),
                    data.pos(FILE, ("kategori", i, name)),
                )
            )
    return findings


def tertangani_melebihi_jumlah(data: DataTahun, report: Report) -> list[Finding]:
    """More people handled than counted, in a category or a sub-category."""
    if data.pmks is None:
        return []
    findings = []
    for i, k in enumerate(data.pmks.kategori):
        rows: list[tuple[str, int, int | None, tuple[str | int, ...]]] = [
            (f"kategori PMKS '{k.nama}'", k.jumlah, k.tertangani, ("kategori", i))
        ]
        rows += [
            (
                f"rincian '{r.nama}' kategori PMKS '{k.nama}'",
                r.jumlah,
                r.tertangani,
                ("kategori", i, "rincian", j),
            )
            for j, r in enumerate(k.rincian)
        ]
        for label, jumlah, tertangani, path in rows:
            if tertangani is None or tertangani <= jumlah:
                continue
            findings.append(
                error(
                    "pmks.tertangani-melebihi-jumlah",
                    f"{label}: tertangani {count(tertangani)} orang melebihi jumlahnya "
                    f"{count(jumlah)} orang (lebih {count(tertangani - jumlah)})",
                    data.pos(FILE, (*path, "tertangani")),
                )
            )
    return findings


def jumlah_tidak_cocok(data: DataTahun, report: Report) -> list[Finding]:
    """The printed totals of the PMKS table against the sum of its categories."""
    pmks, hasil = data.pmks, report.pmks
    if pmks is None or hasil is None or pmks.jumlah is None:
        return []
    if data.is_incomplete(FILE, ("kategori",)):
        return []
    findings = []
    for name, computed in (("jumlah", hasil.jumlah), ("tertangani", hasil.tertangani)):
        stated = getattr(pmks.jumlah, name)
        if stated is None or stated == computed:
            continue
        parts = [Part(k.nama, Decimal(getattr(k, name))) for k in pmks.kategori]
        fixes = balancing(parts, Decimal(stated), Decimal(computed))
        lines = [
            f"{name} seluruh PMKS tertulis {count(stated)}, sedangkan jumlah "
            f"{len(parts)} kategorinya {count(computed)} "
            f"(selisih {diff_text(stated, computed, count)})",
            *suggestion(name, fixes[:3], count),
        ]
        findings.append(
            error("pmks.jumlah-tidak-cocok", "\n".join(lines), data.pos(FILE, ("jumlah", name)))
        )
    return findings


RULES: tuple[Rule, ...] = (rincian_tidak_cocok, tertangani_melebihi_jumlah, jumlah_tidak_cocok)
"""The rules of this family, in the order they run."""
