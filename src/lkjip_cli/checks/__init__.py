"""Consistency rules: each family a module, each rule a pure function → findings.

Families: ``anggaran`` (the DPA tree), ``pk`` (PK against DPA and IKU),
``tercetak`` (figures as printed against computed), ``tabel`` (declared
tables: rincian, totals, constraints), ``indikator`` (a typed realization
against the one computed from data), ``skala`` (the predikat scale),
``judul`` (table titles set in data),
``kelengkapan`` (SAKIP completeness) and ``tahun_baru`` (a year still blank). Every
rule id is documented in ``docs/checks.md``.
"""

from __future__ import annotations

from lkjip_cli.checks import (
    anggaran,
    indikator,
    judul,
    kelengkapan,
    pk,
    skala,
    tabel,
    tahun_baru,
    tercetak,
)
from lkjip_cli.checks._common import Rule
from lkjip_cli.findings import Finding
from lkjip_cli.model import DataTahun
from lkjip_cli.report import Report


def run(data: DataTahun, report: Report) -> list[Finding]:
    """Every finding of every rule over validated data and its Report."""
    findings: list[Finding] = []
    for rule in _families():
        findings.extend(rule(data, report))
    return findings


def _families() -> list[Rule]:
    return [
        *anggaran.RULES,
        *pk.RULES,
        *tercetak.RULES,
        *tabel.RULES,
        *indikator.RULES,
        *skala.RULES,
        *judul.RULES,
        *kelengkapan.RULES,
        *tahun_baru.RULES,
    ]
