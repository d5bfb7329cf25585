"""Rules over the table titles set in data (``lkjip.yaml``, ``judul_tabel``).

A title set for a table that does not exist would silently never print, so an
unknown name is an error with the nearest known name; so is a ``{…}`` that the
title cannot be filled with.
"""

from __future__ import annotations

import difflib

from lkjip_cli.checks._common import Rule
from lkjip_cli.findings import Finding, error
from lkjip_cli.model import DataTahun
from lkjip_cli.report import Report

FILE = "lkjip.yaml"


def judul_tabel(data: DataTahun, report: Report) -> list[Finding]:
    """Each ``judul_tabel`` key names a built-in table and fills only what it can."""
    # imported here: only a year that sets titles needs the table registry
    from lkjip_cli.render import tables

    known = tables.names(report)
    families = [n for n in tables.TABLES if n.endswith("-S")]
    findings: list[Finding] = []
    for key, title in data.config.judul_tabel.items():
        where = data.pos(FILE, ("judul_tabel", key))
        if key not in known and key not in families:
            close = difflib.get_close_matches(key, [*known, *families], n=1)
            hint = (
                f"; maksud Anda '{close[0]}'?"
                if close
                else f"; yang dikenal: {', '.join([*known, *families])}"
            )
            findings.append(
                error(
                    "judul.tabel-tidak-dikenal",
                    f"judul_tabel.{key}: tabel '{key}' tidak dikenal{hint}",
                    where,
                )
            )
            continue
        found = tables.lookup(key, report)
        per_sasaran = key in families or (found is not None and found[1] is not None)
        for fill in tables.unknown_fills(title, per_sasaran=per_sasaran):
            allowed = "{sasaran} dan {tahun}" if per_sasaran else "{tahun}"
            findings.append(
                error(
                    "judul.isian-tidak-dikenal",
                    f"judul_tabel.{key}: '{fill}' tidak dapat diisi; judul tabel ini "
                    f"hanya dapat memuat {allowed}",
                    where,
                )
            )
    return findings


RULES: list[Rule] = [judul_tabel]
