"""Consistency rules: each family a module, each rule a pure function → findings."""

from __future__ import annotations

from lkjip_cli.findings import Finding
from lkjip_cli.model import DataTahun
from lkjip_cli.report import Report


def run(data: DataTahun, report: Report) -> list[Finding]:
    """Every finding of every rule over validated data and its Report."""
    findings: list[Finding] = []
    for rule_family in _families():
        findings.extend(rule_family(data, report))
    return findings


def _families() -> list[object]:
    return []
